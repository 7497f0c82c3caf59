/** Ruby: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const rubyMeta = {
  id: 'ruby',
  name: 'Ruby',
  extensions: ['.rb'],
  monaco: 'ruby',
  debian: ['ruby'],
  stdioStarter: 'data = $stdin.read.split\n',
  sample: 'a, b = $stdin.read.split.map(&:to_i)\nputs a + b\n',
  samples: {
    hello: 'puts "hello"\n',
    compileError: 'def broken(\n  1\n',
    runtimeError: 'puts "before"\n$stdout.flush\nraise "broken"\n',
    timeLimit: 'loop {}\n',
    memoryLimit: 'blocks = []\nloop { blocks << "x" * (16 << 20) }\n',
  },
} as const satisfies LanguageMeta;
