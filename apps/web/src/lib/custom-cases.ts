// The test-case tabs of a problem kept in localStorage (inputs as edited, custom cases included), so a reload keeps them.
const PREFIX = 'arbiter:cases:';
/** At most this many characters are kept (a browser's storage is small and shared). */
const MAX_STORED_CHARS = 200_000;

export interface StoredCase {
  input: string;
  /** Index of the example it was prefilled from, or null for a custom case. */
  example: number | null;
}

export function loadCases(slug: string): StoredCase[] | null {
  try {
    const raw = window.localStorage.getItem(`${PREFIX}${slug}`);
    if (raw === null) return null;
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return null;
    const cases = parsed.filter(
      (c): c is StoredCase =>
        typeof c === 'object' &&
        c !== null &&
        typeof (c as StoredCase).input === 'string' &&
        ((c as StoredCase).example === null || Number.isInteger((c as StoredCase).example)),
    );
    return cases.length > 0 ? cases : null;
  } catch {
    return null;
  }
}

export function saveCases(slug: string, cases: StoredCase[]): void {
  try {
    const text = JSON.stringify(cases.map(({ input, example }) => ({ input, example })));
    if (text.length <= MAX_STORED_CHARS) window.localStorage.setItem(`${PREFIX}${slug}`, text);
  } catch {
    // Storage full or disabled: the cases live only in memory.
  }
}
