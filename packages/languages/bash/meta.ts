/** Bash: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const bashMeta = {
  id: 'bash',
  name: 'Bash',
  extensions: ['.sh', '.bash'],
  monaco: 'shell',
  debian: ['bash'],
  stdioStarter: 'read -r line\n',
  sample: 'read -r a b\necho $((a + b))\n',
  samples: {
    hello: 'echo hello\n',
    compileError: 'if true; then\n  echo broken\n',
    runtimeError: 'echo before\nexit 3\n',
    timeLimit: 'while :; do :; done\n',
    memoryLimit: 'x=xxxxxxxxxxxxxxxx\nwhile :; do x="$x$x"; done\n',
  },
} as const satisfies LanguageMeta;
