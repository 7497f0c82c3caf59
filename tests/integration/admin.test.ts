/**
 * Admin routes: the first account is the admin; admins see the live workers (`GET /admin/workers`)
 * and the queue dashboard at `/admin/queues` (its page, JSON API and static files), whose actions
 * work from its own page; signed-out clients get 401 and other users 403 on every part of it.
 */
import { hostname } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminWorkersResponseSchema, queueDashboardListSchema } from '@arbiter/contracts';
import { signUp, waitFor } from '../support/platform.js';
import { usePlatform } from '../support/use-platform.js';

const platform = usePlatform({ api: { AUTH_RATE_PER_MINUTE_IP: '0' } });
let admin: string;
let user: string;

beforeAll(async () => {
  admin = await signUp(platform.url, 'root-admin'); // the first account
  user = await signUp(platform.url, 'plain-user');
});

function get(path: string, cookie?: string): Promise<Response> {
  return fetch(`${platform.url}${path}`, { headers: cookie === undefined ? {} : { cookie } });
}

async function getJson<T>(path: string, cookie: string): Promise<T> {
  const response = await get(path, cookie);
  expect(response.status, `${path}: ${response.status}`).toBe(200);
  return (await response.json()) as T;
}

/** The dashboard's queue list, as an admin sees it. */
async function dashboardQueues() {
  return queueDashboardListSchema.parse(await getJson('/admin/queues/api/queues', admin)).queues;
}

/** A dashboard action, sent as its page sends it: same origin, JSON body when there is one. */
function dashboardAction(
  path: string,
  cookie: string,
  body?: unknown,
  origin = platform.url,
): Promise<Response> {
  return fetch(`${platform.url}/admin/queues/api${path}`, {
    method: 'PUT',
    headers: {
      cookie,
      origin,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('admin routes', () => {
  it('makes the first account the admin, later ones users', async () => {
    expect(await getJson('/auth/me', admin)).toMatchObject({
      user: { username: 'root-admin', role: 'admin' },
    });
    expect(await getJson('/auth/me', user)).toMatchObject({ user: { username: 'plain-user', role: 'user' } });
  });

  it('lists the live workers for an admin, with languages, load, version, sandbox and its driver', async () => {
    let answer = adminWorkersResponseSchema.parse({ workers: [] });
    await waitFor(
      async () => {
        answer = adminWorkersResponseSchema.parse(await getJson('/admin/workers', admin));
        return answer.workers.some((listed) => listed.id === platform.worker.id);
      },
      10_000,
      () => `worker ${platform.worker.id} not listed: ${JSON.stringify(answer)}`,
    );
    const listed = answer.workers.find((candidate) => candidate.id === platform.worker.id);
    expect(listed).toMatchObject({ host: hostname(), pid: process.pid, concurrency: 2 });
    expect(listed?.active).toBeGreaterThanOrEqual(0);
    // Which driver confines its runs: the bubblewrap sandbox on this host's cgroup version (none only when
    // the tests run unsandboxed).
    if (process.env.TEST_SANDBOX === 'none') expect(listed?.sandboxDriver).toBe('none');
    else {
      expect(['cgroup-v1', 'cgroup-v2']).toContain(listed?.sandboxDriver);
      expect(listed?.sandbox).toBe(`bwrap+${listed?.sandboxDriver ?? ''}`);
    }
    expect(listed?.version).not.toBe('');
    expect(Date.parse(listed?.startedAt ?? '')).toBeLessThanOrEqual(Date.now());
    expect(listed?.languages.map((language) => language.id)).toContain('python');
  });

  it('serves the queue dashboard to an admin: page, static files and JSON API under /admin/queues', async () => {
    const page = await get('/admin/queues', admin);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await page.text();
    // Its links are relative to this base, so it works mounted here.
    expect(html).toContain('<base href="/admin/queues/" />');
    const assets = [...html.matchAll(/(?:src|href)="(static\/[^"]+)"/g)].map((match) => match[1]);
    expect(assets.length).toBeGreaterThan(1);
    // Nothing is loaded from anywhere else (its template links a web font service).
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of assets) expect((await get(`/admin/queues/${asset}`, admin)).status, asset).toBe(200);

    const names = (await dashboardQueues()).map((queue) => queue.name);
    expect(names).toEqual(expect.arrayContaining(['submissions', 'results']));
  });

  it("lets an admin act from the dashboard's page: Origin check, JSON body parser and CORS let it through", async () => {
    const results = async () => (await dashboardQueues()).find((queue) => queue.name === 'results');
    expect((await dashboardAction('/queues/results/pause', admin)).status).toBe(200);
    expect(await results()).toMatchObject({ isPaused: true });
    expect((await dashboardAction('/queues/results/resume', admin)).status).toBe(200);
    expect(await results()).toMatchObject({ isPaused: false });
    // With a JSON body, which the API's parser reads first.
    expect((await dashboardAction('/queues/results/concurrency', admin, { concurrency: 3 })).status).toBe(
      200,
    );
    expect(await results()).toMatchObject({ globalConcurrency: 3 });
    // The same action from another site is refused, admin or not.
    const crossSite = await dashboardAction(
      '/queues/results/pause',
      admin,
      undefined,
      'https://elsewhere.example',
    );
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ error: { code: 'FORBIDDEN_ORIGIN' } });
    expect(await results()).toMatchObject({ isPaused: false });
  });

  it('refuses every admin path to signed-out clients (401) and other users (403)', async () => {
    const html = await (await get('/admin/queues', admin)).text();
    const script = /src="(static\/js\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const paths = [
      '/admin/workers',
      '/admin/queues',
      '/admin/queues/',
      '/admin/queues/queue/submissions',
      '/admin/queues/api/queues',
      '/admin/queues/api/redis/stats',
      `/admin/queues/${script}`,
      '/admin/queues/static/favicon-32x32.png',
    ];
    for (const path of paths) {
      const anonymous = await get(path);
      expect(anonymous.status, path).toBe(401);
      expect(await anonymous.json()).toMatchObject({
        error: { code: 'UNAUTHENTICATED', message: /Sign in/ },
      });
      const forbidden = await get(path, user);
      expect(forbidden.status, path).toBe(403);
      expect(await forbidden.json()).toMatchObject({ error: { code: 'FORBIDDEN', message: /Only admins/ } });
    }
    // Nor can they act: the queue stays as it was.
    const action = await dashboardAction('/queues/submissions/pause', user);
    expect(action.status).toBe(403);
    expect((await dashboardQueues()).find((queue) => queue.name === 'submissions')).toMatchObject({
      isPaused: false,
    });
  });
});
