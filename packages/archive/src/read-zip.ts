/** Reads a zip held in memory into files, refusing bombs, unsafe paths, links and anything over the caps. */
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { ArchiveError } from './archive-error.js';
import { checkEntryPath, printable } from './entry-path.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './limits.js';

export interface ZipFileEntry {
  /** Relative path, `/`-separated, no trailing slash. */
  readonly path: string;
  readonly bytes: Buffer;
  /** True when the archive marks the file executable for its owner (Unix attributes only). */
  readonly executable: boolean;
  /** A symbolic link's target as written in the archive (only with `symlinks: 'keep'`); `bytes` is then empty. */
  readonly linkTarget?: string;
}

export interface ZipContents {
  /** Files in archive order. */
  readonly files: readonly ZipFileEntry[];
  /** Directories named by an explicit entry or implied by a file's path, sorted. */
  readonly directories: readonly string[];
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const UNIX_HOST = 3;

/** Unix mode bits of the entry when the archive was written on Unix, else undefined. */
function unixMode(entry: Entry): number | undefined {
  if (entry.versionMadeBy >>> 8 !== UNIX_HOST) return undefined;
  return (entry.externalFileAttributes >>> 16) & 0xffff;
}

function decodeName(entry: Entry): string {
  // Names come undecoded so that yauzl's own validation cannot preempt ours: UTF-8 when flagged, CP437 otherwise.
  return yauzl.getFileNameLowLevel(
    entry.generalPurposeBitFlag,
    entry.fileName as unknown as Buffer,
    entry.extraFields,
    true, // keep backslashes as they are, so that they are refused rather than silently turned into slashes
  );
}

function open(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, strictFileNames: false },
      (err, zip) =>
        err ? reject(new ArchiveError('corrupt', `not a readable zip: ${err.message}`)) : resolve(zip),
    );
  });
}

/**
 * Reads every file of the archive. Declared sizes are checked before inflating; the bytes actually inflated are
 * counted too (and yauzl checks they match the declared size), so a lying header cannot pass the caps.
 */
export async function readZip(buffer: Buffer, overrides: Partial<ZipLimits> = {}): Promise<ZipContents> {
  const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...overrides };
  if (buffer.length > limits.maxArchiveBytes) {
    throw new ArchiveError(
      'archive-too-large',
      `archive is ${buffer.length} bytes, over ${limits.maxArchiveBytes}`,
    );
  }
  const zip = await open(buffer);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new ArchiveError(
        'too-many-entries',
        `archive has ${zip.entryCount} entries, over ${limits.maxEntries}`,
      );
    }
    return await collect(zip, limits);
  } finally {
    zip.close();
  }
}

function collect(zip: ZipFile, limits: ZipLimits): Promise<ZipContents> {
  const files: ZipFileEntry[] = [];
  const filePaths = new Set<string>();
  const directories = new Set<string>();
  let total = 0;
  let current: string | undefined;

  const claim = (path: string, directory: boolean, shown: string): void => {
    const segments = path.split('/');
    for (let i = 1; i < segments.length; i++) {
      const ancestor = segments.slice(0, i).join('/');
      if (filePaths.has(ancestor)) {
        throw new ArchiveError('duplicate-entry', `"${ancestor}" is both a file and a directory`, shown);
      }
      directories.add(ancestor);
    }
    if (directory) {
      if (filePaths.has(path))
        throw new ArchiveError('duplicate-entry', 'is both a file and a directory', shown);
      directories.add(path);
    } else {
      if (filePaths.has(path)) throw new ArchiveError('duplicate-entry', 'appears twice', shown);
      if (directories.has(path))
        throw new ArchiveError('duplicate-entry', 'is both a file and a directory', shown);
      filePaths.add(path);
    }
  };

  const inflate = (entry: Entry, shown: string): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(new ArchiveError('corrupt', err.message, shown));
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          total += chunk.length;
          if (size > limits.maxEntryBytes || total > limits.maxTotalBytes) {
            stream.destroy();
            reject(new ArchiveError('entry-too-large', 'inflates past its cap', shown));
            return;
          }
          chunks.push(chunk);
        });
        stream.on('error', (e: Error) => reject(new ArchiveError('corrupt', e.message, shown)));
        stream.on('end', () => resolve(Buffer.concat(chunks, size)));
      });
    });

  const handle = async (entry: Entry): Promise<void> => {
    const name = decodeName(entry);
    const shown = printable(name);
    current = shown;
    const { path, directory } = checkEntryPath(name, limits);
    const mode = unixMode(entry);
    const type = mode === undefined ? 0 : mode & S_IFMT;
    if (type === S_IFLNK && limits.symlinks !== 'keep') {
      throw new ArchiveError('symlink', 'symbolic links are refused', shown);
    }
    if (type !== 0 && type !== S_IFREG && type !== S_IFDIR && type !== S_IFLNK) {
      throw new ArchiveError('special-file', 'only regular files and directories are accepted', shown);
    }
    if (type === S_IFDIR && !directory) {
      throw new ArchiveError('corrupt', 'directory attributes on an entry without a trailing slash', shown);
    }
    claim(path, directory, shown);
    if (directory) return;
    if (entry.isEncrypted()) throw new ArchiveError('encrypted', 'encrypted entries are refused', shown);
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw new ArchiveError(
        'unsupported-compression',
        `compression method ${entry.compressionMethod} (only stored and deflate are read)`,
        shown,
      );
    }
    const declared = entry.uncompressedSize;
    if (declared > limits.maxEntryBytes) {
      throw new ArchiveError('entry-too-large', `${declared} bytes, over ${limits.maxEntryBytes}`, shown);
    }
    if (total + declared > limits.maxTotalBytes) {
      throw new ArchiveError(
        'total-too-large',
        `files inflate past ${limits.maxTotalBytes} bytes in total`,
        shown,
      );
    }
    if (declared > limits.ratioFloorBytes && declared > entry.compressedSize * limits.maxCompressionRatio) {
      throw new ArchiveError(
        'compression-ratio',
        `compressed ${entry.compressedSize} → ${declared} bytes, a ratio over ${limits.maxCompressionRatio}`,
        shown,
      );
    }
    const bytes = await inflate(entry, shown);
    if (type === S_IFLNK) {
      if (bytes.length === 0 || bytes.length > limits.maxPathBytes) {
        throw new ArchiveError('unsafe-path', `a link target of ${bytes.length} bytes`, shown);
      }
      files.push({ path, bytes: Buffer.alloc(0), executable: false, linkTarget: bytes.toString('utf8') });
      return;
    }
    files.push({ path, bytes, executable: mode !== undefined && (mode & 0o100) !== 0 });
  };

  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (e: unknown): void => {
      if (settled) return;
      settled = true;
      reject(
        e instanceof ArchiveError
          ? e
          : new ArchiveError('corrupt', e instanceof Error ? e.message : String(e), current),
      );
    };
    zip.on('error', fail);
    zip.on('entry', (entry: Entry) => {
      handle(entry).then(() => zip.readEntry(), fail);
    });
    zip.on('end', () => {
      if (settled) return;
      settled = true;
      resolve({ files, directories: [...directories].sort() });
    });
    zip.readEntry();
  });
}
