/**
 * A harness runtime kept as a source file of its language (`c/runtime.c`, `cpp/runtime.hpp`,
 * `java/runtime.java`): its text without the leading header comment (everything up to the first blank
 * line), read once.
 */
import { readFileSync } from 'node:fs';

const cache = new Map<string, string>();

export function runtimeSource(url: URL): string {
  let text = cache.get(url.href);
  if (text === undefined) {
    const file = readFileSync(url, 'utf8');
    text = file.slice(file.indexOf('\n\n') + 2);
    cache.set(url.href, text);
  }
  return text;
}
