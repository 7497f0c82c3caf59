/**
 * Run by tests/integration/test-children.test.ts as a stand-in for a test process: starts an API
 * with `spawnApp`, prints its pid and prefix, then dies as asked (`kill`: SIGKILL to itself; `exit`: exits).
 */
import { spawnApp, testPrefix, type ChildApp } from './platform.js';

const how = process.argv[2] === 'kill' ? 'kill' : 'exit';
const prefix = testPrefix();
// On a busy machine an API can take longer to start than spawnApp waits: try again (a start that
// timed out is owned too, and goes when this process does).
let app: ChildApp | null = null;
for (let attempt = 1; app === null; attempt += 1) {
  try {
    app = await spawnApp('api', { REDIS_PREFIX: prefix, PORT: '0' }, 'api listening');
  } catch (error) {
    if (attempt === 3) throw error;
  }
}
process.stdout.write(`api pid ${app.child.pid} prefix ${prefix}\n`);
if (how === 'kill') process.kill(process.pid, 'SIGKILL');
else process.exit(0);
