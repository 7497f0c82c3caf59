/**
 * Static checks of the deployment files (docker-compose.yml, deploy/docker/*.Dockerfile, deploy/k8s/*.yaml):
 * every variable given to an app is one its env schema knows and the values parse, probes hit /ready and
 * /health, images start the same entries the tests start, only the worker is elevated and only by the same
 * least-privilege set in Compose and Kubernetes (never privileged), the Ingress carries Socket.IO, KEDA scales
 * on the queue depth Prometheus scrapes from the API, Prometheus scrapes with the metrics token
 * (deploy/prometheus/scrape-config.yaml), and every Kubernetes resource is valid against the Kubernetes API's
 * schemas (kubernetes-models, generated from the Kubernetes OpenAPI document; KEDA's from its CRDs). No Docker
 * or cluster needed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { apiEnvSchema, workerEnvSchema } from '@arbiter/contracts';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const K8S_DIR = join(ROOT, 'deploy/k8s');
const DOCKER_DIR = join(ROOT, 'deploy/docker');

type Obj = Record<string, unknown>;
type App = 'api' | 'worker' | 'web';

const WEB_ENV = [
  'ARBITER_API_URL',
  'ARBITER_API_INTERNAL_URL',
  'NEXT_TELEMETRY_DISABLED',
  'PORT',
  'HOSTNAME',
  'NODE_ENV',
];
/** Stands in for values the manifests do not spell out (downward API, secret references). */
const PLACEHOLDER = 'placeholder';

const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function obj(value: unknown, what: string): Obj {
  if (!isObj(value)) throw new Error(`${what}: expected a mapping, got ${JSON.stringify(value)}`);
  return value;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function readYaml(path: string): unknown[] {
  const docs = parseAllDocuments(readFileSync(path, 'utf8'));
  if (!Array.isArray(docs)) throw new Error(`${path}: not YAML documents`);
  const values: unknown[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) throw new Error(`${path}: ${doc.errors.map((e) => e.message).join('; ')}`);
    const value: unknown = doc.toJS();
    if (value !== null && value !== undefined) values.push(value);
  }
  return values;
}

/** Checks names against the app's schema and that the values parse; returns the parse error, if any. */
function checkEnv(app: App, env: Record<string, string>, where: string): void {
  const names = Object.keys(env);
  const known = app === 'web' ? WEB_ENV : Object.keys((app === 'api' ? apiEnvSchema : workerEnvSchema).shape);
  const unknown = names.filter((name) => !known.includes(name));
  expect(unknown, `${where}: variables the ${app} does not read`).toEqual([]);
  if (app === 'web') {
    expect(() => new URL(env.ARBITER_API_URL ?? ''), `${where}: ARBITER_API_URL`).not.toThrow();
    if (env.PORT !== undefined) expect(env.PORT, `${where}: PORT`).toMatch(/^\d{1,5}$/);
    if (env.NODE_ENV !== undefined) expect(['production', 'development', 'test']).toContain(env.NODE_ENV);
    return;
  }
  const parsed = (app === 'api' ? apiEnvSchema : workerEnvSchema).safeParse(env);
  const issues = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  expect(issues, `${where}: values the ${app} schema refuses`).toEqual([]);
}

/**
 * A compose value as Compose would pass it with nothing set in the shell: `${NAME:-default}` and
 * `${NAME-default}` become the default, `${NAME}` the empty string.
 */
function interpolate(text: string): string {
  return text.replace(
    /\$\{[A-Za-z_][A-Za-z0-9_]*(?::?-([^}]*))?\}/g,
    (_match, fallback?: string) => fallback ?? '',
  );
}

function envMap(value: unknown, where: string): Record<string, string> {
  if (Array.isArray(value)) {
    return Object.fromEntries(
      value.map((entry) => {
        const text = String(entry);
        const at = text.indexOf('=');
        return at < 0 ? [text, PLACEHOLDER] : [text.slice(0, at), text.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(obj(value ?? {}, where)).map(([k, v]) => [k, interpolate(String(v))]),
  );
}

// ---------------------------------------------------------------------------------------------------
// docker compose

const compose = obj(readYaml(join(ROOT, 'docker-compose.yml'))[0], 'docker-compose.yml');
const services = obj(compose.services, 'services');
const service = (name: string): Obj => obj(services[name], `service ${name}`);
const PRIVILEGE_KEYS = ['privileged', 'cap_add', 'security_opt', 'pid', 'ipc', 'userns_mode', 'devices'];
/**
 * The worker's capabilities (docs/DEPLOY.md): SYS_ADMIN to mount its tmpfs work dirs, unmask /proc and remount
 * its cgroup read-write; SETUID/SETGID to start runs as their own uids; CHOWN, FOWNER and DAC_OVERRIDE to hand
 * them their work dirs and wipe them; KILL to stop them. The same in Compose and Kubernetes.
 */
const WORKER_CAPS = ['CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'KILL', 'SETGID', 'SETUID', 'SYS_ADMIN'];
const SECCOMP_PROFILE = join(ROOT, 'deploy/seccomp/arbiter-worker.json');
/** System calls the worker and bubblewrap make to build a sandbox: the profile must let them through. */
const SANDBOX_SYSCALLS = ['mount', 'umount2', 'pivot_root', 'unshare', 'clone', 'clone3', 'chroot'];

describe('docker-compose.yml', () => {
  it('has redis, postgres (with a healthcheck), api, worker and web', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'postgres', 'redis', 'web', 'worker']);
    expect(String(service('redis').image)).toMatch(/^redis:7/);
    expect(String(service('postgres').image)).toMatch(/^postgres:15/);
    expect(service('postgres').healthcheck).toBeDefined();
    expect(JSON.stringify(service('postgres').healthcheck)).toContain('pg_isready');
  });

  for (const app of ['api', 'worker', 'web'] as const) {
    it(`gives the ${app} only variables its env schema knows, with values that parse`, () => {
      const env = envMap(service(app).environment, `compose ${app}`);
      expect(Object.keys(env).length).toBeGreaterThan(0);
      checkEnv(app, env, `compose ${app}`);
    });

    it(`builds the ${app} from deploy/docker/${app}.Dockerfile`, () => {
      const build = obj(service(app).build, `${app}.build`);
      expect(build.context).toBe('.');
      expect(build.dockerfile).toBe(`deploy/docker/${app}.Dockerfile`);
    });
  }

  it('points the services at each other', () => {
    const api = envMap(service('api').environment, 'api');
    const worker = envMap(service('worker').environment, 'worker');
    const web = envMap(service('web').environment, 'web');
    expect(new URL(api.REDIS_URL ?? '').hostname).toBe('redis');
    expect(worker.REDIS_URL).toBe(api.REDIS_URL);
    expect(worker.REDIS_PREFIX).toBe(api.REDIS_PREFIX);
    expect(new URL(api.DATABASE_URL ?? '').hostname).toBe('postgres');
    expect(api.PORT).toBe('4000');
    expect(worker.WORKER_CONCURRENCY).toBeDefined();
    // The browser reaches the API on the published port, and the API accepts the web app's origin.
    expect(web.ARBITER_API_URL).toBe('http://localhost:4000');
    // The web server renders statements from the API, which it reaches by its service name.
    expect(web.ARBITER_API_INTERNAL_URL).toBe('http://api:4000');
    expect(list(service('api').ports).map(String)).toContain('4000:4000');
    expect(list(service('web').ports).map(String)).toContain('3000:3000');
    expect(apiEnvSchema.parse(api).WEB_ORIGIN).toContain('http://localhost:3000');
  });

  it('starts the API after healthy Redis and PostgreSQL, and health-checks it on /ready', () => {
    const dependsOn = obj(service('api').depends_on, 'api.depends_on');
    expect(obj(dependsOn.redis, 'redis').condition).toBe('service_healthy');
    expect(obj(dependsOn.postgres, 'postgres').condition).toBe('service_healthy');
    expect(service('redis').healthcheck).toBeDefined();
    expect(JSON.stringify(service('api').healthcheck)).toContain('/ready');
  });

  it('takes the metrics token from the shell for the API and the worker, never a fixed one', () => {
    for (const app of ['api', 'worker'] as const) {
      const raw = obj(service(app).environment, app).METRICS_TOKEN;
      expect(raw, `compose ${app}`).toBe('${METRICS_TOKEN:-}');
      // Unset in the shell: no token, so /metrics refuses every scrape (production).
      expect(envMap(service(app).environment, app).METRICS_TOKEN).toBe('');
    }
  });

  it('elevates the worker only, with the least-privilege set and never privileged', () => {
    const worker = service('worker');
    expect(worker.privileged).toBeUndefined();
    expect(worker.cap_drop).toEqual(['ALL']);
    expect(list(worker.cap_add).map(String).sort()).toEqual(WORKER_CAPS);
    expect(worker.cgroup).toBe('private');
    const options = list(worker.security_opt).map(String);
    expect(options).toContain('apparmor=unconfined');
    expect(options).toContain('no-new-privileges:true');
    const seccomp = options.find((o) => o.startsWith('seccomp='))?.slice('seccomp='.length);
    expect(seccomp && join(ROOT, seccomp)).toBe(SECCOMP_PROFILE);
    for (const name of Object.keys(services).filter((n) => n !== 'worker')) {
      const elevated = PRIVILEGE_KEYS.filter((key) => service(name)[key] !== undefined);
      expect(elevated, `compose service ${name}`).toEqual([]);
    }
  });
});

describe('deploy/seccomp/arbiter-worker.json', () => {
  const profile = obj(JSON.parse(readFileSync(SECCOMP_PROFILE, 'utf8')), 'seccomp profile');
  const rules = list(profile.syscalls).map((r, i) => obj(r, `rule ${i}`));
  const denied = rules.filter((r) => r.action !== 'SCMP_ACT_ALLOW').flatMap((r) => list(r.names).map(String));

  it('lets the sandbox build its namespaces and mounts', () => {
    expect(profile.defaultAction).toBe('SCMP_ACT_ALLOW');
    for (const call of SANDBOX_SYSCALLS) expect(denied, call).not.toContain(call);
    for (const rule of rules) expect(rule.args, 'no argument filters').toBeUndefined();
  });

  it('denies what neither the worker nor a judged program needs', () => {
    for (const call of [
      'bpf',
      'io_uring_setup',
      'keyctl',
      'ptrace',
      'userfaultfd',
      'kexec_load',
      'init_module',
    ]) {
      expect(denied, call).toContain(call);
    }
    expect(profile.architectures).toEqual(expect.arrayContaining(['SCMP_ARCH_X86_64', 'SCMP_ARCH_AARCH64']));
  });
});

// ---------------------------------------------------------------------------------------------------
// Dockerfiles

interface Dockerfile {
  text: string;
  /** Instructions with continuation lines joined, comments dropped. */
  lines: string[];
}

function readDockerfile(app: App): Dockerfile {
  const text = readFileSync(join(DOCKER_DIR, `${app}.Dockerfile`), 'utf8');
  const joined = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return {
    text,
    lines: joined
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  };
}

function instructions(file: Dockerfile, name: string): string[] {
  return file.lines
    .filter((line) => line.toUpperCase().startsWith(`${name} `))
    .map((line) => line.slice(name.length + 1).trim());
}

/** The exec-form argv of the last CMD (or ENTRYPOINT + CMD). */
function startCommand(file: Dockerfile): string[] {
  const parse = (raw: string | undefined): string[] => {
    if (raw === undefined) return [];
    const argv: unknown = JSON.parse(raw);
    if (!Array.isArray(argv)) throw new Error(`not exec form: ${raw}`);
    return argv.map(String);
  };
  return [...parse(instructions(file, 'ENTRYPOINT').at(-1)), ...parse(instructions(file, 'CMD').at(-1))];
}

const WORKSPACE_MANIFESTS = ['apps', 'packages'].flatMap((dir) =>
  readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${dir}/${entry.name}/package.json`),
);

describe('Dockerfiles', () => {
  const files = { api: readDockerfile('api'), worker: readDockerfile('worker'), web: readDockerfile('web') };

  for (const app of ['api', 'worker', 'web'] as const) {
    it(`${app}: multi-stage on node:20-bookworm-slim, installing with npm ci`, () => {
      const froms = instructions(files[app], 'FROM');
      expect(froms.length).toBeGreaterThanOrEqual(2);
      for (const from of froms) expect(from).toMatch(/^node:20-bookworm-slim( AS \w+)?$/i);
      expect(instructions(files[app], 'RUN').some((run) => run.includes('npm ci'))).toBe(true);
    });

    it(`${app}: can build the native tree-sitter parsers npm ci compiles (node-gyp: Python, make, g++)`, () => {
      const runs = instructions(files[app], 'RUN');
      const install = runs.findIndex((run) => run.includes('npm ci'));
      const tools = runs.slice(0, install).join(' ');
      for (const pkg of ['python3', 'make', 'g++']) expect(tools, pkg).toContain(pkg);
    });

    it(`${app}: copies every workspace's package.json before npm ci (npm ci needs them all)`, () => {
      const copies = instructions(files[app], 'COPY').join('\n');
      for (const manifest of WORKSPACE_MANIFESTS) expect(copies, manifest).toContain(manifest);
      expect(copies).toContain('package-lock.json');
    });
  }

  it('api and worker start the entries the tests start', () => {
    expect(startCommand(files.api)).toEqual(['node', '--import', 'tsx', 'apps/api/src/main.ts']);
    expect(startCommand(files.worker)).toEqual(['node', '--import', 'tsx', 'apps/worker/src/main.ts']);
  });

  it('web builds with next build and runs next start', () => {
    expect(
      instructions(files.web, 'RUN').some((run) => /next build|npm run build -w @arbiter\/web/.test(run)),
    ).toBe(true);
    const argv = startCommand(files.web);
    expect(argv.some((arg) => /(^|\/)next(\/dist\/bin\/next)?$/.test(arg))).toBe(true);
    expect(argv).toContain('start');
  });

  it('api and web run as a non-root user; the worker as root with the sandbox toolchain', () => {
    for (const app of ['api', 'web'] as const) {
      const user = instructions(files[app], 'USER').at(-1);
      expect(user, app).toBeDefined();
      expect(user, app).not.toMatch(/^(root|0)(:|$)/);
    }
    expect(instructions(files.worker, 'USER').at(-1) ?? 'root').toMatch(/^(root|0)$/);
    const apt = instructions(files.worker, 'RUN').join(' ');
    for (const pkg of ['bubblewrap', 'python3', 'g++', 'gcc', 'openjdk-17-jdk-headless', 'util-linux']) {
      expect(apt, pkg).toContain(pkg);
    }
    // The JavaScript/TypeScript recipes run /usr/bin/node; the node image keeps it in /usr/local/bin.
    expect(apt).toMatch(/ln -sf? \/usr\/local\/bin\/node \/usr\/bin\/node/);
  });

  it('.dockerignore leaves out node_modules, .next and data', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim().replace(/^\*\*\//, ''));
    for (const entry of ['node_modules', '.next', 'data']) expect(ignored).toContain(entry);
  });
});

// ---------------------------------------------------------------------------------------------------
// Kubernetes

const k8sFiles = readdirSync(K8S_DIR).filter((name) => /\.ya?ml$/.test(name));
const resources = k8sFiles.flatMap((name) =>
  readYaml(join(K8S_DIR, name)).map((doc, i) => obj(doc, `${name} document ${i + 1}`)),
);
const ofKind = (kind: string): Obj[] => resources.filter((r) => r.kind === kind);
const nameOf = (r: Obj): string => String(obj(r.metadata, 'metadata').name);
const byName = (kind: string, name: string): Obj => {
  const found = ofKind(kind).find((r) => nameOf(r) === name);
  if (found === undefined) throw new Error(`no ${kind} ${name} in deploy/k8s`);
  return found;
};
const podSpec = (deployment: Obj): Obj =>
  obj(obj(obj(deployment.spec, 'spec').template, 'template').spec, 'pod spec');
const containers = (deployment: Obj): Obj[] =>
  list(podSpec(deployment).containers).map((c, i) => obj(c, `container ${i}`));
const DEPLOYMENT_APP: Record<string, App> = {
  'arbiter-api': 'api',
  'arbiter-worker': 'worker',
  'arbiter-web': 'web',
};

/** A container's environment as the kubelet assembles it (envFrom ConfigMaps/Secrets, then env). */
function containerEnv(container: Obj, where: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of list(container.envFrom).map((s) => obj(s, `${where} envFrom`))) {
    if (source.configMapRef !== undefined) {
      const data = obj(byName('ConfigMap', String(obj(source.configMapRef, 'ref').name)).data, 'data');
      for (const [key, value] of Object.entries(data)) env[key] = String(value);
    }
    if (source.secretRef !== undefined) {
      const secret = byName('Secret', String(obj(source.secretRef, 'ref').name));
      for (const [key, value] of Object.entries(obj(secret.stringData ?? {}, 'stringData')))
        env[key] = String(value);
      for (const key of Object.keys(obj(secret.data ?? {}, 'data'))) env[key] = PLACEHOLDER;
    }
  }
  for (const entry of list(container.env).map((e) => obj(e, `${where} env`))) {
    env[String(entry.name)] = entry.value !== undefined ? String(entry.value) : PLACEHOLDER;
  }
  return env;
}

function hasElevation(deployment: Obj): string[] {
  const found: string[] = [];
  const pod = podSpec(deployment);
  for (const key of ['hostPID', 'hostIPC', 'hostNetwork']) if (pod[key] === true) found.push(key);
  const podContext = isObj(pod.securityContext) ? pod.securityContext : {};
  if (podContext.runAsUser === 0) found.push('pod runAsUser 0');
  for (const container of containers(deployment)) {
    const context = isObj(container.securityContext) ? container.securityContext : {};
    if (context.privileged === true) found.push('privileged');
    if (context.allowPrivilegeEscalation !== false) found.push('allowPrivilegeEscalation');
    if (context.runAsUser === 0) found.push('runAsUser 0');
    const caps = isObj(context.capabilities) ? context.capabilities : {};
    if (list(caps.add).length > 0) found.push('capabilities.add');
  }
  return found;
}

describe('deploy/k8s', () => {
  it('parses, and has the namespace, config, deployments, services, PDBs, Ingress and ScaledObject', () => {
    expect(k8sFiles.length).toBeGreaterThan(0);
    for (const r of resources) {
      expect(r.apiVersion, JSON.stringify(r.metadata)).toBeTypeOf('string');
      expect(r.kind, JSON.stringify(r.metadata)).toBeTypeOf('string');
    }
    expect(ofKind('Namespace').map(nameOf)).toEqual(['arbiter']);
    for (const r of resources.filter((r) => r.kind !== 'Namespace')) {
      expect(obj(r.metadata, 'metadata').namespace, `${String(r.kind)} ${nameOf(r)}`).toBe('arbiter');
    }
    expect(ofKind('Deployment').map(nameOf).sort()).toEqual(Object.keys(DEPLOYMENT_APP).sort());
    expect(ofKind('Service').map(nameOf).sort()).toEqual(['arbiter-api', 'arbiter-web']);
    expect(ofKind('PodDisruptionBudget').map(nameOf).sort()).toEqual(['arbiter-api', 'arbiter-web']);
    expect(ofKind('Ingress')).toHaveLength(1);
    expect(ofKind('ScaledObject')).toHaveLength(1);
    expect(ofKind('Secret').some((s) => 'DATABASE_URL' in obj(s.stringData ?? s.data ?? {}, 'secret'))).toBe(
      true,
    );
  });

  for (const [deploymentName, app] of Object.entries(DEPLOYMENT_APP)) {
    it(`${deploymentName}: only variables the ${app} reads, with values that parse`, () => {
      for (const container of containers(byName('Deployment', deploymentName))) {
        const where = `${deploymentName}/${String(container.name)}`;
        const env = containerEnv(container, where);
        expect(Object.keys(env).length).toBeGreaterThan(0);
        checkEnv(app, env, where);
      }
    });
  }

  it('uses every ConfigMap and Secret in some container (so each key above was checked)', () => {
    const used = new Set<string>();
    for (const deployment of ofKind('Deployment')) {
      for (const container of containers(deployment)) {
        for (const source of list(container.envFrom).map((s) => obj(s, 'envFrom'))) {
          if (isObj(source.configMapRef)) used.add(`ConfigMap/${String(source.configMapRef.name)}`);
          if (isObj(source.secretRef)) used.add(`Secret/${String(source.secretRef.name)}`);
        }
      }
    }
    for (const r of [...ofKind('ConfigMap'), ...ofKind('Secret')]) {
      expect(used, `${String(r.kind)}/${nameOf(r)}`).toContain(`${String(r.kind)}/${nameOf(r)}`);
    }
  });

  it('the API: 2 replicas, ready on /ready, alive on /health, a database shared by all replicas', () => {
    const api = byName('Deployment', 'arbiter-api');
    expect(obj(api.spec, 'spec').replicas).toBe(2);
    for (const container of containers(api)) {
      expect(obj(obj(container.readinessProbe, 'readiness').httpGet, 'httpGet').path).toBe('/ready');
      expect(obj(obj(container.livenessProbe, 'liveness').httpGet, 'httpGet').path).toBe('/health');
      // PGlite is single-process: more than one replica needs PostgreSQL.
      expect(containerEnv(container, 'api').DATABASE_URL).toMatch(/^postgres(ql)?:\/\//);
    }
  });

  it('services and PDBs select their deployments', () => {
    const labels = (deployment: Obj): Obj =>
      obj(obj(obj(deployment.spec, 'spec').template, 'template').metadata, 'template metadata').labels as Obj;
    for (const name of ['arbiter-api', 'arbiter-web']) {
      const podLabels = labels(byName('Deployment', name));
      const selector = obj(obj(byName('Service', name).spec, 'spec').selector, 'selector');
      expect(podLabels).toMatchObject(selector);
      const pdbSelector = obj(obj(byName('PodDisruptionBudget', name).spec, 'spec').selector, 'selector');
      expect(podLabels).toMatchObject(obj(pdbSelector.matchLabels, 'matchLabels'));
    }
  });

  it('elevates the worker only, with the same least-privilege set as Compose', () => {
    const worker = byName('Deployment', 'arbiter-worker');
    expect(hasElevation(worker).sort()).toEqual(['capabilities.add', 'runAsUser 0']);
    const context = obj((containers(worker)[0] as Obj).securityContext, 'worker securityContext');
    expect(context.privileged).toBe(false);
    const caps = obj(context.capabilities, 'capabilities');
    expect(caps.drop).toEqual(['ALL']);
    expect(list(caps.add).map(String).sort()).toEqual(WORKER_CAPS);
    expect(list(caps.add).map(String).sort()).toEqual(list(service('worker').cap_add).map(String).sort());
    // The profile a node must hold under <kubelet root>/seccomp/, the one Compose gives the worker.
    expect(context.seccompProfile).toEqual({
      type: 'Localhost',
      localhostProfile: basename(SECCOMP_PROFILE),
    });
    expect(context.appArmorProfile).toEqual({ type: 'Unconfined' });
    for (const name of ['arbiter-api', 'arbiter-web']) {
      expect(hasElevation(byName('Deployment', name)), name).toEqual([]);
      expect(obj(podSpec(byName('Deployment', name)).securityContext, 'securityContext').runAsNonRoot).toBe(
        true,
      );
    }
  });

  it('the Ingress routes /socket.io to the API, with WebSocket-friendly nginx settings', () => {
    const ingress = ofKind('Ingress')[0] as Obj;
    const annotations = obj(obj(ingress.metadata, 'metadata').annotations, 'annotations');
    expect(annotations['nginx.ingress.kubernetes.io/proxy-http-version']).toBe('1.1');
    expect(Number(annotations['nginx.ingress.kubernetes.io/proxy-read-timeout'])).toBeGreaterThanOrEqual(60);
    const routes = list(obj(ingress.spec, 'spec').rules).flatMap((rule) => {
      const r = obj(rule, 'rule');
      return list(obj(r.http, 'http').paths).map((p) => {
        const path = obj(p, 'path');
        const svc = obj(obj(path.backend, 'backend').service, 'service');
        return { host: String(r.host), path: String(path.path), service: String(svc.name) };
      });
    });
    const socket = routes.find((route) => route.path === '/socket.io');
    expect(socket?.service).toBe('arbiter-api');
    const web = routes.find((route) => route.service === 'arbiter-web' && route.path === '/');
    expect(web).toBeDefined();
    // The web app points browsers at the API host, and the API accepts the web host's origin.
    const webEnv = containerEnv(containers(byName('Deployment', 'arbiter-web'))[0] as Obj, 'web');
    expect(new URL(webEnv.ARBITER_API_URL ?? '').hostname).toBe(socket?.host);
    // The web server renders statements from the API through its Service, in the cluster.
    expect(new URL(webEnv.ARBITER_API_INTERNAL_URL ?? '').hostname).toBe('arbiter-api.arbiter.svc');
    const apiEnv = apiEnvSchema.parse(
      containerEnv(containers(byName('Deployment', 'arbiter-api'))[0] as Obj, 'api'),
    );
    expect(apiEnv.WEB_ORIGIN).toContain(`https://${web?.host ?? ''}`);
  });

  it('KEDA scales the worker on the queue depth the API exports (waiting runs and submits)', () => {
    const scaled = ofKind('ScaledObject')[0] as Obj;
    const spec = obj(scaled.spec, 'spec');
    expect(obj(spec.scaleTargetRef, 'scaleTargetRef').name).toBe('arbiter-worker');
    const trigger = obj(list(spec.triggers)[0], 'trigger');
    expect(trigger.type).toBe('prometheus');
    const metadata = obj(trigger.metadata, 'metadata');
    expect(() => new URL(String(metadata.serverAddress))).not.toThrow();
    expect(Number(metadata.threshold)).toBeGreaterThan(0);
    // Both places jobs wait in (BullMQ's wait list and prioritized set), one value per state over the replicas.
    const query = String(metadata.query);
    expect(query).toContain('arbiter_queue_jobs');
    expect(query).toMatch(/state=~"wait\|prioritized"/);
    expect(query).toMatch(/^sum\(max by \(state\)/);
  });

  it('Prometheus scrapes the API and the workers with the metrics token, never through the open annotations', () => {
    const podAnnotations = (name: string): Obj =>
      obj(
        obj(obj(obj(byName('Deployment', name).spec, 'spec').template, 'template').metadata, 'metadata')
          .annotations,
        `${name} annotations`,
      );
    const api = containers(byName('Deployment', 'arbiter-api'))[0] as Obj;
    const worker = containers(byName('Deployment', 'arbiter-worker'))[0] as Obj;
    const apiEnv = apiEnvSchema.parse(containerEnv(api, 'api'));
    const workerEnv = workerEnvSchema.parse(containerEnv(worker, 'worker'));
    expect(workerEnv.METRICS_PORT).toBeDefined();
    // Each pod says where its metrics are: a port it exposes, the app's own port or METRICS_PORT.
    for (const [name, container, port] of [
      ['arbiter-api', api, apiEnv.PORT],
      ['arbiter-worker', worker, workerEnv.METRICS_PORT],
    ] as const) {
      const annotations = podAnnotations(name);
      expect(annotations, name).toMatchObject({
        'arbiter.dev/metrics-port': String(port),
        'arbiter.dev/metrics-path': '/metrics',
      });
      // The annotation-driven job of most Prometheus setups sends no token: it must not pick them up.
      expect(annotations['prometheus.io/scrape'], name).toBeUndefined();
      expect(
        list(container.ports).map((p) => obj(p, 'port').containerPort),
        name,
      ).toContain(port);
    }
    // Both get the same token, from a Secret (so /metrics is not refused outright, nor open).
    expect(apiEnv.METRICS_TOKEN).toBeDefined();
    expect(workerEnv.METRICS_TOKEN).toBe(apiEnv.METRICS_TOKEN);
    const tokenSecrets = ofKind('Secret').filter(
      (secret) => 'METRICS_TOKEN' in obj(secret.stringData ?? {}, 'data'),
    );
    expect(tokenSecrets.map(nameOf)).toEqual(['arbiter-metrics']);
    for (const container of [api, worker]) {
      const refs = list(container.envFrom).map((s) => obj(s, 'envFrom').secretRef);
      expect(refs.some((ref) => isObj(ref) && ref.name === 'arbiter-metrics')).toBe(true);
    }
    // The workers get no other Secret (no database credentials next to untrusted code).
    const workerSecrets = list(worker.envFrom).filter((s) => isObj(obj(s, 'envFrom').secretRef));
    expect(workerSecrets).toHaveLength(1);

    // The scrape job follows those annotations, sends the token and labels series as the KEDA query expects.
    const scrape = readYaml(join(ROOT, 'deploy/prometheus/scrape-config.yaml'))[0];
    const job = obj(list(scrape)[0], 'scrape job');
    expect(job.job_name).toBe('arbiter');
    const authorization = obj(job.authorization, 'authorization');
    expect(authorization.type).toBe('Bearer');
    expect(String(authorization.credentials_file)).toMatch(/METRICS_TOKEN$/);
    const discovery = obj(list(job.kubernetes_sd_configs)[0], 'kubernetes_sd_configs');
    expect(discovery.role).toBe('pod');
    expect(list(obj(discovery.namespaces, 'namespaces').names)).toEqual(['arbiter']);
    const relabels = list(job.relabel_configs).map((r) => obj(r, 'relabel'));
    const annotation = '__meta_kubernetes_pod_annotation_arbiter_dev_metrics_port';
    expect(relabels).toContainEqual(expect.objectContaining({ source_labels: [annotation], action: 'keep' }));
    expect(relabels).toContainEqual(
      expect.objectContaining({
        source_labels: ['__meta_kubernetes_pod_container_port_number'],
        target_label: annotation,
        action: 'keepequal',
      }),
    );
    expect(relabels).toContainEqual(
      expect.objectContaining({
        source_labels: ['__meta_kubernetes_pod_annotation_arbiter_dev_metrics_path'],
        target_label: '__metrics_path__',
      }),
    );
    const namespaceLabel = relabels.find((r) => r.target_label === 'namespace');
    expect(namespaceLabel?.source_labels).toEqual(['__meta_kubernetes_namespace']);
    const query = String(
      obj(
        obj(list(obj((ofKind('ScaledObject')[0] as Obj).spec, 'spec').triggers)[0], 'trigger').metadata,
        'metadata',
      ).query,
    );
    expect(query).toContain('namespace="arbiter"');
  });
});

// ---------------------------------------------------------------------------------------------------
// Kubernetes API schemas

/** The models of the kinds deploy/k8s uses; each validates against the Kubernetes (or KEDA) schema. */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/Ingress': Ingress,
  'keda.sh/v1alpha1/ScaledObject': ScaledObject,
};

/** The schema's complaint about a resource, or undefined when it is valid. */
function schemaErrors(resource: Obj): string | undefined {
  const Model = MODELS[`${String(resource.apiVersion)}/${String(resource.kind)}`];
  if (Model === undefined)
    return `no schema known for ${String(resource.apiVersion)} ${String(resource.kind)}`;
  try {
    new Model(resource as never).validate();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe('deploy/k8s against the Kubernetes API schemas', () => {
  for (const resource of resources) {
    it(`${String(resource.kind)} ${nameOf(resource)} is valid`, () => {
      expect(schemaErrors(resource)).toBeUndefined();
    });
  }

  it('the validator refuses what the API server would (so the checks above can fail)', () => {
    const worker = structuredClone(byName('Deployment', 'arbiter-worker'));
    const container = containers(worker)[0] as Obj;
    container.securityContext = { ...obj(container.securityContext, 'ctx'), procMount: 'Bogus' };
    expect(schemaErrors(worker)).toMatch(/procMount/);
    const service = structuredClone(byName('Service', 'arbiter-api'));
    obj(service.spec, 'spec').ports = [{ port: 'four thousand' }];
    expect(schemaErrors(service)).toMatch(/port/);
    const scaled = structuredClone(ofKind('ScaledObject')[0] as Obj);
    delete obj(scaled.spec, 'spec').scaleTargetRef;
    expect(schemaErrors(scaled)).toMatch(/scaleTargetRef/);
  });
});
