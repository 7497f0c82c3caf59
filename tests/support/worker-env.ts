/** Settings every test worker gets: the real sandbox (TEST_SANDBOX=none to debug without it). */
export const TEST_WORKER_ENV: Record<string, string> = {
  SANDBOX: process.env.TEST_SANDBOX ?? 'bwrap',
  ALLOW_UNSANDBOXED: process.env.TEST_SANDBOX === 'none' ? 'true' : 'false',
  WORKER_CONCURRENCY: '2',
  HEARTBEAT_MS: '1000',
  // A slow machine (the cgroup v2 guest) limits the workers to the languages its suites use.
  ...(process.env.TEST_WORKER_LANGUAGES ? { WORKER_LANGUAGES: process.env.TEST_WORKER_LANGUAGES } : {}),
};
