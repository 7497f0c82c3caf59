/**
 * Judge0 CE 1.13.1's API as this platform serves it (under JUDGE0_PREFIX): what a client sends
 * (loosely typed, as Judge0's Rails parameters are: numbers may come as strings), what a
 * submission looks like in an answer, and the Judge0 parameters kept with a submission's row.
 */
import { z } from 'zod';

/** A Judge0 scalar parameter: JSON gives numbers, booleans and strings; Rails casts them. */
const scalar = z.union([z.string(), z.number(), z.boolean()]).nullable().optional();
const text = z.string().nullable().optional();

/** `POST /submissions` (and each element of a batch): the fields Judge0 permits; others are ignored. */
export const judge0SubmissionRequestSchema = z
  .object({
    source_code: text,
    language_id: scalar,
    compiler_options: text,
    command_line_arguments: text,
    stdin: text,
    expected_output: text,
    cpu_time_limit: scalar,
    cpu_extra_time: scalar,
    wall_time_limit: scalar,
    memory_limit: scalar,
    stack_limit: scalar,
    max_processes_and_or_threads: scalar,
    enable_per_process_and_thread_time_limit: scalar,
    enable_per_process_and_thread_memory_limit: scalar,
    max_file_size: scalar,
    redirect_stderr_to_stdout: scalar,
    enable_network: scalar,
    number_of_runs: scalar,
    additional_files: text,
    callback_url: text,
  })
  .loose();
export type Judge0SubmissionRequest = z.infer<typeof judge0SubmissionRequestSchema>;

export const judge0BatchRequestSchema = z
  .object({ submissions: z.array(judge0SubmissionRequestSchema).optional() })
  .loose();

/** The Judge0 parameters of a submission after defaults, kept with its row (`request.judge0`). */
export const judge0ParamsSchema = z.object({
  language_id: z.number().int(),
  expected_output: z.string().nullable(),
  compiler_options: z.string().nullable(),
  command_line_arguments: z.string().nullable(),
  number_of_runs: z.number().int(),
  cpu_time_limit: z.number(),
  cpu_extra_time: z.number(),
  wall_time_limit: z.number(),
  memory_limit: z.number().int(),
  stack_limit: z.number().int(),
  max_processes_and_or_threads: z.number().int(),
  enable_per_process_and_thread_time_limit: z.boolean(),
  enable_per_process_and_thread_memory_limit: z.boolean(),
  max_file_size: z.number().int(),
  redirect_stderr_to_stdout: z.boolean(),
  enable_network: z.boolean(),
  callback_url: z.string().nullable(),
  /** The zip of `additional_files`, Base64 without line breaks (absent in rows made before it was served). */
  additional_files: z.string().nullable().optional(),
});
export type Judge0Params = z.infer<typeof judge0ParamsSchema>;

export const judge0StatusSchema = z.object({ id: z.number().int(), description: z.string() });
export type Judge0Status = z.infer<typeof judge0StatusSchema>;

/** A submission in an answer: the fields asked for (`?fields=`), by default the eight Judge0 names. */
export const judge0SubmissionSchema = z
  .object({
    token: z.string(),
    source_code: z.string().nullable(),
    language_id: z.number().int(),
    language: z.object({ id: z.number().int(), name: z.string() }),
    stdin: z.string().nullable(),
    expected_output: z.string().nullable(),
    stdout: z.string().nullable(),
    stderr: z.string().nullable(),
    compile_output: z.string().nullable(),
    message: z.string().nullable(),
    status_id: z.number().int(),
    status: judge0StatusSchema,
    /** Seconds, as a decimal string ("0.012"). */
    time: z.string().nullable(),
    wall_time: z.string().nullable(),
    /** Kilobytes. */
    memory: z.number().int().nullable(),
    exit_code: z.number().int().nullable(),
    exit_signal: z.number().int().nullable(),
    created_at: z.string(),
    finished_at: z.string().nullable(),
    started_at: z.string().nullable(),
    queued_at: z.string().nullable(),
    updated_at: z.string().nullable(),
    queue_host: z.string().nullable(),
    execution_host: z.string().nullable(),
    number_of_runs: z.number().int(),
    cpu_time_limit: z.string(),
    cpu_extra_time: z.string(),
    wall_time_limit: z.string(),
    memory_limit: z.number().int(),
    stack_limit: z.number().int(),
    max_processes_and_or_threads: z.number().int(),
    enable_per_process_and_thread_time_limit: z.boolean(),
    enable_per_process_and_thread_memory_limit: z.boolean(),
    max_file_size: z.number().int(),
    compiler_options: z.string().nullable(),
    command_line_arguments: z.string().nullable(),
    redirect_stderr_to_stdout: z.boolean(),
    callback_url: z.string().nullable(),
    additional_files: z.string().nullable(),
    enable_network: z.boolean(),
  })
  .partial();
export type Judge0Submission = z.infer<typeof judge0SubmissionSchema>;

/** Every field `?fields=` may name, in Judge0's order. */
export const JUDGE0_SUBMISSION_FIELDS = Object.keys(
  judge0SubmissionSchema.shape,
) as (keyof Judge0Submission)[];

/** Judge0's answer for a submission that broke its rules: field → messages. */
export const judge0FieldErrorsSchema = z.record(z.string(), z.array(z.string()));

/** Judge0's other errors. */
export const judge0ErrorSchema = z.object({ error: z.string(), token: z.string().optional() });

export const judge0LanguageSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  is_archived: z.boolean(),
  source_file: z.string().nullable(),
  compile_cmd: z.string().nullable(),
  run_cmd: z.string().nullable(),
});
export type Judge0Language = z.infer<typeof judge0LanguageSchema>;
