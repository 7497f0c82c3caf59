/**
 * The OpenAPI document (`GET /openapi.json`): valid OpenAPI 3.1; every route the Express app
 * serves is described (and nothing it does not serve), so adding a route without describing it
 * fails here; real answers match the documented schemas. `GET /docs` renders it from files the
 * API serves itself.
 */
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileErrors, validate } from '@readme/openapi-parser';
import { signUp, waitForResult } from '../support/platform.js';
import { usePlatform } from '../support/use-platform.js';

// ajv 8 (JSON Schema 2020-12) is the API workspace's; the root's ajv is eslint's older one.
interface ValidateFunction {
  (data: unknown): boolean;
  errors?: { instancePath: string; message?: string }[] | null;
}
interface Ajv {
  addSchema(schema: object, key: string): Ajv;
  compile(schema: object): ValidateFunction;
}
const requireFromApi = createRequire(new URL('../../apps/api/package.json', import.meta.url));
const { Ajv2020 } = requireFromApi('ajv/dist/2020') as { Ajv2020: new (options: object) => Ajv };

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface OpenApi {
  openapi: string;
  paths: Record<string, Partial<Record<Method, { responses: Record<string, unknown> }>>>;
}

const platform = usePlatform({ api: { AUTH_RATE_PER_MINUTE_IP: '0' } });
let doc: OpenApi;
let ajv: Ajv;
const DOC_KEY = 'urn:arbiter:openapi';

beforeAll(async () => {
  const response = await fetch(`${platform.url}/openapi.json`);
  expect(response.status).toBe(200);
  doc = (await response.json()) as OpenApi;
  ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false, validateSchema: false });
  ajv.addSchema(doc, DOC_KEY);
});

// ---- the routes the app really serves -----------------------------------------------------------

/** What a layer of Express 5's router (the `router` package) exposes. */
interface RouterLayer {
  rawPath?: unknown;
  route?: { path: string | string[]; methods: Record<string, boolean | undefined> };
  handle: { stack?: RouterLayer[] };
}

interface ServedRoutes {
  /** `GET /status/:jobId`, … */
  routes: { method: string; path: string }[];
  /** Paths where a whole application or middleware answers (e.g. the queue dashboard). */
  mounts: string[];
}

function walk(stack: RouterLayer[], prefixPath: string, served: ServedRoutes): void {
  for (const layer of stack) {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      const methods = Object.keys(layer.route.methods).filter((method) => layer.route?.methods[method]);
      for (const path of paths)
        for (const method of methods) served.routes.push({ method, path: `${prefixPath}${path}` });
      continue;
    }
    if (typeof layer.rawPath !== 'string')
      throw new Error(`a mount on ${String(layer.rawPath)}: teach this walk about it`);
    const path = `${prefixPath}${layer.rawPath === '/' ? '' : layer.rawPath}`;
    if (layer.handle.stack) walk(layer.handle.stack, path, served);
    else if (path !== '') served.mounts.push(path);
  }
}

function servedRoutes(): ServedRoutes {
  const served: ServedRoutes = { routes: [], mounts: [] };
  const router = (platform.api.app as unknown as { router: { stack: RouterLayer[] } }).router;
  walk(router.stack, '', served);
  return served;
}

const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

// ---- answers against the document ---------------------------------------------------------------

const pointer = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1');

/** Checks a real answer against the schema documented for it. */
function expectDocumented(method: Method, path: string, status: number, body: unknown): void {
  const response = doc.paths[path]?.[method]?.responses[String(status)];
  expect(response, `${method.toUpperCase()} ${path} → ${status} is not documented`).toBeDefined();
  const validator = ajv.compile({
    $ref: `${DOC_KEY}#/paths/${pointer(path)}/${method}/responses/${status}/content/application~1json/schema`,
  });
  const valid = validator(body);
  expect(
    valid,
    `${method.toUpperCase()} ${path} → ${status}: ${JSON.stringify(validator.errors)}\n${JSON.stringify(body)}`,
  ).toBe(true);
}

async function call(
  method: Method,
  path: string,
  options: { cookie?: string; body?: unknown } = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${platform.url}${path}`, {
    method: method.toUpperCase(),
    headers: {
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
}

/** Calls a route and checks its answer against the document; `documented` is the OpenAPI path. */
async function expectAnswer(
  method: Method,
  path: string,
  documented: string,
  status: number,
  options: { cookie?: string; body?: unknown } = {},
): Promise<unknown> {
  const answer = await call(method, path, options);
  expect(answer.status, `${method.toUpperCase()} ${path}: ${JSON.stringify(answer.body)}`).toBe(status);
  expectDocumented(method, documented, status, answer.body);
  return answer.body;
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, compileErrors(result)).toBe(true);
  });

  it('describes every route the API serves, and only those', () => {
    const served = servedRoutes();
    const described = served.routes.map((route) => `${route.method.toUpperCase()} ${route.path}`);
    // The walk sees the real routes (a walk that finds nothing would prove nothing).
    expect(described).toEqual(
      expect.arrayContaining([
        'POST /submit',
        'GET /status/:jobId',
        'GET /problems/:slug',
        'GET /admin/workers',
      ]),
    );
    expect(served.mounts).toContain('/admin/queues');

    const missing = served.routes
      .filter((route) => route.method !== '_all')
      .filter((route) => doc.paths[openApiPath(route.path)]?.[route.method as Method] === undefined)
      .map((route) => `${route.method.toUpperCase()} ${route.path}`);
    expect(missing, 'served but not in /openapi.json').toEqual([]);
    const undocumentedMounts = served.mounts.filter(
      (mount) => !Object.keys(doc.paths).some((path) => path === mount || path.startsWith(`${mount}/`)),
    );
    expect(undocumentedMounts, 'mounted but not in /openapi.json').toEqual([]);

    const servedKeys = new Set(served.routes.map((route) => `${route.method} ${openApiPath(route.path)}`));
    const phantom = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => !servedKeys.has(`${method} ${path}`))
        .filter(() => !served.mounts.some((mount) => path === mount || path.startsWith(`${mount}/`)))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(phantom, 'in /openapi.json but not served').toEqual([]);
  });

  it('matches real answers: submit, errors, problems, languages, status, accounts, history, admin', async () => {
    // A schema check that accepts anything would prove nothing.
    expect(() => expectDocumented('post', '/submit', 202, { jobId: 7 })).toThrow();

    const submitted = (await expectAnswer('post', '/submit', '/submit', 202, {
      body: { language: 'python', code: 'print(6 * 7)' },
    })) as { jobId: string };
    await expectAnswer('post', '/submit', '/submit', 400, { body: { language: 'python' } });
    await expectAnswer('post', '/submit', '/submit', 400, { body: { language: 'cobol', code: 'x' } });
    await expectAnswer('post', '/submit', '/submit', 401, {
      body: { language: 'python', code: 'x', mode: 'submit', problem: 'two-sum' },
    });

    const languages = (await expectAnswer('get', '/languages', '/languages', 200)) as unknown[];
    expect(languages.length).toBeGreaterThan(0);
    const problems = (await expectAnswer('get', '/problems', '/problems', 200)) as { slug: string }[];
    const slug = problems[0]?.slug ?? 'two-sum';
    await expectAnswer('get', `/problems/${slug}`, '/problems/{slug}', 200);
    await expectAnswer('get', '/problems/no-such-problem', '/problems/{slug}', 404);
    await expectAnswer(
      'get',
      `/problems/${slug}/distribution?language=python`,
      '/problems/{slug}/distribution',
      200,
    );
    await expectAnswer('get', `/problems/${slug}/distribution`, '/problems/{slug}/distribution', 400);
    await expectAnswer('get', '/health', '/health', 200);
    await expectAnswer('get', '/ready', '/ready', 200);

    const result = await waitForResult(platform.url, submitted.jobId);
    expect(result.stdout).toBe('42\n');
    await expectAnswer('get', `/status/${submitted.jobId}`, '/status/{jobId}', 200);
    await expectAnswer('get', '/status/00000000-0000-4000-8000-000000000000', '/status/{jobId}', 404);

    await expectAnswer('get', '/auth/me', '/auth/me', 401);
    await expectAnswer('post', '/auth/signup', '/auth/signup', 400, {
      body: { username: 'x', password: 'y' },
    });
    const cookie = await signUp(platform.url, 'doc-reader');
    await expectAnswer('post', '/auth/signup', '/auth/signup', 409, {
      body: { username: 'Doc-Reader', password: 'a long enough secret' },
    });
    await expectAnswer('post', '/auth/login', '/auth/login', 401, {
      body: { username: 'doc-reader', password: 'not the password' },
    });
    await expectAnswer('get', '/auth/me', '/auth/me', 200, { cookie });

    const mine = (await expectAnswer('post', '/submit', '/submit', 202, {
      cookie,
      body: { language: 'python', code: 'print(1)' },
    })) as { jobId: string };
    await waitForResult(platform.url, mine.jobId, 20_000, cookie);
    const page = (await expectAnswer('get', '/submissions', '/submissions', 200, { cookie })) as {
      items: unknown[];
    };
    expect(page.items).toHaveLength(1);
    await expectAnswer('get', '/submissions?verdict=NOPE', '/submissions', 400, { cookie });
    await expectAnswer('get', `/submissions/${mine.jobId}`, '/submissions/{id}', 200, { cookie });

    // The first account of this test's database is the admin.
    const workers = (await expectAnswer('get', '/admin/workers', '/admin/workers', 200, { cookie })) as {
      workers: unknown[];
    };
    expect(workers.workers.length).toBeGreaterThan(0);
    await expectAnswer('get', '/admin/workers', '/admin/workers', 401);
    await expectAnswer('get', '/admin/queues/api/queues', '/admin/queues/api/queues', 200, { cookie });
    const other = await signUp(platform.url, 'not-an-admin');
    await expectAnswer('get', '/admin/workers', '/admin/workers', 403, { cookie: other });
  });
});

describe('the compatible APIs in the OpenAPI document', () => {
  it('matches real Judge0 answers: submissions, errors, batches, languages, statuses', async () => {
    const created = (await expectAnswer('post', '/judge0/submissions', '/judge0/submissions', 201, {
      body: { source_code: 'print(5)', language_id: 71 },
    })) as { token: string };
    await expectAnswer('post', '/judge0/submissions?wait=true&fields=*', '/judge0/submissions', 201, {
      body: { source_code: 'print(6)', language_id: 71, stdin: 'x' },
    });
    await expectAnswer('post', '/judge0/submissions', '/judge0/submissions', 422, {
      body: { language_id: 71 },
    });
    await expectAnswer('get', `/judge0/submissions/${created.token}`, '/judge0/submissions/{token}', 200);
    await expectAnswer(
      'get',
      `/judge0/submissions/${created.token}?fields=x`,
      '/judge0/submissions/{token}',
      400,
    );
    await expectAnswer('post', '/judge0/submissions/batch', '/judge0/submissions/batch', 201, {
      body: { submissions: [{ source_code: 'print(1)', language_id: 71 }, { language_id: 1 }] },
    });
    await expectAnswer(
      'get',
      `/judge0/submissions/batch?tokens=${created.token},00000000-0000-4000-8000-000000000000`,
      '/judge0/submissions/batch',
      200,
    );
    for (const path of [
      '/languages',
      '/languages/all',
      '/languages/54',
      '/statuses',
      '/about',
      '/config_info',
      '/system_info',
      '/statistics',
      '/workers',
    ])
      await expectAnswer(
        'get',
        `/judge0${path}`,
        `/judge0${path === '/languages/54' ? '/languages/{id}' : path}`,
        200,
      );
  });
});

describe('the Piston API in the OpenAPI document', () => {
  it('matches real Piston answers: runtimes, execute, errors', async () => {
    const runtimes = (await expectAnswer(
      'get',
      '/piston/api/v2/runtimes',
      '/piston/api/v2/runtimes',
      200,
    )) as {
      language: string;
    }[];
    expect(runtimes.length).toBeGreaterThan(0);
    await expectAnswer('post', '/piston/api/v2/execute', '/piston/api/v2/execute', 200, {
      body: { language: 'c', version: '*', files: [{ content: 'int main(void) { return 0; }' }] },
    });
    await expectAnswer('post', '/piston/api/v2/execute', '/piston/api/v2/execute', 400, {
      body: { language: 'c', version: '*' },
    });
  });

  it('describes the WebSocket /api/v2/connect, and answers a plain GET there 426', async () => {
    const connect = doc.paths['/piston/api/v2/connect']?.get;
    expect(connect?.responses['101']).toBeDefined();
    expect((connect as { description?: string } | undefined)?.description).toContain('4999');
    await expectAnswer('get', '/piston/api/v2/connect', '/piston/api/v2/connect', 426);
  });
});

describe('the docs page', () => {
  it('renders the document with scripts and styles the API serves itself', async () => {
    const response = await fetch(`${platform.url}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    const html = await response.text();
    // Nothing from another host: no absolute URL anywhere in the page.
    expect(html).not.toMatch(/(https?:)?\/\/[a-z0-9]/i);
    const assets = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)].map(
      (match) => match[1],
    );
    expect(assets.some((asset) => asset?.endsWith('.js'))).toBe(true);
    expect(assets.some((asset) => asset?.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      expect(asset).toMatch(/^\/[^/]/);
      const file = await fetch(new URL(asset ?? '', platform.url));
      expect(file.status, asset).toBe(200);
      expect((await file.arrayBuffer()).byteLength, asset).toBeGreaterThan(0);
    }
    const startUp = assets.find((asset) => asset?.endsWith('/docs.js'));
    expect(await (await fetch(new URL(startUp ?? '', platform.url))).text()).toContain('"/openapi.json"');
    expect((await fetch(`${platform.url}/docs/assets/package.json`)).status).toBe(404);
  });
});
