/** A package as a set of files: read from a zip or a folder with the same caps, the root found, names looked up. */
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative as relativePath, sep } from 'node:path';
import {
  ArchiveError,
  DEFAULT_ZIP_LIMITS,
  readZip,
  type ZipFileEntry,
  type ZipLimits,
} from '@arbiter/archive';
import { PackageError } from './package-error.js';
import { resolvePackageLinks } from './package-links.js';

/**
 * A file of a package. `leftOut`: a symbolic link that points outside the package or at nothing in it,
 * kept only so the import report can name it (empty, never stored or read).
 */
export type PackageFile = ZipFileEntry & { readonly leftOut?: string };

/**
 * Caps for a problem package. Test data is often very repetitive (a maximal test of zeros inflates about
 * 1000:1), so the ratio is left to the total cap.
 */
export const PACKAGE_LIMITS: ZipLimits = {
  ...DEFAULT_ZIP_LIMITS,
  maxCompressionRatio: Number.POSITIVE_INFINITY,
  // The format allows links to other files of the package; resolvePackageLinks copies them.
  symlinks: 'keep',
};

/**
 * Moves the files of a package zipped with its folder (`name/problem.yaml`) to the root, then replaces
 * its symbolic links by copies of their targets (which must lie in the package).
 */
function rootAt(files: readonly PackageFile[], limits: ZipLimits): PackageFile[] {
  if (files.some((f) => f.path === 'problem.yaml')) return resolvePackageLinks(files, limits.maxTotalBytes);
  const tops = new Set(files.map((f) => f.path.split('/')[0]));
  const [top] = [...tops];
  if (tops.size === 1 && top !== undefined && files.some((f) => f.path === `${top}/problem.yaml`)) {
    return resolvePackageLinks(
      files.map((f) => ({ ...f, path: f.path.slice(top.length + 1) })),
      limits.maxTotalBytes,
    );
  }
  throw new PackageError([{ file: 'problem.yaml', message: 'missing at the root of the package' }]);
}

export async function packageFromZip(zip: Buffer, limits: Partial<ZipLimits> = {}): Promise<PackageFile[]> {
  try {
    const all = { ...PACKAGE_LIMITS, ...limits };
    const { files } = await readZip(zip, all);
    return rootAt(files, all);
  } catch (e) {
    if (e instanceof ArchiveError) throw new PackageError([{ file: e.entry ?? '', message: e.message }]);
    throw e;
  }
}

/**
 * Reads a package folder with the zip caps: symbolic links to files in the folder are read as copies of
 * their targets (others refused), special files refused, sizes bounded.
 */
export async function packageFromFolder(
  root: string,
  overrides: Partial<ZipLimits> = {},
): Promise<PackageFile[]> {
  const limits = { ...PACKAGE_LIMITS, ...overrides };
  const files: PackageFile[] = [];
  let total = 0;
  let entries = 0;
  const refuse = (file: string, message: string): never => {
    throw new PackageError([{ file, message }]);
  };
  const walk = async (relative: string, depth: number): Promise<void> => {
    if (depth > limits.maxPathDepth) refuse(relative, `deeper than ${limits.maxPathDepth} levels`);
    const names = (await readdir(join(root, relative))).sort();
    for (const name of names) {
      const path = relative === '' ? name : `${relative}/${name}`;
      if (++entries > limits.maxEntries) refuse('', `more than ${limits.maxEntries} files and folders`);
      const stat = await lstat(join(root, path));
      if (stat.isSymbolicLink()) {
        // Kept as the zip reader keeps one: its target, relative to its folder, resolved with the rest.
        const target = await readlink(join(root, path));
        const inside = isAbsolute(target) ? relativePath(dirname(join(root, path)), target) : target;
        files.push({
          path,
          bytes: Buffer.alloc(0),
          executable: false,
          linkTarget: isAbsolute(inside) ? target : inside.split(sep).join('/'),
        });
      } else if (stat.isDirectory()) {
        await walk(path, depth + 1);
      } else if (stat.isFile()) {
        if (stat.size > limits.maxEntryBytes)
          refuse(path, `${stat.size} bytes, over ${limits.maxEntryBytes}`);
        total += stat.size;
        if (total > limits.maxTotalBytes) refuse(path, `files pass ${limits.maxTotalBytes} bytes in total`);
        files.push({ path, bytes: await readFile(join(root, path)), executable: (stat.mode & 0o100) !== 0 });
      } else {
        refuse(path, 'only regular files and folders are accepted');
      }
    }
  };
  await walk('', 0);
  return rootAt(files, limits);
}
