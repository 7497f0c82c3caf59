/** Prolog (SWI-Prolog): what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

export const prologMeta = {
  id: 'prolog',
  name: 'Prolog (SWI-Prolog)',
  extensions: ['.pl', '.pro'],
  // Monaco has no Prolog grammar.
  monaco: 'plaintext',
  debian: ['swi-prolog-nox'],
  stdioStarter: lines(
    ':- initialization(main, main).',
    '',
    'main :-',
    '    read_line_to_string(user_input, Line),',
    '    format("~w~n", [Line]).',
  ),
  sample: lines(
    ':- initialization(main, main).',
    '',
    'main :-',
    '    read_line_to_string(user_input, Line),',
    '    split_string(Line, " ", " ", [SA, SB]),',
    '    number_string(A, SA),',
    '    number_string(B, SB),',
    '    C is A + B,',
    '    format("~w~n", [C]).',
  ),
  samples: {
    hello: lines(':- initialization(main, main).', '', 'main :- format("hello~n").'),
    compileError: lines(':- initialization(main, main).', '', 'main :- write(hello.'),
    runtimeError: lines(
      ':- initialization(main, main).',
      '',
      'main :- format("before~n"), X is 1 / 0, write(X).',
    ),
    timeLimit: lines(':- initialization(main, main).', '', 'main :- loop.', '', 'loop :- loop.'),
    memoryLimit: lines(
      ':- initialization(main, main).',
      '',
      'main :- grow([]).',
      '',
      'grow(Keep) :- numlist(1, 100000, L), grow([L|Keep]).',
    ),
  },
} as const satisfies LanguageMeta;
