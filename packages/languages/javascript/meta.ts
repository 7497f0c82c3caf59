/** JavaScript on Node.js: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const javascriptMeta = {
  id: 'javascript',
  name: 'JavaScript (Node.js)',
  extensions: ['.js', '.cjs', '.mjs'],
  monaco: 'javascript',
  stdioStarter: "const data = require('fs').readFileSync(0, 'utf8').split(/\\s+/).filter(Boolean);\n",
  sample:
    "const [a, b] = require('fs').readFileSync(0, 'utf8').split(/\\s+/).filter(Boolean).map(Number);\n" +
    'console.log(a + b);\n',
} as const satisfies LanguageMeta;
