/**
 * Symbolic links in a package: the format allows links to other files of the package (a subtask's cases
 * shared with the next one, say), never outside it. Each link becomes a copy of the file it points to.
 */
import { posix } from 'node:path';
import type { PackageFile } from './package-files.js';
import { PackageError, type PackageIssue } from './package-error.js';

/** Links followed in a row before a chain counts as a loop (as Linux's own limit). */
const MAX_HOPS = 40;

/**
 * Replaces every file with a `linkTarget` by the bytes of the file it names (relative to the link's
 * folder), following chains. A target outside the package (absolute, or climbing out) or missing from it
 * is never read: the link is left out (`leftOut` says why; the import report warns), as a package copied
 * out of a larger tree keeps such links (DOMjudge's examples link their PDF statement in the repository's
 * docs, BAPCtools' link a shared header). A link to a folder, or a loop, is refused, naming the link; so
 * are copies that pass `maxTotalBytes` with the rest.
 */
export function resolvePackageLinks(files: readonly PackageFile[], maxTotalBytes: number): PackageFile[] {
  if (!files.some((f) => f.linkTarget !== undefined)) return [...files];
  const byPath = new Map(files.map((f) => [f.path, f]));
  const folders = new Set(
    files.flatMap((f) => {
      const parts = f.path.split('/');
      return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
    }),
  );
  const issues: PackageIssue[] = [];
  let total = 0;
  const resolved = files.map((file): PackageFile => {
    let current = file;
    for (let hop = 0; current.linkTarget !== undefined; hop++) {
      const target = current.linkTarget;
      if (hop >= MAX_HOPS) {
        issues.push({ file: file.path, message: 'a loop of symbolic links' });
        return file;
      }
      const path = posix.normalize(posix.join(posix.dirname(current.path), target));
      const leftOut = (why: string): PackageFile => ({
        path: file.path,
        bytes: Buffer.alloc(0),
        executable: false,
        leftOut: why,
      });
      if (target.startsWith('/') || path === '..' || path.startsWith('../'))
        return leftOut(`symbolic link to "${target}", outside the package: left out`);
      const next = byPath.get(path);
      if (next === undefined) {
        if (folders.has(path)) {
          issues.push({
            file: file.path,
            message: `symbolic link to the folder "${path}" (only links to files are read)`,
          });
          return file;
        }
        return leftOut(`symbolic link to "${path}", which is not in the package: left out`);
      }
      current = next;
    }
    total += current.bytes.length;
    return { path: file.path, bytes: current.bytes, executable: current.executable };
  });
  if (issues.length > 0) throw new PackageError(issues);
  if (total > maxTotalBytes) {
    throw new PackageError([
      { file: '', message: `files pass ${maxTotalBytes} bytes in total with the symbolic links' copies` },
    ]);
  }
  return resolved;
}
