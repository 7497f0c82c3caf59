/** Running untrusted programs: the `Sandbox` contract, the bubblewrap + cgroup sandbox, and the unsandboxed runner. */
export type {
  ChannelPort,
  OutputStream,
  RunChannel,
  RunUsage,
  RunLimits,
  RunReport,
  RunRequest,
  RunStatus,
  Sandbox,
  SandboxCounters,
} from './sandbox.js';
export {
  createBwrapSandbox,
  type BwrapSandbox,
  type BwrapSandboxOptions,
  type SandboxLogger,
} from './bwrap-sandbox.js';
export { checkSandbox } from './check.js';
export type { CgroupDriver, RunCgroup } from './cgroup.js';
export { createUnsandboxedSandbox } from './unsandboxed.js';
export { defaultRunLimits } from './limits.js';
