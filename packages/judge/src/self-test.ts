/**
 * The worker's start-up self-test of its languages: each found toolchain compiles and runs its language's
 * sample (A+B) in the real sandbox, a few at once, each within a deadline. Only the languages that printed
 * the right sum are offered; the others come back with the reason. Passes may be remembered across starts
 * (self-test-cache.ts).
 */
import type { EffectiveLimits, LanguageInfo } from '@arbiter/contracts';
import { languageMeta, SELF_TEST_INPUT, SELF_TEST_OUTPUT } from '@arbiter/languages';
import type { Sandbox } from '@arbiter/sandbox';
import type { CompileContext } from './compile-step.js';
import { judgeProgram } from './judge-program.js';
import { selfTestKey, type SelfTestCache } from './self-test-cache.js';

/** The run step's limits: room for a VM's start on a loaded host, far from what a sum needs. */
const SELF_TEST_LIMITS: EffectiveLimits = {
  timeMs: 10_000,
  wallTimeMs: 30_000,
  memoryMb: 512,
  outputBytes: 64 * 1024,
};

export interface SelfTestOptions {
  /** Languages tested at once (the sandbox's slots queue the rest anyway). */
  parallel: number;
  /** Deadline of one language's test (compile and run), in ms. */
  timeoutMs: number;
  /** Passes remembered from earlier starts: those languages are offered untested, new passes are added. */
  cache?: SelfTestCache;
}

export interface SelfTestFailure {
  language: LanguageInfo;
  /** What went wrong, with the toolchain's own message when it gave one. */
  reason: string;
}

export interface SelfTestReport {
  passed: LanguageInfo[];
  failed: SelfTestFailure[];
}

/** The last lines of a toolchain's message, enough to say why. */
function tail(text: string, max = 600): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : `…${trimmed.slice(-max)}`;
}

async function testOne(
  language: LanguageInfo,
  sandbox: Sandbox,
  context: CompileContext,
  timeoutMs: number,
): Promise<string | null> {
  const meta = languageMeta(language.id);
  if (meta === undefined) return 'not in the catalog';
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    const outcome = await judgeProgram(
      { language: language.id, code: meta.sample, stdin: SELF_TEST_INPUT, limits: SELF_TEST_LIMITS },
      sandbox,
      { signal: deadline },
      context,
    );
    if (outcome.verdict === 'ACCEPTED' && outcome.stdout === SELF_TEST_OUTPUT) return null;
    const message = tail(
      outcome.verdict === 'COMPILE_ERROR' ? outcome.compileOutput : `${outcome.stderr}\n${outcome.stdout}`,
    );
    return outcome.verdict === 'ACCEPTED'
      ? `printed ${JSON.stringify(tail(outcome.stdout, 200))}, not ${JSON.stringify(SELF_TEST_OUTPUT)}`
      : `${outcome.verdict}${outcome.exitCode === null ? '' : ` (exit ${outcome.exitCode})`}${message ? `: ${message}` : ''}`;
  } catch (error) {
    if (deadline.aborted) return `no answer within ${timeoutMs} ms`;
    return error instanceof Error ? error.message : String(error);
  }
}

/** Tests each language, `options.parallel` at a time; the passed ones keep the given order. */
export async function selfTestLanguages(
  languages: readonly LanguageInfo[],
  sandbox: Sandbox,
  context: CompileContext,
  options: SelfTestOptions,
): Promise<SelfTestReport> {
  const reasons = new Array<string | null>(languages.length).fill(null);
  const remembered = (await options.cache?.passed()) ?? new Set<string>();
  const untested = languages.flatMap((language, index) =>
    remembered.has(selfTestKey(language)) ? [] : [index],
  );
  // Workers starting together on one host share the cache: each starts at its own place in the list,
  // looks again before each language (another may have passed it meanwhile) and records each pass at once.
  const start = untested.length === 0 ? 0 : Math.floor(Math.random() * untested.length);
  const order = [...untested.slice(start), ...untested.slice(0, start)];
  let next = 0;
  const lane = async () => {
    while (next < order.length) {
      const index = order[next] ?? 0;
      next += 1;
      const language = languages[index];
      if (language === undefined) continue;
      const key = selfTestKey(language);
      if (options.cache !== undefined && (await options.cache.passed()).has(key)) continue;
      reasons[index] = await testOne(language, sandbox, context, options.timeoutMs);
      if (reasons[index] === null) await options.cache?.remember([key]).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.parallel, order.length)) }, lane));
  const report: SelfTestReport = { passed: [], failed: [] };
  languages.forEach((language, index) => {
    const reason = reasons[index] ?? null;
    if (reason === null) report.passed.push(language);
    else report.failed.push({ language, reason });
  });
  return report;
}
