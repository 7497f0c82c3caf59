/** Bounded zip reading and writing: caps on entries, sizes and ratio; unsafe paths, links and specials refused. */
export { ArchiveError, type ArchiveErrorCode } from './archive-error.js';
export { DEFAULT_ZIP_LIMITS, type ZipLimits } from './limits.js';
export { readZip, type ZipContents, type ZipFileEntry } from './read-zip.js';
export { writeZip, type ZipInputFile } from './write-zip.js';
