/**
 * The queue dashboard (Bull Board) for admins: the `submissions` and `results` queues, with its
 * UI, its JSON API (`<base>/api/*`) and its static files, all under one base path. The caller
 * puts the admin check in front of the whole mount.
 *
 * It is served from the API's own origin, so its writes (retry, clean, pause: `PUT`/`POST` with
 * a JSON body or none) pass the Origin check and need no CORS; the API's JSON parser has already
 * read any body, which the dashboard's own parser then leaves alone. Its pages get a
 * Content-Security-Policy that allows only this origin, and its page loses the stylesheet link
 * to a web font service that the dashboard's template carries: nothing is fetched from elsewhere
 * (system fonts are used).
 */
import type { Express, RequestHandler } from 'express';
import type { Queue } from 'bullmq';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { PAGE_CONTENT_SECURITY_POLICY } from '../http/page-security.js';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

const securityHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    'Content-Security-Policy': PAGE_CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  });
  next();
};

/** The template's `<link … href="https://fonts.googleapis.com/…">` (and any preconnect to it). */
const REMOTE_FONT_LINK = /<link\b[^>]*\bhref="https:\/\/fonts\.(?:googleapis|gstatic)\.com[^"]*"[^>]*>\s*/g;

/** Renders the dashboard's page as usual, minus links to remote fonts. */
const localPageOnly: RequestHandler = (_req, res, next) => {
  const render = res.render.bind(res);
  const renderLocal = (view: string, options?: object) =>
    render(view, options ?? {}, (error: Error | null, html?: string) => {
      if (error) next(error);
      else res.send((html ?? '').replace(REMOTE_FONT_LINK, ''));
    });
  res.render = renderLocal as typeof res.render;
  next();
};

export interface QueueDashboardOptions {
  /** The queues to show, e.g. `submissions` and `results`. */
  queues: Queue[];
  /** Where it is mounted; default `/admin/queues`. */
  basePath?: string;
}

/** The dashboard as an Express app, to mount (with `app.use`) at `basePath` behind the admin check. */
export function createQueueDashboard(options: QueueDashboardOptions): Express {
  const basePath = options.basePath ?? QUEUE_DASHBOARD_PATH;
  const serverAdapter = new ExpressAdapter();
  const dashboard = serverAdapter.getRouter() as Express;
  dashboard.disable('x-powered-by');
  // Before the dashboard adds its routes and static files, so it covers all of them.
  dashboard.use(securityHeaders, localPageOnly);
  serverAdapter.setBasePath(basePath);
  createBullBoard({
    queues: options.queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Arbiter queues' } },
  });
  return dashboard;
}
