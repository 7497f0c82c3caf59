/** Elixir: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

export const elixirMeta = {
  id: 'elixir',
  name: 'Elixir',
  extensions: ['.exs', '.ex'],
  monaco: 'elixir',
  debian: ['elixir'],
  stdioStarter: lines('line = IO.read(:stdio, :line)', ''),
  sample: lines(
    'line = IO.read(:stdio, :line)',
    '[a, b] = line |> String.split() |> Enum.map(&String.to_integer/1)',
    'IO.puts(a + b)',
  ),
  samples: {
    hello: lines('IO.puts("hello")'),
    compileError: lines('IO.puts("hello"', ''),
    runtimeError: lines('IO.puts("before")', 'raise "broken"'),
    timeLimit: lines('defmodule Main do', '  def loop(n), do: loop(n + 1)', 'end', '', 'Main.loop(0)'),
    memoryLimit: lines(
      'defmodule Main do',
      '  def grow(keep), do: grow([Enum.to_list(1..100_000) | keep])',
      'end',
      '',
      'Main.grow([])',
    ),
  },
} as const satisfies LanguageMeta;
