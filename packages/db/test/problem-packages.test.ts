/** Imported problem versions on both backends: numbering, one blob per content, latest, concurrent imports, titles. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex, type NewProblemVersion } from '../src/index.js';
import { BACKENDS, openTestDatabase, type TestDatabase } from './support/test-database.js';

const metadata: NewProblemVersion['metadata'] = {
  formatVersion: 'legacy',
  types: ['pass-fail'],
  validation: 'default',
  validatorFlags: '',
  timeMultiplier: 5,
  timeSafetyMargin: 2,
  memoryMb: 1024,
  outputMb: 8,
  groups: [{ name: 'secret', cases: 1 }],
  samples: 0,
  secret: 1,
};

function version(slug: string, zip: string): NewProblemVersion {
  return {
    slug,
    title: `Title of ${slug}`,
    zip: Buffer.from(zip),
    metadata,
    report: { found: ['x'], unsupported: [], warnings: [] },
  };
}

describe.each(BACKENDS)('problem packages on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    await t.reset();
  });

  it('numbers versions per slug, stores each content once, and keeps old versions readable', async () => {
    const { problems } = t.database;
    const first = await problems.addVersion(version('hello', 'zip-a'));
    expect(first).toMatchObject({
      replaced: false,
      version: { version: 1, sha256: sha256Hex(Buffer.from('zip-a')) },
    });
    const second = await problems.addVersion(version('hello', 'zip-b'));
    expect(second).toMatchObject({ replaced: true, version: { version: 2 } });
    // The same content again: a new version, the same blob.
    const third = await problems.addVersion(version('hello', 'zip-a'));
    expect(third.version).toMatchObject({ version: 3, sha256: first.version.sha256 });
    await problems.addVersion(version('other', 'zip-a'));
    expect(await problems.blobCount()).toBe(2);

    expect((await problems.latest('hello'))?.version).toBe(3);
    expect((await problems.version('hello', 2))?.sha256).toBe(sha256Hex(Buffer.from('zip-b')));
    expect((await problems.blob(second.version.sha256))?.toString()).toBe('zip-b');
    expect(await problems.latest('missing')).toBeNull();
    expect(await problems.blob('0'.repeat(64))).toBeNull();
    expect((await problems.list()).map((p) => [p.slug, p.version, p.size])).toEqual([
      ['hello', 3, 5],
      ['other', 1, 5],
    ]);
    // Pages by slug.
    expect((await problems.list({ limit: 1 })).map((p) => p.slug)).toEqual(['hello']);
    expect((await problems.list({ after: 'hello', limit: 1 })).map((p) => p.slug)).toEqual(['other']);
    expect(await problems.list({ after: 'other' })).toEqual([]);
    expect((await problems.list())[0]?.verification).toBeNull();
  });

  it('gives concurrent imports of one slug distinct versions', async () => {
    const { problems } = t.database;
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => problems.addVersion(version('race', `zip-${i}`))),
    );
    expect(results.map((r) => r.version.version).sort()).toEqual([1, 2, 3, 4, 5]);
    expect((await problems.latest('race'))?.version).toBe(5);
  });

  it('reads the titles in force of the imported problems among some slugs', async () => {
    const { problems } = t.database;
    await problems.addVersion(version('first', 'zip-1'));
    await problems.addVersion(version('second', 'zip-2'));
    await problems.updateSettings('second', { title: 'Renamed' });
    expect(await problems.titles([])).toEqual(new Map());
    expect(await problems.titles(['second', 'missing', 'first', 'first'])).toEqual(
      new Map([
        ['first', 'Title of first'],
        ['second', 'Renamed'],
      ]),
    );
  });
});
