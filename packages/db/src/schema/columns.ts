/**
 * Column helpers shared by every table. Timestamps keep milliseconds only (precision 3), the
 * precision of a JavaScript `Date`, so a value read back and sent again (a pagination cursor)
 * compares equal to the stored one.
 */
import { timestamp } from 'drizzle-orm/pg-core';

/** `timestamptz(3)`, read and written as a `Date`. */
export function timestampMs(name: string) {
  return timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });
}

/** SQL list literal of string constants for CHECK constraints, e.g. `('a', 'b')`. */
export function sqlList(values: readonly string[]): string {
  return `(${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ')})`;
}
