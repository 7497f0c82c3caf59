/**
 * What a Piston v2 request (`POST /api/v2/execute`, the WebSocket's `init`) becomes here: the runtime
 * its language and SemVer range pick, its files laid out as Piston does, its run limits clamped to the
 * platform's maxima, and the job that runs it. Errors are Piston's `{message}`.
 */
import semver from 'semver';
import {
  MAX_CODE_BYTES,
  MAX_PROGRAM_FILES_BYTES,
  MAX_STDIN_BYTES,
  programFileBytes,
  programFilesSchema,
  type EffectiveLimits,
  type JobData,
  type LanguageInfo,
  type LimitPolicy,
  type PistonExecuteRequest,
  type PistonRuntime,
  type ProgramFile,
} from '@arbiter/contracts';
import { ForeignHttpError, HttpError } from '../../http/http-error.js';
import type { ApiResources } from '../../resources.js';
import { checkLanguageAvailable } from '../../submissions/live-languages.js';
import { freeRunJob } from '../../submissions/free-run-job.js';
import { PISTON_LANGUAGES, versionNumber, type PistonCompatLanguage } from '../compat-languages.js';

/** Piston's defaults for the run stage, in ms. */
const RUN_TIMEOUT_MS = 3_000;
const RUN_CPU_MS = 3_000;
export const message = (status: number, text: string) => new ForeignHttpError(status, { message: text });

/** A SemVer version of a worker's toolchain version ("17.0.15", "3.11.7"). */
function semverOf(version: string): string {
  return semver.coerce(versionNumber(version))?.version ?? '0.0.0';
}

export function runtimesOf(
  available: readonly LanguageInfo[],
): { language: PistonCompatLanguage; runtime: PistonRuntime }[] {
  return PISTON_LANGUAGES.flatMap((language) => {
    const info = available.find((entry) => entry.id === language.id);
    if (info === undefined) return [];
    const version = semverOf(info.version);
    const versioned = language.piston.versionedAlias;
    const runtime: PistonRuntime = {
      language: language.piston.language,
      version,
      aliases: [
        ...language.piston.aliases,
        ...(versioned ? [`${versioned}${semver.major(version)}.${semver.minor(version)}`] : []),
      ],
      ...(language.piston.runtime ? { runtime: language.piston.runtime } : {}),
    };
    return [{ language, runtime }];
  });
}

/** The run's limits: Piston's values, clamped to the platform's maxima (0 or absent: the default). */
export function runLimits(policy: LimitPolicy, body: PistonExecuteRequest): EffectiveLimits {
  const cpu = body.run_cpu_time || RUN_CPU_MS;
  const timeMs = Math.min(Math.max(Math.round(cpu), 1), policy.maxTimeMs);
  const wall = body.run_timeout || RUN_TIMEOUT_MS;
  const wallTimeMs = Math.min(Math.max(Math.round(wall), 1), policy.maxTimeMs * 3 + 1_000);
  const memory = body.run_memory_limit ?? -1;
  const memoryMb =
    memory > 0
      ? Math.min(Math.max(Math.ceil(memory / 2 ** 20), 16), policy.maxMemoryMb)
      : policy.defaultMemoryMb;
  return { timeMs, wallTimeMs, memoryMb, outputBytes: policy.outputBytes };
}

/**
 * The first time limit sent negative, in the order Piston checks its constraints (timeouts, then CPU
 * times; compile before run). Memory limits are not checked: Piston's default configuration has none
 * (-1), and it checks only the limits it has configured.
 */
function negativeLimit(body: PistonExecuteRequest): string | null {
  for (const constraint of ['timeout', 'cpu_time'] as const)
    for (const stage of ['compile', 'run'] as const) {
      const field = `${stage}_${constraint}` as const;
      const value = body[field];
      if (typeof value === 'number' && value < 0) return field;
    }
  return null;
}

/** A runtime the live workers run, as Piston lists it, with the platform's language behind it. */
export interface PistonMatch {
  language: PistonCompatLanguage;
  runtime: PistonRuntime;
}

/**
 * The job of a Piston request: the newest runtime matching its language (name or alias) and version
 * range, its files and arguments checked, its limits clamped. `interactive`: stdin comes live (the
 * WebSocket), and the request's `stdin` is not used, as Piston's WebSocket does not use it.
 */
export async function pistonJob(
  resources: ApiResources,
  body: PistonExecuteRequest,
  interactive = false,
  /** The signed-in user the run belongs to (their history), or null. */
  userId: string | null = null,
): Promise<{ data: JobData; match: PistonMatch }> {
  const available = runtimesOf(await resources.registry.languages());
  const match = available
    .filter(
      ({ runtime }) =>
        (runtime.language === body.language || runtime.aliases.includes(body.language)) &&
        semver.satisfies(runtime.version, body.version),
    )
    .sort((a, b) => semver.rcompare(a.runtime.version, b.runtime.version))[0];
  if (match === undefined) throw message(400, `${body.language}-${body.version} runtime is unknown`);
  const program = programOf(body.files);
  const negative = negativeLimit(body);
  if (negative !== null) throw message(400, `${negative} must be non-negative`);
  const stdin = interactive ? '' : (body.stdin ?? '');
  if (Buffer.byteLength(stdin) > MAX_STDIN_BYTES)
    throw message(400, `stdin is over ${MAX_STDIN_BYTES} bytes`);
  const sent = body.args ?? [];
  if (sent.length > 256 || sent.some((arg) => arg.length > 4096))
    throw message(400, 'args: at most 256, each at most 4096 characters');
  // Piston's sqlite3 gives the program its arguments as the table `argv`, not as the shell's arguments.
  const sqlite = match.language.id === 'sql';
  const code = sqlite ? sqliteArgv(sent) + program.code : program.code;
  if (Buffer.byteLength(code) > MAX_CODE_BYTES)
    throw message(400, `the program and its arguments are over ${MAX_CODE_BYTES} bytes`);
  const args = sqlite ? [] : sent;
  const files = program.files;
  try {
    await checkLanguageAvailable(resources.registry, match.language.id);
  } catch (error) {
    if (error instanceof HttpError) throw message(error.status, error.message);
  }
  const data = freeRunJob({
    language: match.language.id,
    code,
    stdin,
    limits: runLimits(resources.limits, body),
    args,
    ...(files.length > 0 || interactive
      ? { options: { ...(files.length > 0 ? { files } : {}), ...(interactive ? { interactive } : {}) } }
      : {}),
    userId,
  });
  return { data, match };
}

/**
 * The table `argv (arg)` of Piston's sqlite3 runtime, holding the arguments, as statements on one line put
 * before the program (its line numbers stay the program's own).
 */
function sqliteArgv(args: readonly string[]): string {
  const rows = args.map((arg) => `('${arg.replaceAll("'", "''")}')`).join(', ');
  return `CREATE TABLE argv (arg TEXT);${rows === '' ? '' : ` INSERT INTO argv (arg) VALUES ${rows};`} `;
}

/**
 * The program of an execute request, as Piston lays it out: the first UTF-8 file is the one run (its name
 * does not matter here: the entry file gets the language's own name); every other file goes beside it under
 * its name (Piston's default `file<i>.code` when it has none), Base64 and hex contents kept as bytes.
 */
function programOf(files: PistonExecuteRequest['files']): { code: string; files: ProgramFile[] } {
  const entry = files.findIndex((file) => file.encoding === undefined || file.encoding === 'utf8');
  if (entry < 0) throw message(400, 'files must include at least one utf8 encoded file');
  const code = files[entry]?.content ?? '';
  if (code === '') throw message(400, `files[${entry}].content must not be empty`);
  if (Buffer.byteLength(code) > MAX_CODE_BYTES)
    throw message(400, `files[${entry}] is over ${MAX_CODE_BYTES} bytes`);
  const others = files.flatMap((file, i) => {
    if (i === entry) return [];
    const name = file.name ?? `file${i}.code`;
    if (file.encoding === 'hex' && !/^(?:[0-9a-fA-F]{2})*$/.test(file.content))
      throw message(400, `files[${i}].content is not valid hex`);
    const content =
      file.encoding === 'hex' ? Buffer.from(file.content, 'hex').toString('base64') : file.content;
    return [{ name, content, encoding: file.encoding === 'hex' ? 'base64' : (file.encoding ?? 'utf8') }];
  });
  const parsed = programFilesSchema.safeParse(others);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const index = typeof issue?.path[0] === 'number' ? issue.path[0] : undefined;
    const which = index === undefined ? 'files' : `file "${others[index]?.name ?? ''}"`;
    throw message(400, `${which}: ${issue?.message ?? 'not valid'}`);
  }
  const bytes = parsed.data.reduce((sum, file) => sum + programFileBytes(file), 0);
  if (bytes > MAX_PROGRAM_FILES_BYTES)
    throw message(
      400,
      `the files beside the program hold ${bytes} bytes; the limit is ${MAX_PROGRAM_FILES_BYTES}`,
    );
  return { code, files: parsed.data };
}

/** Piston's message for the first field that breaks the schema, in the order Piston checks them. */
export function invalidMessage(error: Error): string {
  const first = /^([a-z_]+)(?:\.(\d+)\.([a-z_]+))?/.exec(error.message);
  const [, field, index, sub] = first ?? [];
  switch (field) {
    case 'language':
    case 'version':
      return `${field} is required as a string`;
    case 'files':
      if (index !== undefined && sub === 'content') return `files[${index}].content is required as a string`;
      if (index !== undefined && sub === 'encoding')
        return `files[${index}].encoding must be utf8, base64 or hex`;
      if (index !== undefined && sub === 'name') return `files[${index}].name must be a string`;
      return 'files is required as an array';
    case 'stdin':
      return 'stdin must be a string';
    case 'args':
      return 'args must be an array of strings';
    case undefined:
      return 'the body must be a JSON object';
    default:
      return `If specified, ${field} must be a number`;
  }
}
