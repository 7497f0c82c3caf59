/**
 * The editor highlights every language of the catalogue: each `meta.monaco` names a grammar Monaco ships, and
 * apps/web/src/lib/monaco-setup.ts registers it (a grammar not registered leaves the editor in plain text).
 * `plaintext` only for languages Monaco has no grammar of.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@arbiter/languages/catalog';

const here = dirname(fileURLToPath(import.meta.url));
const setup = readFileSync(join(here, '../../apps/web/src/lib/monaco-setup.ts'), 'utf8');
const grammars = join(here, '../../node_modules/monaco-editor/esm/vs/languages/definitions');

describe('Monaco highlighting of each language', () => {
  it.each(LANGUAGES.map((meta) => [meta.id, meta.monaco] as const))('%s (%s)', (id, monaco) => {
    if (monaco === 'plaintext') {
      expect(existsSync(join(grammars, id)), `Monaco has a grammar named ${id}`).toBe(false);
      return;
    }
    expect(existsSync(join(grammars, monaco, 'register.js')), `Monaco ships ${monaco}`).toBe(true);
    expect(setup).toContain(`'monaco-editor/languages/definitions/${monaco}/register'`);
  });
});
