/**
 * What the image CI step (scripts/ci/images.sh) needs from docker-compose.yml, for podman-compose:
 *
 *   derive <compose file> <api port> <web port>   the same stack, published on free loopback ports (other
 *       programs on this machine may hold 3000 and 4000), with the web app and the API pointed at those, and
 *       without `build:` (the images are built beforehand). Everything else, the worker's rights included, is
 *       the file's own. Prints YAML.
 *   healthcheck <compose file> <service>          the service's healthcheck command, as argv separated by NUL
 *       characters (podman-compose cannot run healthchecks without systemd, so the script runs them itself).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { z } from 'zod';

const serviceSchema = z.looseObject({
  ports: z.array(z.union([z.string(), z.number()])).optional(),
  environment: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  security_opt: z.array(z.string()).optional(),
  healthcheck: z.looseObject({ test: z.union([z.string(), z.array(z.string())]) }).optional(),
});
const composeSchema = z.looseObject({ services: z.record(z.string(), serviceSchema) });
type Compose = z.infer<typeof composeSchema>;

function readCompose(file: string): Compose {
  return composeSchema.parse(parse(readFileSync(file, 'utf8')));
}

/**
 * Publishes container port 4000 on `apiPort` and 3000 on `webPort`, on 127.0.0.1 only, and makes seccomp
 * profile paths absolute (podman-compose hands them to podman as they are, which reads them relative to its
 * working directory; Compose reads them relative to the file).
 */
function derive(compose: Compose, baseDir: string, apiPort: number, webPort: number): Compose {
  const hostPort: Record<string, number> = { '4000': apiPort, '3000': webPort };
  const api = `http://127.0.0.1:${apiPort}`;
  const web = `http://127.0.0.1:${webPort}`;
  const services = Object.fromEntries(
    Object.entries(compose.services).map(([name, service]) => {
      const copy = { ...service };
      delete copy.build;
      if (copy.ports !== undefined) {
        copy.ports = copy.ports.map((port) => {
          const container = String(port).split(':').at(-1) ?? '';
          const published = hostPort[container];
          if (published === undefined) throw new Error(`${name}: no free port chosen for ${String(port)}`);
          return `127.0.0.1:${published}:${container}`;
        });
      }
      copy.security_opt = copy.security_opt?.map((opt) => {
        const profile = /^seccomp[=:](.+)$/.exec(opt)?.[1];
        return profile === undefined || profile === 'unconfined'
          ? opt
          : `seccomp=${resolve(baseDir, profile)}`;
      });
      const env = copy.environment;
      if (env !== undefined) {
        if (env.ARBITER_API_URL !== undefined) copy.environment = { ...env, ARBITER_API_URL: api };
        if (env.WEB_ORIGIN !== undefined)
          copy.environment = { ...env, WEB_ORIGIN: `${web},${String(env.WEB_ORIGIN)}` };
      }
      return [name, copy];
    }),
  );
  return { ...compose, services };
}

/** The healthcheck's command as argv (`CMD` runs it as is, `CMD-SHELL` and a string through `sh -c`). */
function healthcheck(compose: Compose, name: string): string[] {
  const test = compose.services[name]?.healthcheck?.test;
  if (test === undefined) throw new Error(`service ${name} has no healthcheck`);
  if (typeof test === 'string') return ['sh', '-c', test];
  const [kind, ...rest] = test;
  if (kind === 'CMD') return rest;
  if (kind === 'CMD-SHELL') return ['sh', '-c', rest.join(' ')];
  throw new Error(`service ${name}: unsupported healthcheck ${JSON.stringify(test)}`);
}

const [command, file, ...rest] = process.argv.slice(2);
if (command === 'derive' && file !== undefined && rest.length === 2) {
  const [apiPort, webPort] = rest.map((p) => z.coerce.number().int().min(1).max(65535).parse(p));
  const derived = derive(readCompose(file), dirname(resolve(file)), apiPort ?? 0, webPort ?? 0);
  // YAML 1.1 out: podman-compose reads YAML 1.1, where an unquoted `yes` (redis' `--appendonly yes`) is true.
  process.stdout.write(stringify(derived, { version: '1.1' }));
} else if (command === 'healthcheck' && file !== undefined && rest[0] !== undefined) {
  process.stdout.write(healthcheck(readCompose(file), rest[0]).join('\0'));
} else {
  console.error(
    'usage: compose-for-podman.ts derive <compose file> <api port> <web port> | healthcheck <compose file> <service>',
  );
  process.exit(2);
}
