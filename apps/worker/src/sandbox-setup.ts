/**
 * Chooses and builds the sandbox the worker runs code in. The default is the bubblewrap
 * sandbox; if it cannot be set up the worker refuses to start with the reason. Running
 * without isolation needs an explicit development setting and is logged loudly.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '@arbiter/observability';
import { createBwrapSandbox, createUnsandboxedSandbox, type Sandbox } from '@arbiter/sandbox';
import type { WorkerEnv } from './env.js';

export class SandboxUnavailableError extends Error {
  override name = 'SandboxUnavailableError';
}

export interface SandboxSetupOptions {
  /** Runs at once (the worker's concurrency). */
  slots: number;
  /** Host folders every run may read (at the same path), e.g. the precompiled C++ header. */
  readOnlyPaths: string[];
}

/** Sandbox instances one host can hold: each has its own cgroup folder, work root and uid range. */
const MAX_INSTANCES = 32;
/** uids per instance: cells are `slots` plus a few prepared spares. */
const UIDS_PER_INSTANCE = 300;

export async function setUpSandbox(
  env: WorkerEnv,
  logger: Logger,
  options: SandboxSetupOptions,
): Promise<Sandbox> {
  if (env.SANDBOX === 'none') {
    if (env.NODE_ENV !== 'development' && !env.ALLOW_UNSANDBOXED) {
      throw new SandboxUnavailableError(
        'SANDBOX=none runs user code without any isolation and is refused outside development. ' +
          'Use SANDBOX=bwrap, or set NODE_ENV=development (or ALLOW_UNSANDBOXED=true) on a machine you own.',
      );
    }
    logger.warn(
      { sandbox: 'unsandboxed' },
      'UNSANDBOXED: user code runs with the worker’s own rights. For development only; never expose this worker.',
    );
    return createUnsandboxedSandbox();
  }
  if (options.slots + 8 > UIDS_PER_INSTANCE) {
    throw new SandboxUnavailableError(
      `WORKER_CONCURRENCY ${options.slots} is too high for one sandbox instance`,
    );
  }

  // Several workers may share a host: each takes the first instance no live worker holds
  // (or the one SANDBOX_INSTANCE names). An instance's start sweeps what a crashed owner left.
  const first = env.SANDBOX_INSTANCE ?? 0;
  const last = env.SANDBOX_INSTANCE ?? MAX_INSTANCES - 1;
  let lastError: unknown = null;
  for (let instance = first; instance <= last; instance += 1) {
    const name = `arbiter-${instance}`;
    try {
      const sandbox = await createBwrapSandbox({
        slots: options.slots,
        cgroupRoot: name,
        workRoot: join(env.SANDBOX_WORK_ROOT ?? tmpdir(), `${name}-sandbox`),
        uidBase: env.SANDBOX_UID_BASE + instance * UIDS_PER_INSTANCE,
        extraRoBinds: options.readOnlyPaths,
        logger,
      });
      logger.info({ sandbox: sandbox.kind, instance }, 'sandbox ready');
      return sandbox;
    } catch (error) {
      lastError = error;
      if (!(error instanceof Error && /in use by process|already uses/.test(error.message))) break;
    }
  }
  const reason = lastError instanceof Error ? lastError.message : String(lastError);
  throw new SandboxUnavailableError(`the sandbox cannot be set up: ${reason}`);
}
