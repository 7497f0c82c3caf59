/** Nim: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

export const nimMeta = {
  id: 'nim',
  name: 'Nim',
  extensions: ['.nim'],
  // Monaco has no Nim grammar; Python's (indentation, `#` comments, most keywords) is the closest.
  monaco: 'python',
  debian: ['nim'],
  stdioStarter: lines('import strutils', '', 'let line = stdin.readLine()'),
  sample: lines(
    'import strutils',
    '',
    'let parts = stdin.readLine().splitWhitespace()',
    'echo parseInt(parts[0]) + parseInt(parts[1])',
  ),
  samples: {
    hello: lines('echo "hello"'),
    compileError: lines('let x: int = "s"', 'echo x'),
    runtimeError: lines('echo "before"', 'quit(3)'),
    timeLimit: lines('var x = 0', 'while true:', '  x = (x + 1) mod 1000'),
    memoryLimit: lines(
      'var blocks: seq[seq[int]] = @[]',
      'while true:',
      '  var s = newSeq[int](1 shl 20)',
      '  for i in 0 ..< s.len: s[i] = i',
      '  blocks.add(s)',
    ),
  },
} as const satisfies LanguageMeta;
