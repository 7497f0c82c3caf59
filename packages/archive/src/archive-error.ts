/** The one error a refused or unreadable archive raises: a machine-readable code and the entry it concerns. */

export type ArchiveErrorCode =
  | 'archive-too-large'
  | 'too-many-entries'
  | 'entry-too-large'
  | 'total-too-large'
  | 'compression-ratio'
  | 'unsafe-path'
  | 'duplicate-entry'
  | 'symlink'
  | 'special-file'
  | 'encrypted'
  | 'unsupported-compression'
  | 'corrupt';

export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';

  constructor(
    readonly code: ArchiveErrorCode,
    message: string,
    /** The entry's path as stored in the archive (control characters escaped), when one entry is at fault. */
    readonly entry?: string,
  ) {
    super(entry === undefined ? message : `${entry}: ${message}`);
  }
}
