/**
 * Opaque cursors for a history listed newest first: the (created_at, id) of the last row shown,
 * base64url-encoded JSON. Clients only pass them back; they must not parse them.
 */

export interface CursorPosition {
  createdAt: Date;
  id: string;
}

/** Thrown for a cursor this module did not produce (tampered, truncated, from another listing). */
export class InvalidCursorError extends Error {
  constructor() {
    super('Invalid cursor');
    this.name = 'InvalidCursorError';
  }
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw new InvalidCursorError();
  const [iso, id] = parsed as unknown[];
  if (
    typeof iso !== 'string' ||
    typeof id !== 'string' ||
    id.length === 0 ||
    id.length > 64 ||
    id.includes('\0')
  ) {
    throw new InvalidCursorError();
  }
  const createdAt = new Date(iso);
  // Years PostgreSQL's timestamptz and ISO 8601 share; others would fail the query, not the cursor.
  const year = createdAt.getUTCFullYear();
  if (Number.isNaN(year) || year < 1 || year > 9999) throw new InvalidCursorError();
  return { createdAt, id };
}
