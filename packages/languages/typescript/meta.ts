/** TypeScript (transpiled by esbuild, run on Node.js): what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const typescriptMeta = {
  id: 'typescript',
  name: 'TypeScript',
  extensions: ['.ts', '.cts', '.mts'],
  monaco: 'typescript',
  debian: ['nodejs'],
  stdioStarter:
    "const data: string[] = require('fs').readFileSync(0, 'utf8').split(/\\s+/).filter(Boolean);\n",
  sample:
    "const [a, b]: number[] = require('fs').readFileSync(0, 'utf8').split(/\\s+/).filter(Boolean).map(Number);\n" +
    'console.log(a + b);\n',
  samples: {
    hello: 'const greeting: string = "hello";\nconsole.log(greeting);\n',
    compileError: 'const x: number = ;\n',
    runtimeError: 'console.log("before");\nthrow new Error("broken");\n',
    timeLimit: 'for (;;) {}\n',
    memoryLimit: 'const keep: number[][] = [];\nfor (;;) keep.push(new Array(1e6).fill(7));\n',
  },
} as const satisfies LanguageMeta;
