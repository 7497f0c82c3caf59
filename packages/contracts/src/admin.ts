/**
 * What the admin routes answer: `GET /admin/workers` (the live workers, from their heartbeats)
 * and the queue list of the queue dashboard mounted at `/admin/queues`.
 */
import { z } from 'zod';
import { authUserSchema, roleNameSchema } from './auth.js';
import { languageInfoSchema } from './languages.js';

/**
 * How a worker confines runs: the bubblewrap sandbox on cgroup v1 or v2, or `none` (unsandboxed, development
 * only).
 */
export const sandboxDriverSchema = z.enum(['cgroup-v1', 'cgroup-v2', 'none']);
export type SandboxDriver = z.infer<typeof sandboxDriverSchema>;

/** One live worker, as its last heartbeat described it. */
export const adminWorkerSchema = z.object({
  id: z.string(),
  host: z.string(),
  pid: z.number().int(),
  /** Jobs it runs at once. */
  concurrency: z.number().int().positive(),
  /** Jobs it is running now. */
  active: z.number().int().nonnegative(),
  /** Sandbox kind, e.g. `bwrap+cgroup-v2` or `unsandboxed`. */
  sandbox: z.string(),
  /** Which sandbox driver it uses. */
  sandboxDriver: sandboxDriverSchema,
  /** What it can run, with toolchain versions. */
  languages: z.array(languageInfoSchema),
  /** The worker's own version. */
  version: z.string(),
  /** When it started (ISO 8601). */
  startedAt: z.string(),
});
export type AdminWorker = z.infer<typeof adminWorkerSchema>;

/** Answer of `GET /admin/workers`: live workers, by host then id. */
export const adminWorkersResponseSchema = z.object({ workers: z.array(adminWorkerSchema) });
export type AdminWorkersResponse = z.infer<typeof adminWorkersResponseSchema>;

/**
 * The queue dashboard's `GET /admin/queues/api/queues`: its own format (the dashboard's), of which
 * only the queue names are relied on here.
 */
export const queueDashboardListSchema = z.looseObject({
  queues: z.array(z.looseObject({ name: z.string() })),
});

/** `PUT /admin/users/:username/role`: the new role (`teacher` is read as `organiser`). */
export const setRoleRequestSchema = z.strictObject({ role: roleNameSchema });
export type SetRoleRequest = z.infer<typeof setRoleRequestSchema>;

/** Its answer: the account with its new role. */
export const setRoleResponseSchema = z.object({ user: authUserSchema });
export type SetRoleResponse = z.infer<typeof setRoleResponseSchema>;
