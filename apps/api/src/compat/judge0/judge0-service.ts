/**
 * What the Judge0 routes do with the platform: a Judge0 submission becomes an ordinary job (the
 * queue, the sandbox, metrics, the live stream) whose row keeps the Judge0 parameters; reading
 * one joins the row with the job's current state; a `callback_url` gets the finished submission
 * (Base64, Judge0's default fields) through the callback guard.
 */
import {
  MAX_CODE_BYTES,
  MULTIFILE_FOLDER,
  MAX_STDIN_BYTES,
  type EffectiveLimits,
  type JobData,
  type JobResult,
  type Judge0Params,
  type Judge0SubmissionRequest,
  type ProgramFile,
  type ProgramOptions,
} from '@arbiter/contracts';
import type { Submission } from '@arbiter/db';
import type { ApiEnv } from '../../env.js';
import { ForeignHttpError, HttpError } from '../../http/http-error.js';
import { deliverCallback, type CallbackPolicy } from '../../http/outbound/deliver-callback.js';
import type { ApiResources } from '../../resources.js';
import type { JobWatcher } from '../../submissions/job-watcher.js';
import { freeRunJob } from '../../submissions/free-run-job.js';
import { checkLanguageAvailable } from '../../submissions/live-languages.js';
import { acceptJob } from '../../submissions/queue-job.js';
import { readStatus } from '../../submissions/read-status.js';
import {
  acceptJudge0Params,
  judge0Config,
  type FieldErrors,
  type Judge0Config,
  type Judge0Switches,
} from './judge0-params.js';
import { JUDGE0_MULTIFILE } from '../compat-languages.js';
import type { CompatSubmitter } from '../compat-submitter.js';
import { readAdditionalFiles } from './judge0-additional-files.js';
import { judge0Arguments } from './judge0-arguments.js';
import { DEFAULT_FIELDS, judge0View, type Judge0Record } from './judge0-view.js';

export interface Judge0Settings {
  /** Mount point, e.g. `/judge0`. */
  prefix: string;
  /** `X-Auth-Token` (header or query parameter); empty: no authentication. Several tokens: any. */
  authn: { header: string; tokens: string[] };
  /** `X-Auth-User`, for the admin routes; empty: those routes answer 403. */
  authz: { header: string; tokens: string[] };
  switches: Judge0Switches;
  callbacks: CallbackPolicy;
}

/** The settings of the Judge0 API from the environment; null when JUDGE0_PREFIX is `off`. */
export function judge0Settings(env: ApiEnv): Judge0Settings | null {
  if (env.JUDGE0_PREFIX === null) return null;
  return {
    prefix: env.JUDGE0_PREFIX,
    authn: { header: env.JUDGE0_AUTHN_HEADER, tokens: env.JUDGE0_AUTHN_TOKEN },
    authz: { header: env.JUDGE0_AUTHZ_HEADER, tokens: env.JUDGE0_AUTHZ_TOKEN },
    switches: {
      enableWait: env.JUDGE0_ENABLE_WAIT_RESULT,
      enableDelete: env.JUDGE0_ENABLE_SUBMISSION_DELETE,
      enableBatch: env.JUDGE0_ENABLE_BATCHED_SUBMISSIONS,
      maxQueueSize: env.JUDGE0_MAX_QUEUE_SIZE,
      callbackTries: env.CALLBACK_MAX_TRIES,
      callbackTimeoutSeconds: env.CALLBACK_TIMEOUT_MS / 1000,
    },
    callbacks: {
      tries: env.CALLBACK_MAX_TRIES,
      timeoutMs: env.CALLBACK_TIMEOUT_MS,
      allowedHosts: env.CALLBACK_ALLOWED_HOSTS,
    },
  };
}

/** How long a `wait=true` request or a callback waits for its job at most. */
const WAIT_MS = 5 * 60_000;
const CALLBACK_WAIT_MS = 30 * 60_000;

/** A row's job while neither Redis nor the row has a result (Redis lost it; the reconciler queues it again). */
function pending(row: Submission): JobResult {
  const limits = row.request?.limits ?? { timeMs: 1, wallTimeMs: 1, memoryMb: 1, outputBytes: 1 };
  return {
    jobId: row.id,
    status: row.status,
    language: row.language,
    mode: row.mode,
    problem: row.problemSlug,
    userId: row.userId,
    verdict: row.verdict,
    stdout: '',
    stderr: '',
    compileOutput: row.compileOutput ?? '',
    exitCode: null,
    signal: null,
    timeMs: row.timeMs,
    wallTimeMs: null,
    memoryKb: row.memoryKb,
    tests: [],
    passed: null,
    total: null,
    failedTest: null,
    percentile: null,
    limits,
    error: null,
    worker: null,
    attempts: 0,
    lastSeq: 0,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/**
 * The job options Judge0's parameters ask for (compiler flags, runs, stderr into stdout, the files of
 * `additional_files`); none: {}.
 */
function judge0Options(params: Judge0Params, files: ProgramFile[]): Pick<JobData, 'options'> {
  const options: ProgramOptions = {};
  if (files.length > 0) options.files = files;
  const flags = judge0Arguments(params.compiler_options);
  if (flags.length > 0) options.compilerOptions = flags;
  if (params.number_of_runs > 1) options.numberOfRuns = params.number_of_runs;
  if (params.redirect_stderr_to_stdout) options.redirectStderrToStdout = true;
  return Object.keys(options).length > 0 ? { options } : {};
}

export class Judge0Service {
  readonly config: Judge0Config;

  constructor(
    private readonly resources: ApiResources,
    private readonly watcher: JobWatcher,
    readonly settings: Judge0Settings,
  ) {
    this.config = judge0Config(resources.limits, settings.switches);
  }

  /** Judge0's limits as the sandbox runs them, within the platform's maxima. */
  private limits(params: {
    cpu_time_limit: number;
    wall_time_limit: number;
    memory_limit: number;
  }): EffectiveLimits {
    const policy = this.resources.limits;
    const cpuMs = params.cpu_time_limit === 0 ? policy.maxTimeMs : Math.round(params.cpu_time_limit * 1000);
    return {
      timeMs: Math.min(Math.max(cpuMs, 1), policy.maxTimeMs),
      wallTimeMs: Math.max(Math.round(params.wall_time_limit * 1000), 1),
      memoryMb: Math.min(Math.max(Math.ceil(params.memory_limit / 1024), 2), policy.maxMemoryMb),
      outputBytes: policy.outputBytes,
    };
  }

  /** Checks and queues one submission: its token, or Judge0's field errors. */
  async create(
    input: Judge0SubmissionRequest,
    base64: boolean,
    /** Whose it is (history) and who it counts against in the queue's fair share. */
    submitter: CompatSubmitter,
  ): Promise<{ ok: true; token: string } | { ok: false; errors: FieldErrors }> {
    const checked = acceptJudge0Params(input, base64, this.config, this.settings.callbacks.allowedHosts);
    if (!checked.ok) return checked;
    const { params, language, sourceCode, stdin } = checked.value;
    // Judge0 runs a multi-file program's `run` script without the arguments.
    const args = language.id === JUDGE0_MULTIFILE.id ? [] : judge0Arguments(params.command_line_arguments);
    const errors: FieldErrors = {};
    if (Buffer.byteLength(sourceCode) > MAX_CODE_BYTES)
      errors.source_code = [`is too long (maximum is ${MAX_CODE_BYTES} bytes)`];
    if (Buffer.byteLength(stdin) > MAX_STDIN_BYTES)
      errors.stdin = [`is too long (maximum is ${MAX_STDIN_BYTES} bytes)`];
    if (Buffer.byteLength(params.expected_output ?? '') > MAX_STDIN_BYTES)
      errors.expected_output = [`is too long (maximum is ${MAX_STDIN_BYTES} bytes)`];
    let files: ProgramFile[] = [];
    if (params.additional_files) {
      const multifile = language.id === JUDGE0_MULTIFILE.id;
      const read = await readAdditionalFiles(
        params.additional_files,
        multifile ? MULTIFILE_FOLDER : undefined,
      );
      if (read.ok) files = read.files;
      else errors.additional_files = [read.message];
    }
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    try {
      await checkLanguageAvailable(this.resources.registry, language.id);
    } catch (error) {
      if (error instanceof HttpError) throw new ForeignHttpError(error.status, { error: error.message });
    }
    const data = freeRunJob({
      language: language.id,
      code: sourceCode,
      stdin,
      limits: this.limits(params),
      args,
      ...judge0Options(params, files),
      userId: submitter.userId,
    });
    try {
      await acceptJob(this.resources, data, submitter.owner, { judge0: params });
    } catch (error) {
      if (error instanceof HttpError) throw new ForeignHttpError(error.status, { error: error.message });
      throw error;
    }
    if (params.callback_url !== null && params.callback_url.trim() !== '')
      this.callbackWhenDone(data.jobId, params.callback_url);
    return { ok: true, token: data.jobId };
  }

  /** Whether `count` more submissions would overflow the queue (Judge0's MAX_QUEUE_SIZE). */
  async queueFull(count: number): Promise<boolean> {
    const waiting = await this.resources.queue.getJobCountByTypes('wait', 'prioritized', 'paused');
    return waiting + count > this.settings.switches.maxQueueSize;
  }

  private record(row: Submission | null, status: JobResult | null): Judge0Record | null {
    const params = row?.request?.judge0;
    if (row === null || params === undefined) return null;
    return { row, params, result: status ?? pending(row) };
  }

  /** A submission made through this API, or null. */
  async read(token: string): Promise<Judge0Record | null> {
    const [row, status] = await Promise.all([
      this.resources.db.submissions.getSubmission(token),
      readStatus(this.resources, token),
    ]);
    return this.record(row, status);
  }

  /** The submission once finished (or as it stands after the longest wait). */
  async waitFor(token: string, timeoutMs = WAIT_MS): Promise<Judge0Record | null> {
    const status = await this.watcher.finished(token, timeoutMs);
    const row = await this.resources.db.submissions.getSubmission(token);
    return this.record(row, status);
  }

  async page(page: number, perPage: number): Promise<{ items: Judge0Record[]; total: number }> {
    const { items, total } = await this.resources.db.submissions.listByPage('judge0', page, perPage);
    const records = await Promise.all(
      items.map(async (row) => {
        const final =
          row.result !== null && (row.result.status === 'completed' || row.result.status === 'failed');
        return this.record(row, final ? row.result : await readStatus(this.resources, row.id));
      }),
    );
    return { items: records.filter((record) => record !== null), total };
  }

  private callbackWhenDone(token: string, url: string): void {
    const { logger } = this.resources;
    void (async () => {
      const record = await this.waitFor(token, CALLBACK_WAIT_MS);
      if (record === null || record.result.status === 'queued' || record.result.status === 'running') return;
      const body = JSON.stringify(judge0View(record, DEFAULT_FIELDS, true));
      const outcome = await deliverCallback(url, body, this.settings.callbacks);
      if (outcome.delivered)
        logger.info({ jobId: token, status: outcome.status, tries: outcome.tries }, 'callback delivered');
      else
        logger.warn({ jobId: token, reason: outcome.reason, tries: outcome.tries }, 'callback not delivered');
    })().catch((error: unknown) => logger.warn({ err: error, jobId: token }, 'callback failed'));
  }
}
