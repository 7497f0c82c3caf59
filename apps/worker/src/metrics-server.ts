/**
 * The worker's small HTTP server (METRICS_PORT): `GET /metrics` in the Prometheus text format
 * (with METRICS_TOKEN set, only for `Authorization: Bearer <token>`; without one, open in
 * development and refused elsewhere, as on the API) and `GET /health`, which is always open.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  METRICS_REFUSALS,
  decideMetricsAccess,
  describeMetricsAccess,
  type Logger,
  type MetricsAccess,
  type Registry,
} from '@arbiter/observability';

export interface MetricsServerOptions {
  /** 0: any free port (see `MetricsServer.port`). */
  port: number;
  /** Interface to listen on; default: all. */
  host?: string;
  registry: Registry;
  /** Who may read `/metrics` (from METRICS_TOKEN and NODE_ENV). */
  access: MetricsAccess;
  /** The body of `GET /health`. */
  health: () => Record<string, unknown>;
  logger: Logger;
}

export interface MetricsServer {
  /** The port it listens on. */
  port: number;
  close(): Promise<void>;
}

export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const { registry, logger } = options;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      answer(res, 405, { error: 'GET only' }, { allow: 'GET, HEAD' });
      return;
    }
    if (path === '/health') {
      answer(res, 200, { status: 'ok', ...options.health() });
      return;
    }
    if (path !== '/metrics') {
      answer(res, 404, { error: 'GET /metrics or /health' });
      return;
    }
    const decision = decideMetricsAccess(options.access, req.headers.authorization);
    if (decision === 'unauthenticated') {
      answer(
        res,
        401,
        { error: METRICS_REFUSALS.unauthenticated },
        { 'www-authenticate': 'Bearer realm="metrics"' },
      );
      return;
    }
    if (decision === 'closed') {
      answer(res, 403, { error: METRICS_REFUSALS.closed });
      return;
    }
    registry.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : text);
      },
      (err: unknown) => {
        logger.error({ err }, 'could not collect metrics');
        answer(res, 500, { error: 'could not collect metrics' });
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => logger.error({ err }, 'metrics server error'));
  const port = (server.address() as AddressInfo).port;
  logger.info({ port }, 'metrics listening');
  const note = describeMetricsAccess(options.access, `GET /metrics on :${port}`);
  logger[note.level](note.message);
  return {
    port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Scrapers keep connections alive: close them rather than wait for their timeout.
      server.closeAllConnections();
      await closed;
    },
  };
}

function answer(
  res: ServerResponse,
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
