/** JavaScript on Node.js: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const javascriptMeta = {
  id: 'javascript',
  name: 'JavaScript (Node.js)',
  extensions: ['.js', '.cjs', '.mjs'],
  monaco: 'javascript',
  debian: ['nodejs'],
  stdioStarter: "const data = require('fs').readFileSync(0, 'utf8').split(/\\s+/).filter(Boolean);\n",
  sample:
    "const [a, b] = require('fs').readFileSync(0, 'utf8').split(/\\s+/).filter(Boolean).map(Number);\n" +
    'console.log(a + b);\n',
  samples: {
    hello: 'console.log("hello");\n',
    compileError: 'function broken( {\n',
    runtimeError: 'console.log("before");\nthrow new Error("broken");\n',
    timeLimit: 'for (;;) {}\n',
    memoryLimit: 'const keep = [];\nfor (;;) keep.push(new Array(1e6).fill(7));\n',
  },
} as const satisfies LanguageMeta;
