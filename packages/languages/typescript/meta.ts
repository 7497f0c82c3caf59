/** TypeScript (transpiled by esbuild, run on Node.js): what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const typescriptMeta = {
  id: 'typescript',
  name: 'TypeScript',
  extensions: ['.ts', '.cts', '.mts'],
  monaco: 'typescript',
  stdioStarter:
    "const data: string[] = require('fs').readFileSync(0, 'utf8').split(/\\s+/).filter(Boolean);\n",
  sample:
    "const [a, b]: number[] = require('fs').readFileSync(0, 'utf8').split(/\\s+/).filter(Boolean).map(Number);\n" +
    'console.log(a + b);\n',
} as const satisfies LanguageMeta;
