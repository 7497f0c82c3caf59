/**
 * `callbackUrl` of `POST /submit`: once the job is finished, `POST <callbackUrl>` with the job as
 * `GET /status/{jobId}` answers it (JSON), through the callback guard and with its retries
 * (`http/outbound/`). Sent by the API instance that accepted the job; if it stops first, nothing is sent.
 */
import { isFinalStatus } from '@arbiter/contracts';
import { deliverCallback, type CallbackPolicy } from '../http/outbound/deliver-callback.js';
import type { ApiResources } from '../resources.js';
import type { JobWatcher } from './job-watcher.js';

/** Longest a callback waits for its job (queued behind others, then judged). */
const CALLBACK_WAIT_MS = 30 * 60_000;

export interface ResultCallbacks {
  watcher: JobWatcher;
  policy: CallbackPolicy;
}

export function sendResultWhenDone(
  resources: ApiResources,
  callbacks: ResultCallbacks,
  jobId: string,
  url: string,
): void {
  const { logger } = resources;
  void (async () => {
    const answer = await callbacks.watcher.finished(jobId, CALLBACK_WAIT_MS);
    if (answer === null || !isFinalStatus(answer.status)) {
      logger.warn({ jobId }, 'callback not sent: the job did not finish in time');
      return;
    }
    const outcome = await deliverCallback(url, JSON.stringify(answer), callbacks.policy, 'POST');
    if (outcome.delivered)
      logger.info({ jobId, status: outcome.status, tries: outcome.tries }, 'callback delivered');
    else logger.warn({ jobId, reason: outcome.reason, tries: outcome.tries }, 'callback not delivered');
  })().catch((error: unknown) => logger.warn({ err: error, jobId }, 'callback failed'));
}
