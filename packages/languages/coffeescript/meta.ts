/** CoffeeScript: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const coffeescriptMeta = {
  id: 'coffeescript',
  name: 'CoffeeScript',
  extensions: ['.coffee'],
  monaco: 'coffee',
  debian: ['coffeescript', 'nodejs'],
  stdioStarter: "data = require('fs').readFileSync(0, 'utf8').split(/\\s+/).filter(Boolean)\n",
  sample:
    "[a, b] = require('fs').readFileSync(0, 'utf8').split(/\\s+/).filter(Boolean).map(Number)\nconsole.log a + b\n",
  samples: {
    hello: 'console.log "hello"\n',
    compileError: 'broken = (->\n',
    runtimeError: 'console.log "before"\nthrow new Error "broken"\n',
    timeLimit: 'loop then\n',
    memoryLimit: 'keep = []\nloop\n  keep.push new Array(1e6).fill(7)\n',
  },
} as const satisfies LanguageMeta;
