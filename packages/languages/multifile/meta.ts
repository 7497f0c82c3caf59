/** A multi-file program (Judge0's language 89): what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

/**
 * The folder a multi-file program's files are given in (the API puts them there), and its scripts run in.
 * A folder keeps the files' own names (`main.c`, `main`) clear of the names kept for an entry file.
 */
export const MULTIFILE_FOLDER = 'program';

/**
 * Its programs are a folder (a `run` script, maybe a `compile` one), not one source, so it is offered only
 * through the Judge0 API's `additional_files`: never in `GET /languages`, the web's picker or Piston. Its
 * code, when it has any, is the `run` script alone: so are its samples (the worker's self-test runs A+B).
 */
export const multifileMeta = {
  id: 'multifile',
  name: 'Multi-file program',
  extensions: ['.sh'],
  monaco: 'shell',
  debian: ['bash'],
  unlisted: true,
  stdioStarter: 'read -r a b\n',
  sample: 'read -r a b\necho $((a + b))\n',
  samples: {
    hello: 'echo hello\n',
    compileError: 'if then\n',
    runtimeError: 'echo before\nexit 3\n',
    timeLimit: 'while :; do :; done\n',
    memoryLimit: 'x=a; while :; do x=$x$x; done\n',
  },
} as const satisfies LanguageMeta;
