/** The registry agrees with the catalog, and every language folder gives what the platform relies on. */
import { describe, expect, it } from 'vitest';
import { LANGUAGE_IDS, LANGUAGES } from './catalog.js';
import { LANGUAGE_MODULES, RECIPES } from './registry.js';

describe('language registry', () => {
  it('lists each catalog language once, under its own id, with metadata and recipe of that id', () => {
    expect(new Set(LANGUAGE_IDS).size).toBe(LANGUAGE_IDS.length);
    expect(Object.keys(LANGUAGE_MODULES).sort()).toEqual([...LANGUAGE_IDS].sort());
    for (const id of LANGUAGE_IDS) {
      expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(LANGUAGE_MODULES[id].meta).toBe(LANGUAGES.find((meta) => meta.id === id));
      expect(RECIPES[id].id).toBe(id);
    }
  });

  it('gives every language a name, source endings, an editor mode, a stdio starter, a self-test sample and verdict samples', () => {
    for (const meta of LANGUAGES) {
      expect(meta.name.length).toBeGreaterThan(0);
      expect(meta.extensions.length).toBeGreaterThan(0);
      for (const ending of meta.extensions) expect(ending).toMatch(/^\.[a-z0-9+]+$/);
      expect(meta.monaco).toMatch(/^[a-z]+$/);
      expect(meta.stdioStarter.length).toBeGreaterThan(0);
      expect(meta.sample.length).toBeGreaterThan(0);
      expect(meta.debian.length).toBeGreaterThan(0);
      for (const program of Object.values(meta.samples)) expect(program.length).toBeGreaterThan(0);
    }
  });
});
