// Preloaded (`node --import`) into an API or worker process by `bench:cpu-per-job --profile <dir>`: the first
// SIGUSR2 starts V8's CPU profiler, the second stops it and writes <dir>/<pid>.cpuprofile, so the profile
// covers the measured batch only (not start-up, the self-test or the warm-up). Open it in Chrome's DevTools or
// summarise it with `npx tsx bench/profile-summary.ts <file>`.
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.BENCH_PROFILE_DIR;
if (dir !== undefined && dir !== '') {
  const session = new Session();
  session.connect();
  let running = false;
  const post = (method, params = {}) =>
    new Promise((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  process.on('SIGUSR2', () => {
    if (!running) {
      running = true;
      // 1 ms samples: fine enough for per-job costs of a few ms, cheap enough not to change them much.
      void post('Profiler.enable')
        .then(() => post('Profiler.setSamplingInterval', { interval: 1000 }))
        .then(() => post('Profiler.start'));
      return;
    }
    running = false;
    void post('Profiler.stop').then(({ profile }) => {
      writeFileSync(join(dir, `${process.pid}.cpuprofile`), JSON.stringify(profile));
    });
  });
}
