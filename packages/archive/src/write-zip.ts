/** Writes files into a deflated zip in memory (package export, test fixtures). */
import yazl from 'yazl';

export interface ZipInputFile {
  readonly path: string;
  readonly bytes: Buffer | string;
  readonly executable?: boolean;
}

/** A fixed modification time, so that the same files always give the same bytes. */
const FIXED_TIME = new Date(Date.UTC(2020, 0, 1));

export function writeZip(files: readonly ZipInputFile[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const file of files) {
    const bytes = typeof file.bytes === 'string' ? Buffer.from(file.bytes) : file.bytes;
    zip.addBuffer(bytes, file.path, { mode: file.executable ? 0o100755 : 0o100644, mtime: FIXED_TIME });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
