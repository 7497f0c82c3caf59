/** PyPy 3: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const pypyMeta = {
  id: 'pypy',
  name: 'PyPy 3',
  extensions: ['.py'],
  monaco: 'python',
  debian: ['pypy3'],
  stdioStarter: 'import sys\n\ndata = sys.stdin.read().split()\n',
  sample: 'import sys\n\na, b = map(int, sys.stdin.read().split())\nprint(a + b)\n',
  samples: {
    hello: 'print("hello")\n',
    compileError: 'def broken(:\n    pass\n',
    runtimeError: 'print("before")\nraise ValueError("broken")\n',
    timeLimit: 'while True:\n    pass\n',
    memoryLimit: 'blocks = []\nwhile True:\n    blocks.append(bytearray(16 << 20))\n',
  },
} as const satisfies LanguageMeta;
