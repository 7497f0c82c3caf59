/**
 * Symbolic links in a package: the format allows links to other files and folders of the package (a
 * subtask's cases shared with the next one, say), never outside it. Each link becomes a copy of what it
 * points to: a file's bytes, or every file of a folder under the link's name.
 */
import { posix } from 'node:path';
import type { PackageFile } from './package-files.js';
import { PackageError, type PackageIssue } from './package-error.js';

/** Links followed in a row before a chain counts as a loop (as Linux's own limit). */
const MAX_HOPS = 40;

/** Where a path leads once every link on it is followed. */
type Found =
  | { kind: 'file'; file: PackageFile }
  | { kind: 'folder'; path: string }
  | { kind: 'outside'; target: string }
  | { kind: 'missing'; path: string }
  | { kind: 'loop' };

/**
 * Replaces every link by a copy of what it names (relative to the link's folder), following links on
 * every step of the way as the kernel does: a link to a file becomes that file's bytes, a link to a folder
 * becomes a copy of each file below it. A target outside the package (absolute, or climbing out) or
 * missing from it is never read: the link is left out (`leftOut` says why; the import report warns), as a
 * package copied out of a larger tree keeps such links (DOMjudge's examples link their PDF statement in
 * the repository's docs, BAPCtools' link a shared header). A loop, or a link to a folder that holds it, is
 * refused, naming the link; so are copies that pass `maxTotalBytes` with the rest.
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

  /** Follows `path` component by component; `hops` counts the links followed so far. */
  const lookup = (path: string, hops: number): Found => {
    let at = '';
    const parts = path.split('/');
    for (const [i, part] of parts.entries()) {
      const here = at === '' ? part : `${at}/${part}`;
      const entry = byPath.get(here);
      if (entry?.linkTarget !== undefined) {
        if (hops >= MAX_HOPS) return { kind: 'loop' };
        const target = entry.linkTarget;
        const next = posix.normalize(posix.join(posix.dirname(here), target));
        if (target.startsWith('/') || next === '..' || next.startsWith('../'))
          return { kind: 'outside', target };
        const rest = parts.slice(i + 1).join('/');
        return lookup(next === '.' ? rest : rest === '' ? next : `${next}/${rest}`, hops + 1);
      }
      if (entry !== undefined)
        return i === parts.length - 1 ? { kind: 'file', file: entry } : { kind: 'missing', path };
      if (!folders.has(here) && here !== '.') return { kind: 'missing', path };
      at = here === '.' ? '' : here;
    }
    return at === '' ? { kind: 'folder', path: '' } : { kind: 'folder', path: at };
  };

  const issues: PackageIssue[] = [];
  const out: PackageFile[] = [];
  let total = 0;
  const copy = (path: string, file: PackageFile) => {
    total += file.bytes.length;
    out.push({ path, bytes: file.bytes, executable: file.executable });
  };
  /** Writes what `path` leads to under `name`: a file's copy, or each entry of a folder, followed again. */
  const emit = (name: string, path: string, hops: number, link: PackageFile): void => {
    const found = lookup(path, hops);
    const leftOut = (why: string) =>
      out.push({ path: name, bytes: Buffer.alloc(0), executable: false, leftOut: why });
    if (found.kind === 'file') copy(name, found.file);
    else if (found.kind === 'outside')
      leftOut(`symbolic link to "${found.target}", outside the package: left out`);
    else if (found.kind === 'missing')
      leftOut(`symbolic link to "${found.path}", which is not in the package: left out`);
    else if (found.kind === 'loop') issues.push({ file: link.path, message: 'a loop of symbolic links' });
    else if (
      found.path === '' ||
      `${name}/`.startsWith(`${found.path}/`) ||
      `${path}/`.startsWith(`${found.path}/`)
    ) {
      // A folder that holds the link (or the copy being made): its copy would hold itself.
      issues.push({
        file: link.path,
        message: `a loop of symbolic links (to the folder "${found.path || '.'}" that holds it)`,
      });
    } else {
      const prefix = `${found.path}/`;
      for (const inner of files) {
        if (inner.path.startsWith(prefix))
          emit(`${name}/${inner.path.slice(prefix.length)}`, inner.path, hops + 1, link);
      }
    }
  };
  for (const file of files) {
    if (file.linkTarget === undefined) {
      total += file.bytes.length;
      out.push(file);
    } else emit(file.path, file.path, 0, file);
  }
  if (issues.length > 0) throw new PackageError(issues);
  if (total > maxTotalBytes) {
    throw new PackageError([
      { file: '', message: `files pass ${maxTotalBytes} bytes in total with the symbolic links' copies` },
    ]);
  }
  return out;
}
