/**
 * A digest of the sources that decide how a language is compiled and run: its folder, the shared helpers and
 * the recipe contract. A worker's remembered self-test passes (packages/judge's self-test cache) hold only
 * while it is unchanged, so a changed recipe is tested again on the next start.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LanguageId } from '@arbiter/contracts';

const ROOT = fileURLToPath(new URL('./', import.meta.url));

function addTree(hash: ReturnType<typeof createHash>, dir: string, relative: string): void {
  for (const name of readdirSync(join(dir, relative)).sort()) {
    const path = join(relative, name);
    const stat = statSync(join(dir, path));
    if (stat.isDirectory()) addTree(hash, dir, path);
    else if (stat.isFile())
      hash
        .update(`${path}\0`)
        .update(readFileSync(join(dir, path)))
        .update('\0');
  }
}

const digests = new Map<string, string>();

/** The hex SHA-256 of the language's folder, `shared/`, `recipe.ts` and `meta.ts` (computed once per process). */
export function languageSourceHash(id: LanguageId): string {
  let digest = digests.get(id);
  if (digest === undefined) {
    const hash = createHash('sha256');
    for (const part of [id, 'shared']) addTree(hash, ROOT, part);
    for (const file of ['recipe.ts', 'meta.ts']) hash.update(file).update(readFileSync(join(ROOT, file)));
    digest = hash.digest('hex');
    digests.set(id, digest);
  }
  return digest;
}
