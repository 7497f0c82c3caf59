/** AWK (gawk): what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const awkMeta = {
  id: 'awk',
  name: 'AWK (gawk)',
  extensions: ['.awk'],
  monaco: 'plaintext',
  debian: ['gawk'],
  stdioStarter: '{\n    \n}\n',
  sample: '{ print $1 + $2 }\n',
  samples: {
    hello: 'BEGIN { print "hello" }\n',
    compileError: 'BEGIN { print ( }\n',
    runtimeError: 'BEGIN { print "before"; exit 3 }\n',
    timeLimit: 'BEGIN { while (1) {} }\n',
    memoryLimit: 'BEGIN { x = "xxxxxxxxxxxxxxxx"; while (1) x = x x }\n',
  },
} as const satisfies LanguageMeta;
