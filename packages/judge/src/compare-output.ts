/** Output comparison for stdio programs: token-wise, so trailing spaces and newlines never matter. */

export function tokens(text: string): string[] {
  return text.split(/\s+/).filter((token) => token.length > 0);
}

/** True when both texts have the same whitespace-separated tokens. */
export function sameTokens(actual: string, expected: string): boolean {
  const a = tokens(actual);
  const b = tokens(expected);
  return a.length === b.length && a.every((token, i) => token === b[i]);
}
