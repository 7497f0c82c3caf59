/** Crystal: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

export const crystalMeta = {
  id: 'crystal',
  name: 'Crystal',
  extensions: ['.cr'],
  // Monaco has no Crystal grammar; Crystal's syntax is Ruby's.
  monaco: 'ruby',
  debian: ['crystal'],
  stdioStarter: lines('line = gets'),
  sample: lines('a, b = gets.not_nil!.split.map(&.to_i64)', 'puts a + b'),
  samples: {
    hello: lines('puts "hello"'),
    compileError: lines('x : Int32 = "s"', 'puts x'),
    runtimeError: lines('puts "before"', 'STDOUT.flush', 'exit 3'),
    timeLimit: lines('x = 0_i64', 'while true', '  x = (x + 1) % 1000', 'end'),
    memoryLimit: lines(
      'blocks = [] of Array(Int64)',
      'loop do',
      '  blocks << Array(Int64).new(1 << 20) { |i| i.to_i64 }',
      'end',
    ),
  },
} as const satisfies LanguageMeta;
