/**
 * A submission as Judge0 1.13.1 answers it: every attribute its serializer has, then only the
 * fields asked for (`?fields=a,b` or `*`; by default Judge0's eight), with text attributes Base64
 * encoded (Ruby's `encode64`: lines of 60 characters, each ending in a newline) when
 * `base64_encoded=true`. Times are seconds as decimal strings, memory kilobytes.
 */
import {
  clipText,
  JUDGE0_SUBMISSION_FIELDS,
  type JobResult,
  type Judge0Params,
  type Judge0Submission,
} from '@arbiter/contracts';
import type { Submission } from '@arbiter/db';
import { judge0LanguageName } from './judge0-languages.js';
import { judge0Outcome, judge0Status } from './judge0-status.js';

export const DEFAULT_FIELDS: (keyof Judge0Submission)[] = [
  'token',
  'time',
  'memory',
  'stdout',
  'stderr',
  'compile_output',
  'message',
  'status',
];

const TEXT_FIELDS = [
  'source_code',
  'stdin',
  'expected_output',
  'stdout',
  'stderr',
  'compile_output',
  'message',
] as const;

/** Ruby's `Base64.encode64`. */
export function encode64(text: string): string {
  return wrap64(Buffer.from(text, 'utf8').toString('base64'));
}

/** Base64 as Ruby's `encode64` lays it out: lines of 60 characters, each ending in a newline. */
function wrap64(flat: string): string {
  if (flat === '') return '';
  return `${flat.match(/.{1,60}/g)?.join('\n') ?? flat}\n`;
}

/** A Ruby BigDecimal as Rails writes it in JSON: "5.0", "0.012". */
export function decimal(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Number.isInteger(rounded) ? `${rounded}.0` : String(rounded);
}

/** `fields` of the query: the fields asked for, or the names Judge0 does not know. */
export function requestedFields(
  raw: unknown,
): { ok: true; fields: (keyof Judge0Submission)[] } | { ok: false; invalid: string[] } {
  const names = String(raw ?? '')
    .split(',')
    .filter((name) => name !== '');
  const known = new Set<string>(JUDGE0_SUBMISSION_FIELDS);
  const invalid = names.filter((name) => name !== '*' && !known.has(name));
  if (invalid.length > 0) return { ok: false, invalid };
  if (names.includes('*')) return { ok: true, fields: [...JUDGE0_SUBMISSION_FIELDS] };
  const fields = names as (keyof Judge0Submission)[];
  return { ok: true, fields: fields.length > 0 ? [...new Set(fields)] : DEFAULT_FIELDS };
}

/** Thrown when a text attribute cannot be sent as UTF-8 without Base64 (Judge0's conversion error). */
export class NotUtf8Error extends Error {
  override name = 'NotUtf8Error';
}

export interface Judge0Record {
  row: Submission;
  params: Judge0Params;
  /** The job as it stands (final once finished). */
  result: JobResult;
}

/** Every attribute of the submission, as Judge0 stores it. */
function attributes(record: Judge0Record): Required<Judge0Submission> {
  const { row, params, result } = record;
  const outcome = judge0Outcome(result, params.expected_output);
  const finished = outcome.statusId > 2;
  const ran = finished && outcome.statusId !== 6 && outcome.statusId !== 13;
  let stdout = ran ? result.stdout : '';
  let stderr = ran ? result.stderr : '';
  // Jobs made since the redirect is done in the run have stderr empty here; older rows get it appended.
  if (params.redirect_stderr_to_stdout) {
    // Each is within the text cap; together they are clipped to it again.
    stdout = clipText(`${stdout}${stderr}`);
    stderr = '';
  }
  const orNull = (text: string) => (text === '' ? null : text);
  const created = row.createdAt.toISOString();
  const finishedAt = finished ? (result.finishedAt ?? row.finishedAt?.toISOString() ?? null) : null;
  const startedAt = result.startedAt ?? row.startedAt?.toISOString() ?? null;
  return {
    source_code: row.code,
    language_id: params.language_id,
    stdin: orNull(row.request?.stdin ?? ''),
    expected_output: params.expected_output,
    stdout: orNull(stdout),
    status_id: outcome.statusId,
    created_at: created,
    finished_at: finishedAt,
    time: ran && result.timeMs !== null ? decimal(result.timeMs / 1000) : null,
    memory: ran && result.memoryKb !== null ? Math.round(result.memoryKb) : null,
    stderr: orNull(stderr),
    token: row.id,
    number_of_runs: params.number_of_runs,
    cpu_time_limit: decimal(params.cpu_time_limit),
    cpu_extra_time: decimal(params.cpu_extra_time),
    wall_time_limit: decimal(params.wall_time_limit),
    memory_limit: params.memory_limit,
    stack_limit: params.stack_limit,
    max_processes_and_or_threads: params.max_processes_and_or_threads,
    enable_per_process_and_thread_time_limit: params.enable_per_process_and_thread_time_limit,
    enable_per_process_and_thread_memory_limit: params.enable_per_process_and_thread_memory_limit,
    max_file_size: params.max_file_size,
    compile_output: finished ? orNull(result.compileOutput) : null,
    exit_code: ran ? outcome.exitCode : null,
    exit_signal: ran ? outcome.exitSignal : null,
    message: outcome.message,
    wall_time: ran && result.wallTimeMs !== null ? decimal(result.wallTimeMs / 1000) : null,
    compiler_options: params.compiler_options,
    command_line_arguments: params.command_line_arguments,
    redirect_stderr_to_stdout: params.redirect_stderr_to_stdout,
    callback_url: params.callback_url,
    // Judge0's serializer always answers it in Base64, whatever `base64_encoded` says.
    additional_files: params.additional_files ? wrap64(params.additional_files) : null,
    enable_network: params.enable_network,
    started_at: startedAt,
    queued_at: created,
    updated_at: finishedAt ?? startedAt ?? created,
    queue_host: null,
    execution_host: result.worker,
    status: judge0Status(outcome.statusId),
    language: { id: params.language_id, name: judge0LanguageName(params.language_id) },
  };
}

/** The submission with `fields`; throws `NotUtf8Error` for undecodable text without Base64. */
export function judge0View(
  record: Judge0Record,
  fields: readonly (keyof Judge0Submission)[],
  base64: boolean,
): Judge0Submission {
  const all = attributes(record);
  const view: Record<string, unknown> = {};
  for (const field of fields) {
    let value: unknown = all[field];
    if ((TEXT_FIELDS as readonly string[]).includes(field) && typeof value === 'string') {
      // Output kept as text lost its undecodable bytes (U+FFFD): Judge0 refuses to send such text raw.
      if (!base64 && value.includes('\uFFFD')) throw new NotUtf8Error(field);
      if (base64) value = encode64(value);
    }
    view[field] = value;
  }
  return view as Judge0Submission;
}
