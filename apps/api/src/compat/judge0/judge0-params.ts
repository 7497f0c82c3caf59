/**
 * A Judge0 submission's parameters: Base64 decoding when asked, Judge0's defaults, and its
 * validations with its messages (Rails' "can't be blank", "must be less than or equal to 15.0",
 * "language with id 9 doesn't exist", …), collected per field as Judge0 answers them (422).
 * Features this platform does not offer are refused the way a Judge0 configured without them
 * refuses them.
 */
import {
  MAX_NUMBER_OF_RUNS,
  MAX_PROGRAM_FILES_BYTES,
  type Judge0Params,
  type Judge0SubmissionRequest,
  type LimitPolicy,
} from '@arbiter/contracts';
import { COMPILER_FLAGS, refusedCompilerFlags } from '@arbiter/judge/compiler-flags';
import { decode64Bytes } from './judge0-additional-files.js';
import { judge0Arguments } from './judge0-arguments.js';
import { CallbackRefused, checkCallbackUrl } from '../../http/outbound/callback-guard.js';
import { JUDGE0_MULTIFILE, languageOfJudge0Id, type Judge0CompatLanguage } from '../compat-languages.js';

/** The configuration `GET /config_info` reports and submissions are checked against. */
export interface Judge0Config {
  maintenance_mode: boolean;
  enable_wait_result: boolean;
  enable_compiler_options: boolean;
  allowed_languages_for_compile_options: string[];
  enable_command_line_arguments: boolean;
  enable_submission_delete: boolean;
  enable_callbacks: boolean;
  callbacks_max_tries: number;
  callbacks_timeout: number;
  enable_additional_files: boolean;
  max_queue_size: number;
  cpu_time_limit: number;
  max_cpu_time_limit: number;
  cpu_extra_time: number;
  max_cpu_extra_time: number;
  wall_time_limit: number;
  max_wall_time_limit: number;
  memory_limit: number;
  max_memory_limit: number;
  stack_limit: number;
  max_stack_limit: number;
  max_processes_and_or_threads: number;
  max_max_processes_and_or_threads: number;
  enable_per_process_and_thread_time_limit: boolean;
  allow_enable_per_process_and_thread_time_limit: boolean;
  enable_per_process_and_thread_memory_limit: boolean;
  allow_enable_per_process_and_thread_memory_limit: boolean;
  max_file_size: number;
  max_max_file_size: number;
  number_of_runs: number;
  max_number_of_runs: number;
  redirect_stderr_to_stdout: boolean;
  max_extract_size: number;
  enable_batched_submissions: boolean;
  max_submission_batch_size: number;
  submission_cache_duration: number;
  use_docs_as_homepage: boolean;
  allow_enable_network: boolean;
  enable_network: boolean;
}

export interface Judge0Switches {
  enableWait: boolean;
  enableDelete: boolean;
  enableBatch: boolean;
  maxQueueSize: number;
  callbackTries: number;
  callbackTimeoutSeconds: number;
}

/** Judge0's defaults and maxima, within this platform's limits. */
export function judge0Config(policy: LimitPolicy, switches: Judge0Switches): Judge0Config {
  const maxCpu = Math.min(15, policy.maxTimeMs / 1000);
  const maxMemory = Math.min(512_000, policy.maxMemoryMb * 1024);
  return {
    maintenance_mode: false,
    enable_wait_result: switches.enableWait,
    enable_compiler_options: true,
    allowed_languages_for_compile_options: [],
    enable_command_line_arguments: true,
    enable_submission_delete: switches.enableDelete,
    enable_callbacks: true,
    callbacks_max_tries: switches.callbackTries,
    callbacks_timeout: switches.callbackTimeoutSeconds,
    enable_additional_files: true,
    max_queue_size: switches.maxQueueSize,
    cpu_time_limit: Math.min(5, maxCpu),
    max_cpu_time_limit: maxCpu,
    cpu_extra_time: 1,
    max_cpu_extra_time: 5,
    wall_time_limit: 10,
    max_wall_time_limit: 20,
    memory_limit: Math.min(Math.max(128_000, policy.defaultMemoryMb * 1024), maxMemory),
    max_memory_limit: maxMemory,
    stack_limit: 64_000,
    max_stack_limit: 128_000,
    max_processes_and_or_threads: 60,
    max_max_processes_and_or_threads: 120,
    enable_per_process_and_thread_time_limit: false,
    allow_enable_per_process_and_thread_time_limit: false,
    enable_per_process_and_thread_memory_limit: false,
    allow_enable_per_process_and_thread_memory_limit: false,
    max_file_size: 1024,
    max_max_file_size: 4096,
    number_of_runs: 1,
    max_number_of_runs: MAX_NUMBER_OF_RUNS,
    redirect_stderr_to_stdout: false,
    // KB: what `additional_files` may hold once extracted.
    max_extract_size: MAX_PROGRAM_FILES_BYTES / 1024,
    enable_batched_submissions: switches.enableBatch,
    max_submission_batch_size: 20,
    submission_cache_duration: 1,
    use_docs_as_homepage: false,
    allow_enable_network: false,
    enable_network: false,
  };
}

export type FieldErrors = Record<string, string[]>;

export interface AcceptedParams {
  params: Judge0Params;
  language: Judge0CompatLanguage;
  sourceCode: string;
  stdin: string;
}

/** Ruby's `Base64.decode64`: characters outside the alphabet are skipped. */
export function decode64(text: string): string {
  return Buffer.from(text.replace(/[^A-Za-z0-9+/]/g, ''), 'base64').toString('utf8');
}

const blank = (value: unknown) =>
  value === null ||
  value === undefined ||
  value === false ||
  (typeof value === 'string' && value.trim() === '');

/** Rails' boolean cast: "", null → null; false, 0, "0", "f", "false", "off" → false; others → true. */
function toBoolean(value: unknown): boolean | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  return !['0', 'f', 'F', 'false', 'FALSE', 'off', 'OFF'].includes(String(value));
}

/** A number as Rails' numericality reads it, or NaN. */
function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(value))
    return Number(value);
  return Number.NaN;
}

/** How Ruby prints a limit in a message: floats with a decimal point, integers without. */
const show = (value: number, float: boolean) =>
  float && Number.isInteger(value) ? `${value}.0` : String(value);

export function acceptJudge0Params(
  input: Judge0SubmissionRequest,
  base64: boolean,
  config: Judge0Config,
  callbackAllowedHosts: readonly string[],
): { ok: true; value: AcceptedParams } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const decode = (value: string | null | undefined) =>
    value === null || value === undefined ? null : base64 ? decode64(value) : value;

  const sourceCode = decode(input.source_code);
  const stdin = decode(input.stdin);
  const expected = decode(input.expected_output);

  const numeric = (
    field: keyof Judge0SubmissionRequest,
    fallback: number,
    rule: { min: number; inclusive: boolean; max: number; float: boolean },
  ): number => {
    const raw = input[field];
    const value = blank(raw) && raw !== 0 ? fallback : toNumber(raw);
    if (Number.isNaN(value)) {
      add(field, 'is not a number');
      return fallback;
    }
    if (rule.inclusive ? value < rule.min : value <= rule.min)
      add(field, `must be greater than ${rule.inclusive ? 'or equal to ' : ''}${show(rule.min, false)}`);
    if (value > rule.max) add(field, `must be less than or equal to ${show(rule.max, rule.float)}`);
    return rule.float ? value : Math.trunc(value);
  };

  const rawLanguage = input.language_id;
  const languageId = blank(rawLanguage) ? null : Math.trunc(toNumber(rawLanguage)) || 0;
  const language = languageId === null ? undefined : languageOfJudge0Id(languageId);
  // A multi-file program is its additional_files: Judge0 wants no source code then, and the zip.
  if (language?.id === JUDGE0_MULTIFILE.id) {
    if (!blank(sourceCode)) add('source_code', 'must be blank');
    if (blank(input.additional_files)) add('additional_files', "can't be blank");
  } else if (blank(sourceCode)) add('source_code', "can't be blank");
  if (languageId === null) add('language_id', "can't be blank");
  if (language === undefined) add('language_id', `language with id ${languageId ?? ''} doesn't exist`);

  const params: Judge0Params = {
    language_id: languageId ?? 0,
    expected_output: expected,
    compiler_options: input.compiler_options ?? null,
    command_line_arguments: input.command_line_arguments ?? null,
    number_of_runs: numeric('number_of_runs', config.number_of_runs, {
      min: 0,
      inclusive: false,
      max: config.max_number_of_runs,
      float: false,
    }),
    cpu_time_limit: numeric('cpu_time_limit', config.cpu_time_limit, {
      min: 0,
      inclusive: true,
      max: config.max_cpu_time_limit,
      float: true,
    }),
    cpu_extra_time: numeric('cpu_extra_time', config.cpu_extra_time, {
      min: 0,
      inclusive: true,
      max: config.max_cpu_extra_time,
      float: true,
    }),
    wall_time_limit: numeric('wall_time_limit', config.wall_time_limit, {
      min: 1,
      inclusive: true,
      max: config.max_wall_time_limit,
      float: true,
    }),
    memory_limit: numeric('memory_limit', config.memory_limit, {
      min: 2048,
      inclusive: true,
      max: config.max_memory_limit,
      float: false,
    }),
    stack_limit: numeric('stack_limit', config.stack_limit, {
      min: 0,
      inclusive: true,
      max: config.max_stack_limit,
      float: false,
    }),
    max_processes_and_or_threads: numeric(
      'max_processes_and_or_threads',
      config.max_processes_and_or_threads,
      {
        min: 0,
        inclusive: false,
        max: config.max_max_processes_and_or_threads,
        float: false,
      },
    ),
    enable_per_process_and_thread_time_limit:
      toBoolean(input.enable_per_process_and_thread_time_limit) ??
      config.enable_per_process_and_thread_time_limit,
    enable_per_process_and_thread_memory_limit:
      toBoolean(input.enable_per_process_and_thread_memory_limit) ??
      config.enable_per_process_and_thread_memory_limit,
    max_file_size: numeric('max_file_size', config.max_file_size, {
      min: 0,
      inclusive: true,
      max: config.max_max_file_size,
      float: false,
    }),
    redirect_stderr_to_stdout: toBoolean(input.redirect_stderr_to_stdout) ?? config.redirect_stderr_to_stdout,
    enable_network: toBoolean(input.enable_network) ?? config.enable_network,
    callback_url: input.callback_url ?? null,
    // Always Base64, whatever `base64_encoded` says (Judge0 decodes it unconditionally); kept without line breaks.
    additional_files: blank(input.additional_files)
      ? null
      : decode64Bytes(input.additional_files ?? '').toString('base64'),
  };

  if (
    params.enable_per_process_and_thread_time_limit &&
    !config.allow_enable_per_process_and_thread_time_limit
  )
    add('enable_per_process_and_thread_time_limit', 'this option cannot be enabled');
  if (
    params.enable_per_process_and_thread_memory_limit &&
    !config.allow_enable_per_process_and_thread_memory_limit
  )
    add('enable_per_process_and_thread_memory_limit', 'this option cannot be enabled');
  for (const field of ['compiler_options', 'command_line_arguments'] as const) {
    const value = params[field];
    if (value !== null && value.length > 512) add(field, 'is too long (maximum is 512 characters)');
  }
  if (!blank(params.compiler_options) && !config.enable_compiler_options)
    add('compiler_options', 'setting compiler options is not allowed');
  else if (!blank(params.compiler_options) && language !== undefined) {
    // Split as bash would split it (Judge0 puts it in a bash line), then each word checked against the allow-list.
    if (COMPILER_FLAGS[language.id].length === 0)
      add('compiler_options', 'setting compiler options is only allowed for compiled languages');
    else {
      const refused = refusedCompilerFlags(language.id, judge0Arguments(params.compiler_options));
      if (refused !== null) add('compiler_options', refused);
    }
  }
  if (!blank(params.command_line_arguments) && !config.enable_command_line_arguments)
    add('command_line_arguments', 'setting command line arguments is not allowed');
  if (!blank(params.callback_url)) {
    if (!config.enable_callbacks) add('callback_url', 'setting callback is not allowed');
    else {
      try {
        checkCallbackUrl(params.callback_url ?? '', callbackAllowedHosts);
      } catch (error) {
        if (!(error instanceof CallbackRefused)) throw error;
        add('callback_url', error.message);
      }
    }
  }
  if (!blank(input.additional_files) && !config.enable_additional_files)
    add('additional_files', 'setting additional files is not allowed');
  if (params.enable_network && !config.allow_enable_network)
    add('enable_network', 'enabling network is not allowed');

  if (Object.keys(errors).length > 0 || language === undefined) return { ok: false, errors };
  return { ok: true, value: { params, language, sourceCode: sourceCode ?? '', stdin: stdin ?? '' } };
}
