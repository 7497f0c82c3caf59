/** Validates and normalises one entry name: relative, no `.`/`..` segments, no backslashes or control characters. */
import { ArchiveError } from './archive-error.js';
import type { ZipLimits } from './limits.js';

const isControl = (c: string): boolean => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f;

/** The entry name as it may appear in an error message: control characters escaped, length bounded. */
export function printable(name: string): string {
  const escaped = [...name]
    .map((c) => (isControl(c) ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c))
    .join('');
  return escaped.length > 200 ? `${escaped.slice(0, 200)}…` : escaped;
}

/**
 * Returns the entry's safe relative path without a trailing slash, and whether the entry is a directory.
 * Refuses anything that could land outside the extraction root or mean different files on different systems.
 */
export function checkEntryPath(name: string, limits: ZipLimits): { path: string; directory: boolean } {
  const shown = printable(name);
  const refuse = (why: string): never => {
    throw new ArchiveError('unsafe-path', why, shown);
  };
  if (name.length === 0) refuse('empty entry name');
  if (Buffer.byteLength(name, 'utf8') > limits.maxPathBytes)
    refuse(`path longer than ${limits.maxPathBytes} bytes`);
  if ([...name].some(isControl)) refuse('control character in path');
  if (name.includes('\\')) refuse('backslash in path');
  if (name.startsWith('/')) refuse('absolute path');
  if (/^[A-Za-z]:/.test(name)) refuse('drive letter in path');
  const directory = name.endsWith('/');
  const segments = (directory ? name.slice(0, -1) : name).split('/');
  if (segments.length > limits.maxPathDepth) refuse(`path deeper than ${limits.maxPathDepth} levels`);
  for (const segment of segments) {
    if (segment === '') refuse('empty path segment');
    if (segment === '.' || segment === '..') refuse(`"${segment}" segment in path`);
  }
  return { path: segments.join('/'), directory };
}
