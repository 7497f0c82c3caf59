/**
 * Recognises PostgreSQL errors by SQLSTATE, whichever driver raised them: node-postgres and
 * PGlite both put `code` and `constraint` on their error, and Drizzle wraps it as `cause`.
 */

/** SQLSTATE of a unique-constraint violation. */
export const UNIQUE_VIOLATION = '23505';

interface PgErrorFields {
  code: string;
  constraint: string | undefined;
}

/** The first error in the `cause` chain that carries a SQLSTATE, or null. */
export function pgError(error: unknown): PgErrorFields | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const fields = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code)) {
      return {
        code: fields.code,
        constraint: typeof fields.constraint === 'string' ? fields.constraint : undefined,
      };
    }
    current = fields.cause;
  }
  return null;
}

/** True when `error` is a unique violation, of `constraint` if given. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const fields = pgError(error);
  if (fields?.code !== UNIQUE_VIOLATION) return false;
  return constraint === undefined || fields.constraint === constraint;
}
