/** Erlang/OTP: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

export const erlangMeta = {
  id: 'erlang',
  name: 'Erlang',
  extensions: ['.erl'],
  // Monaco has no Erlang grammar: plain text.
  monaco: 'plaintext',
  debian: ['erlang-nox'],
  stdioStarter: lines(
    '-module(main).',
    '-export([main/0]).',
    '',
    'main() ->',
    '    {ok, [N]} = io:fread("", "~d"),',
    '    io:format("~w~n", [N]).',
  ),
  sample: lines(
    '-module(main).',
    '-export([main/0]).',
    '',
    'main() ->',
    '    {ok, [A, B]} = io:fread("", "~d ~d"),',
    '    io:format("~w~n", [A + B]).',
  ),
  samples: {
    hello: lines('-module(main).', '-export([main/0]).', '', 'main() ->', '    io:format("hello~n").'),
    compileError: lines(
      '-module(main).',
      '-export([main/0]).',
      '',
      'main() ->',
      '    io:format("~w~n", [Missing]).',
    ),
    runtimeError: lines(
      '-module(main).',
      '-export([main/0]).',
      '',
      'main() ->',
      '    io:format("before~n"),',
      '    halt(3).',
    ),
    timeLimit: lines(
      '-module(main).',
      '-export([main/0]).',
      '',
      'main() -> loop(0).',
      '',
      'loop(N) -> loop(N + 1).',
    ),
    memoryLimit: lines(
      '-module(main).',
      '-export([main/0]).',
      '',
      'main() -> grow([]).',
      '',
      'grow(Keep) -> grow([lists:seq(1, 100000) | Keep]).',
    ),
  },
} as const satisfies LanguageMeta;
