/**
 * Admin routes, admins only (401 signed out, 403 for other users): `GET /admin/workers`, the live
 * workers from their heartbeats, `PUT /admin/users/:username/role`, and the queue dashboard (Bull Board) at `/admin/queues`, with
 * everything under it (its JSON API and static files).
 */
import type { Express } from 'express';
import { z } from 'zod';
import { usernameSchema, type SetRoleResponse as SetRoleAnswer } from '@arbiter/contracts';
import type { Queue } from 'bullmq';
import type { AdminWorker, AdminWorkersResponse } from '@arbiter/contracts';
import type { WorkerAdvert } from '@arbiter/queue';
import { QUEUE_DASHBOARD_PATH, createQueueDashboard } from '../admin/bull-board.js';
import { adminOnly, requireAdmin } from '../admin/require-admin.js';
import { ADMIN } from '../auth/access.js';
import { changeRole } from '../auth/change-role.js';
import { toAuthUser } from '../auth/session.js';
import { HttpError, notFound, unavailable } from '../http/http-error.js';
import { defineRoute, type RouteSpec } from '../http/route.js';
import {
  AdminWorkers,
  QueueDashboardList,
  SetRoleRequest,
  SetRoleResponse,
} from '../openapi/http-schemas.js';
import type { ApiResources } from '../resources.js';

function toAdminWorker(advert: WorkerAdvert): AdminWorker {
  return {
    id: advert.id,
    host: advert.host,
    pid: advert.pid,
    concurrency: advert.concurrency,
    active: advert.active,
    sandbox: advert.sandbox,
    sandboxDriver: advert.sandboxDriver,
    languages: advert.languages,
    version: advert.version,
    startedAt: advert.startedAt,
  };
}

export interface AdminRouteOptions {
  /** Queues the dashboard shows; default: the submissions queue alone. */
  queues?: Queue[];
}

const DASHBOARD_ACTION = 'open the queue dashboard';

export function adminRoutes(resources: Pick<ApiResources, 'registry' | 'logger' | 'db'>): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/admin/workers',
      tag: 'Admin',
      summary: 'Live workers: languages, load, version, sandbox',
      description: "From the workers' heartbeats; a worker that missed three heartbeats is gone.",
      access: ADMIN,
      action: 'see the workers',
      responses: {
        200: { description: 'The live workers, by host.', body: AdminWorkers },
        503: { description: '`SERVICE_UNAVAILABLE`: Redis is unreachable.', errors: ['SERVICE_UNAVAILABLE'] },
      },
      handle: async (_input, req, res) => {
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
      },
    }),
    defineRoute({
      method: 'put',
      path: '/admin/users/:username/role',
      tag: 'Admin',
      summary: "Change an account's role",
      description:
        '`admin`, `organiser` (who creates and runs contests; `teacher` is accepted and stored as `organiser`) ' +
        'or `user`. Roles are read on every request, so the change applies to open sessions at once. ' +
        'The last admin cannot be demoted.',
      access: ADMIN,
      action: 'change roles',
      params: z.object({ username: usernameSchema.describe('The account, as it signs in.') }),
      invalid: (part, error, req) =>
        part === 'params' ? notFound(`No account named "${String(req.params.username)}".`) : error,
      body: SetRoleRequest,
      responses: {
        200: { description: 'The account with its new role.', body: SetRoleResponse },
        400: { description: '`role` names no role.', errors: ['INVALID_REQUEST', 'INVALID_JSON'] },
        404: { description: '`NOT_FOUND`: no such account.', errors: ['NOT_FOUND'] },
        409: { description: '`CONFLICT`: the account is the only admin.', errors: ['CONFLICT'] },
      },
      handle: async ({ params, body }, _req, res) => {
        const change = await changeRole(resources.db, params.username, body.role);
        if (change.outcome === 'no-such-user') throw notFound(`No account named "${params.username}".`);
        if (change.outcome === 'last-admin')
          throw new HttpError(
            409,
            'CONFLICT',
            `${change.user.username} is the only admin; make someone else an admin first.`,
          );
        const answer: SetRoleAnswer = { user: toAuthUser(change.user) };
        res.json(answer);
      },
    }),
    // Served by the dashboard's own application (mountQueueDashboard), described here.
    defineRoute({
      method: 'get',
      path: QUEUE_DASHBOARD_PATH,
      tag: 'Admin',
      summary: 'Queue dashboard (Bull Board) for the `submissions` and `results` queues',
      description:
        'An HTML application. Everything under `/admin/queues/` belongs to it and is for admins only: ' +
        'its JSON API (`/admin/queues/api/…`, whose writes retry, clean, pause or remove jobs) and its ' +
        'static files (`/admin/queues/static/…`).',
      access: ADMIN,
      action: DASHBOARD_ACTION,
      responses: {
        200: { description: 'The dashboard.', media: { type: 'text/html', schema: { type: 'string' } } },
      },
    }),
    defineRoute({
      method: 'get',
      path: `${QUEUE_DASHBOARD_PATH}/api/queues`,
      tag: 'Admin',
      summary: "The queue dashboard's queue list (its own format)",
      access: ADMIN,
      action: DASHBOARD_ACTION,
      responses: { 200: { description: 'The queues with their jobs and counts.', body: QueueDashboardList } },
    }),
  ];
}

/**
 * Mounts the queue dashboard on the app itself: it is an Express app of its own, which only
 * `app.use` mounts properly (settings and request prototypes inherited and restored).
 */
export function mountQueueDashboard(
  app: Express,
  resources: Pick<ApiResources, 'queue'>,
  options: AdminRouteOptions = {},
): void {
  app.use(
    QUEUE_DASHBOARD_PATH,
    adminOnly(DASHBOARD_ACTION),
    createQueueDashboard({ queues: options.queues ?? [resources.queue] }),
  );
}
