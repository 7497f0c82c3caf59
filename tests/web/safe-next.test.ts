/**
 * Where the sign-in form goes next (apps/web/src/lib/safe-next.ts): a page of this site for every
 * value of `next` an attacker can put in a link, the page asked for otherwise. The browser's side
 * (the form, the router) is checked in tests/e2e/workspace.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_AFTER_SIGN_IN, safeNextPath } from '../../apps/web/src/lib/safe-next.js';

const ORIGIN = 'http://127.0.0.1:3000';

describe('safeNextPath', () => {
  it.each([
    ['/problems/two-sum', '/problems/two-sum'],
    ['/problems/two-sum?language=python#editor', '/problems/two-sum?language=python#editor'],
    [
      '/submissions/6f1c2a4e-1111-4222-8333-944455556666',
      '/submissions/6f1c2a4e-1111-4222-8333-944455556666',
    ],
    ['/', '/'],
    ['/problems/../playground', '/playground'],
  ])('keeps the path %j', (raw, path) => {
    expect(safeNextPath(raw, ORIGIN)).toBe(path);
  });

  it.each([
    null,
    '',
    'problems',
    '/\\example.org/',
    '/\\\\example.org',
    '\\/example.org',
    '/\t/example.org/',
    '/\n/example.org',
    '/\r/example.org',
    ' /\\example.org',
    '/ /example.org',
    '//example.org/',
    '///example.org',
    '/..//example.org/',
    '/.//example.org',
    '/a/../..//example.org',
    '/%2F/example.org',
    '/%2f%2fexample.org',
    '/%5Cexample.org',
    '/%09/example.org',
    '/%0a/example.org',
    'https://example.org/',
    'http://127.0.0.1:3001/',
    'javascript:alert(1)',
    'data:text/html,hi',
    '/\u0000/example.org',
    '/\u007f',
  ])('sends %j to the default page', (raw) => {
    expect(safeNextPath(raw, ORIGIN)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it('resolves against the origin it is given', () => {
    expect(safeNextPath('/admin', 'https://judge.example')).toBe('/admin');
    expect(safeNextPath('https://judge.example/admin', 'https://judge.example')).toBe(DEFAULT_AFTER_SIGN_IN);
  });
});
