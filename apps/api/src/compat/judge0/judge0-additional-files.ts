/**
 * Judge0's `additional_files`: a Base64 zip whose files Judge0 extracts beside the program (`unzip -n` in
 * its sandbox). Here the API reads the zip with the archive package's bounded reader (sizes, entry count,
 * compression ratio, paths, links and special files checked before anything is trusted) into the job's
 * extra files, which the worker writes into the program's work dir; nothing of the archive runs on the host.
 */
import {
  MAX_PROGRAM_FILES,
  MAX_PROGRAM_FILES_BYTES,
  programFileSchema,
  type ProgramFile,
} from '@arbiter/contracts';
import { ArchiveError, readZip, type ZipLimits } from '@arbiter/archive';

/** Largest archive accepted, in bytes once Base64-decoded. */
export const MAX_ADDITIONAL_FILES_ARCHIVE_BYTES = 512 * 1024;

const LIMITS: Partial<ZipLimits> = {
  maxArchiveBytes: MAX_ADDITIONAL_FILES_ARCHIVE_BYTES,
  // Folders count as entries too.
  maxEntries: 4 * MAX_PROGRAM_FILES,
  maxEntryBytes: MAX_PROGRAM_FILES_BYTES,
  maxTotalBytes: MAX_PROGRAM_FILES_BYTES,
  maxPathBytes: 256,
  maxPathDepth: 8,
};

/** Ruby's `Base64.decode64` to bytes: characters outside the alphabet are skipped. */
export function decode64Bytes(text: string): Buffer {
  return Buffer.from(text.replace(/[^A-Za-z0-9+/]/g, ''), 'base64');
}

export type AdditionalFiles = { ok: true; files: ProgramFile[] } | { ok: false; message: string };

/**
 * The files of a Base64 zip, each as a Base64 program file under its path in the archive; or why the
 * archive is refused (a message for Judge0's `additional_files` field errors).
 * Messages name the entry as the zip does, even when the files go into a folder.
 */
export async function readAdditionalFiles(
  base64: string,
  /** A folder to put the files in (a multi-file program's), instead of beside the program. */
  folder?: string,
): Promise<AdditionalFiles> {
  let contents;
  try {
    contents = await readZip(decode64Bytes(base64), LIMITS);
  } catch (error) {
    if (error instanceof ArchiveError) return { ok: false, message: `is not a usable zip: ${error.message}` };
    throw error;
  }
  if (contents.files.length > MAX_PROGRAM_FILES)
    return {
      ok: false,
      message: `holds ${contents.files.length} files; at most ${MAX_PROGRAM_FILES} are allowed`,
    };
  const files: ProgramFile[] = [];
  for (const entry of contents.files) {
    const parsed = programFileSchema.safeParse({
      name: folder === undefined ? entry.path : `${folder}/${entry.path}`,
      content: entry.bytes.toString('base64'),
      encoding: 'base64',
    });
    if (!parsed.success)
      return { ok: false, message: `${entry.path}: ${parsed.error.issues[0]?.message ?? 'not allowed'}` };
    files.push(parsed.data);
  }
  return { ok: true, files };
}
