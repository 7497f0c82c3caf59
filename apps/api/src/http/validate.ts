/** Parses request input with a zod schema, turning failures into a 400 that names each bad field. */
import type { z } from 'zod';
import { HttpError } from './http-error.js';

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
    if (issue.code === 'unrecognized_keys') return `${field}: unknown field(s) ${issue.keys.join(', ')}`;
    return `${field}: ${issue.message}`;
  });
  throw new HttpError(400, 'INVALID_REQUEST', details[0] ?? 'invalid request', details);
}
