/**
 * Chooses the sandbox the worker runs code in. Running without isolation needs an
 * explicit development setting and is logged loudly; anything else that prevents the
 * real sandbox from working stops the worker with the reason.
 */
import type { Logger } from '@arbiter/observability';
import { createUnsandboxedSandbox, type Sandbox } from '@arbiter/sandbox';
import type { WorkerEnv } from './env.js';

export class SandboxUnavailableError extends Error {
  override name = 'SandboxUnavailableError';
}

export interface SandboxSetupOptions {
  /** Host folders every run may read (at the same path), e.g. the precompiled C++ header. */
  readOnlyPaths: string[];
}

export async function setUpSandbox(
  env: WorkerEnv,
  logger: Logger,
  _options: SandboxSetupOptions,
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
  throw new SandboxUnavailableError(
    'The bubblewrap sandbox is not available in this build yet. ' +
      'For development, start the worker with SANDBOX=none and NODE_ENV=development.',
  );
}
