/** Running untrusted programs: the `Sandbox` contract and its implementations. */
export type { OutputStream, RunLimits, RunReport, RunRequest, RunStatus, Sandbox } from './sandbox.js';
export { createUnsandboxedSandbox } from './unsandboxed.js';
