/** The caps a zip must fit before a single byte of it is trusted: entry count, sizes and compression ratio. */

export interface ZipLimits {
  /** Largest accepted archive, in bytes, before anything is read. */
  readonly maxArchiveBytes: number;
  /** Most entries (files and directories) in the central directory. */
  readonly maxEntries: number;
  /** Largest uncompressed size of one file. */
  readonly maxEntryBytes: number;
  /** Largest uncompressed size of all files together. */
  readonly maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio of one file once it is bigger than `ratioFloorBytes`. */
  readonly maxCompressionRatio: number;
  /** Files up to this uncompressed size are exempt from the ratio cap (small runs of zeros compress well). */
  readonly ratioFloorBytes: number;
  /** Longest path of an entry, in UTF-8 bytes. */
  readonly maxPathBytes: number;
  /** Most directory levels in an entry's path. */
  readonly maxPathDepth: number;
  /**
   * Symbolic links: refused (the default), or kept as entries with their target in `linkTarget` (no bytes)
   * for a caller that resolves them itself within the archive.
   */
  readonly symlinks?: 'refuse' | 'keep';
}

const MiB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxArchiveBytes: 256 * MiB,
  maxEntries: 10_000,
  maxEntryBytes: 256 * MiB,
  maxTotalBytes: 512 * MiB,
  maxCompressionRatio: 1000,
  ratioFloorBytes: 1 * MiB,
  maxPathBytes: 1024,
  maxPathDepth: 32,
};
