/**
 * Admin routes, admins only (401 signed out, 403 for other users): `GET /admin/workers`, the live
 * workers from their heartbeats, and the queue dashboard (Bull Board) at `/admin/queues`, with
 * everything under it (its JSON API and static files).
 */
import { Router, type Express } from 'express';
import type { Queue } from 'bullmq';
import type { AdminWorker, AdminWorkersResponse } from '@arbiter/contracts';
import type { WorkerAdvert } from '@arbiter/queue';
import { QUEUE_DASHBOARD_PATH, createQueueDashboard } from '../admin/bull-board.js';
import { adminOnly, requireAdmin } from '../admin/require-admin.js';
import { unavailable } from '../http/http-error.js';
import type { ApiResources } from '../resources.js';

function toAdminWorker(advert: WorkerAdvert): AdminWorker {
  return {
    id: advert.id,
    host: advert.host,
    pid: advert.pid,
    concurrency: advert.concurrency,
    active: advert.active,
    sandbox: advert.sandbox,
    languages: advert.languages,
    version: advert.version,
    startedAt: advert.startedAt,
  };
}

export interface AdminRouteOptions {
  /** Queues the dashboard shows; default: the submissions queue alone. */
  queues?: Queue[];
}

/**
 * Mounts the admin routes on the app itself: the dashboard is an Express app of its own, which
 * only `app.use` mounts properly (settings and request prototypes inherited and restored).
 */
export function mountAdminRoutes(
  app: Express,
  resources: Pick<ApiResources, 'registry' | 'queue' | 'logger'>,
  options: AdminRouteOptions = {},
): void {
  const router = Router();

  router.get('/admin/workers', async (req, res) => {
    requireAdmin(req, 'see the workers');
    let adverts: WorkerAdvert[];
    try {
      adverts = await resources.registry.live();
    } catch (error) {
      resources.logger.warn({ err: error }, 'could not read the worker registry');
      throw unavailable('Could not reach Redis to list the workers. Try again in a few seconds.');
    }
    const workers = adverts
      .map(toAdminWorker)
      .sort((a, b) => a.host.localeCompare(b.host) || a.id.localeCompare(b.id));
    const answer: AdminWorkersResponse = { workers };
    res.set('Cache-Control', 'no-store').json(answer);
  });

  app.use(router);
  app.use(
    QUEUE_DASHBOARD_PATH,
    adminOnly('open the queue dashboard'),
    createQueueDashboard({ queues: options.queues ?? [resources.queue] }),
  );
}
