/**
 * Column helpers shared by every table. Timestamps keep milliseconds only (precision 3), the
 * precision of a JavaScript `Date`, so a value read back and sent again (a pagination cursor)
 * compares equal to the stored one.
 */
import { customType, timestamp } from 'drizzle-orm/pg-core';

/** `timestamptz(3)`, read and written as a `Date`. */
export function timestampMs(name: string) {
  return timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });
}

/** SQL list literal of string constants for CHECK constraints, e.g. `('a', 'b')`. */
export function sqlList(values: readonly string[]): string {
  return `(${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ')})`;
}

/*
 * PostgreSQL refuses U+0000 in `text` and `jsonb`, yet code, stdin and program output may hold
 * it. Such columns store it escaped: NUL as U+FFFF "0" and U+FFFF itself (a noncharacter, kept
 * for internal use) as U+FFFF U+FFFF, so every string reads back exactly as it was written.
 * An unpaired surrogate (possible in JSON, impossible in UTF-8) becomes U+FFFD, as it does in
 * `text` and in what a program is given.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const escapeNul = (value: string): string =>
  value.includes('\u0000') || value.includes('\uFFFF')
    ? value.replaceAll('\uFFFF', '\uFFFF\uFFFF').replaceAll('\u0000', '\uFFFF0')
    : value;
const escapeJsonString = (value: string): string => escapeNul(value.replace(LONE_SURROGATE, '\uFFFD'));
const unescapeNul = (value: string): string =>
  value.includes('\uFFFF')
    ? value.replace(/\uFFFF([0\uFFFF])/g, (_match, char: string) => (char === '0' ? '\u0000' : '\uFFFF'))
    : value;

/** Applies `map` to every string (keys included) in a JSON value. */
function mapStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [map(key), mapStrings(item, map)]));
  }
  return value;
}

/** A driver that hands jsonb over as text: parsed, as Drizzle's own `jsonb` does. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** `text` that may hold U+0000 (stored escaped; see above). */
export const nulSafeText = customType<{ data: string; driverData: string }>({
  dataType: () => 'text',
  // null only reaches here as a prepared statement's placeholder value (a plain write sends it as NULL).
  toDriver: (value) => (value === null ? value : escapeNul(value)),
  fromDriver: unescapeNul,
});

/** `jsonb` whose strings may hold U+0000 (stored escaped; see above). */
export const nulSafeJsonb = customType<{ data: unknown; driverData: unknown }>({
  dataType: () => 'jsonb',
  toDriver: (value) => {
    // SQL NULL, not JSON null: what a plain write sends for null (a prepared statement's placeholder gets here).
    if (value === null) return null;
    const text = JSON.stringify(value);
    // JSON.stringify writes NUL and unpaired surrogates as \u escapes.
    return /\\u(0000|d[89a-f])|\uFFFF/.test(text)
      ? JSON.stringify(mapStrings(value, escapeJsonString))
      : text;
  },
  fromDriver: (value) => mapStrings(typeof value === 'string' ? parseJson(value) : value, unescapeNul),
});
