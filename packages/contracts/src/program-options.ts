/**
 * What a free run may carry besides its code: extra files placed beside the entry file, compiler
 * flags (each checked against its language's allow-list by the judge), stderr folded into stdout,
 * and several runs of the same program. Shared by `POST /submit`, the job payload and the row.
 */
import { z } from 'zod';

/** Most extra files of one program. */
export const MAX_PROGRAM_FILES = 20;
/** Most bytes of every extra file together, after decoding. */
export const MAX_PROGRAM_FILES_BYTES = 256 * 1024;
/** Most compiler flags, and the longest one. */
export const MAX_COMPILER_OPTIONS = 32;
export const MAX_COMPILER_OPTION_CHARS = 128;
/** Most runs of one program (`numberOfRuns`); Judge0's `max_number_of_runs` reports it. */
export const MAX_NUMBER_OF_RUNS = 20;

/**
 * A relative path of plain segments (letters, digits, `.`, `_`, `-`), at most 8 deep: no `..`, no
 * `.`, no absolute path, no backslash. Segments starting with a dot are refused too (hidden files
 * are the judge's own, e.g. Node's preload).
 */
const SEGMENT = '[A-Za-z0-9_][A-Za-z0-9._-]{0,99}';
const PATH = new RegExp(`^${SEGMENT}(?:/${SEGMENT}){0,7}$`);

/** Names the judge writes itself (the entry file `main.*`, the compiled `main`, Java's `classes/`). */
export function reservedFileName(name: string): boolean {
  const first = name.split('/')[0] ?? '';
  return first === 'main' || first.startsWith('main.') || first === 'classes';
}

const RESERVED_NAME_MESSAGE =
  'names "main", "main.*" and "classes/" are the entry file\'s and the compiler\'s; rename the file';

const programFileNameSchema = z
  .string({ error: 'files[].name is required: a relative path such as "util.h" or "lib/util.py"' })
  .max(256, 'a file name is at most 256 characters')
  .regex(
    PATH,
    'a file name is a relative path of letters, digits, ".", "_" and "-" (no "..", no leading "/" or ".", at most 8 folders deep)',
  );

function fileSchema<Name extends z.ZodType<string>>(name: Name) {
  return z
    .object({
      name,
      content: z.string({ error: 'files[].content is required and must be a string' }),
      encoding: z.enum(['utf8', 'base64']).default('utf8'),
    })
    .strict()
    .refine((file) => file.encoding !== 'base64' || /^[A-Za-z0-9+/]*={0,2}$/.test(file.content), {
      message: 'content is not valid Base64',
      path: ['content'],
    });
}

/** A file beside the entry file (`code`): any safe relative name but the entry's and the compiler's. */
export const programFileSchema = fileSchema(
  programFileNameSchema.refine((name) => !reservedFileName(name), { message: RESERVED_NAME_MESSAGE }),
);
export type ProgramFile = z.infer<typeof programFileSchema>;

/**
 * A file of a program sent as files alone (`POST /submit` without `code`): the entry's own name is allowed
 * (`main.cpp`), since the entry is taken out of the list; the others are checked by `reservedFileIssue`.
 */
export const programSourceFileSchema = fileSchema(programFileNameSchema);

const distinctNames = (files: readonly { name: string }[]) =>
  new Set(files.map((file) => file.name)).size === files.length;

export const programFilesSchema = z
  .array(programFileSchema)
  .max(MAX_PROGRAM_FILES, `at most ${MAX_PROGRAM_FILES} files`)
  .refine(distinctNames, { message: 'two files have the same name' });

/** `POST /submit`'s `files`: the extra files beside `code`, or (without `code`) the whole program. */
export const submittedFilesSchema = z
  .array(programSourceFileSchema)
  .max(MAX_PROGRAM_FILES, `at most ${MAX_PROGRAM_FILES} files`)
  .refine(distinctNames, { message: 'two files have the same name' });

/** Why a file beside the entry may not have its name (null: it may). */
export function reservedFileIssue(name: string): string | null {
  return reservedFileName(name) ? RESERVED_NAME_MESSAGE : null;
}

export const compilerOptionsSchema = z
  .array(
    z
      .string()
      .min(1, 'a compiler flag is not empty')
      .max(MAX_COMPILER_OPTION_CHARS, `a compiler flag is at most ${MAX_COMPILER_OPTION_CHARS} characters`),
  )
  .max(MAX_COMPILER_OPTIONS, `at most ${MAX_COMPILER_OPTIONS} compiler flags`);

export const numberOfRunsSchema = z
  .number()
  .int('numberOfRuns is a whole number')
  .min(1, 'numberOfRuns is at least 1')
  .max(MAX_NUMBER_OF_RUNS, `numberOfRuns is at most ${MAX_NUMBER_OF_RUNS}`);

/** The options of a free run as the job carries them (absent fields: the defaults). */
export const programOptionsSchema = z.object({
  files: z.array(programFileSchema).max(MAX_PROGRAM_FILES).optional(),
  compilerOptions: compilerOptionsSchema.optional(),
  redirectStderrToStdout: z.boolean().optional(),
  numberOfRuns: numberOfRunsSchema.optional(),
  /**
   * Stdin comes while the program runs, from the job's input stream (`packages/queue`'s
   * `JobStdin`), instead of `stdin`: the Piston WebSocket and Socket.IO's interactive runs.
   */
  interactive: z.boolean().optional(),
  /**
   * A program sent as files alone: the name its entry file was sent under (the entry's text is the job's
   * `code`, the other files are `files`). Absent: the program was sent as `code`.
   */
  entry: z.string().optional(),
});
export type ProgramOptions = z.infer<typeof programOptionsSchema>;

/** Bytes of a file's content once decoded. */
export function programFileBytes(file: ProgramFile): number {
  if (file.encoding === 'utf8') return new TextEncoder().encode(file.content).length;
  const padding = file.content.endsWith('==') ? 2 : file.content.endsWith('=') ? 1 : 0;
  return Math.floor((file.content.length * 3) / 4) - padding;
}

/** Why files beside a program are refused by their total size (null: within the cap). */
export function programFilesOverCap(files: readonly ProgramFile[]): string | null {
  const bytes = files.reduce((sum, file) => sum + programFileBytes(file), 0);
  return bytes > MAX_PROGRAM_FILES_BYTES
    ? `files hold ${bytes} bytes together; the limit is ${MAX_PROGRAM_FILES_BYTES} bytes.`
    : null;
}
