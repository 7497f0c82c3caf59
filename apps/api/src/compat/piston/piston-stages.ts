/**
 * A finished job as Piston v2 reports it: a `run` stage and, for compiled languages, a `compile`
 * stage, each with Piston's fields (`code` null when a signal ended the program, `signal`
 * SIGKILL for time and output limits, isolate's `status` and `message`, times in ms, memory in
 * bytes). A program that does not compile has no run stage: `run` repeats `compile`, as Piston's
 * `/execute` does.
 */
import { constants } from 'node:os';
import { clipText, type JobResult, type PistonExecuteResult, type PistonStage } from '@arbiter/contracts';
import type { PistonCompatLanguage } from '../compat-languages.js';

const failed = (output: string, time: number | null): PistonStage => ({
  stdout: '',
  stderr: output,
  output,
  code: 1,
  signal: null,
  message: 'Exited with error status 1',
  status: 'RE',
  cpu_time: time,
  wall_time: time,
  memory: null,
});

function runStage(result: JobResult): PistonStage {
  const signalNumber =
    result.signal === null
      ? null
      : ((constants.signals as Record<string, number | undefined>)[result.signal] ?? null);
  const base = {
    stdout: result.stdout,
    stderr: result.stderr,
    // Piston interleaves the two as they came; the platform keeps them apart, so stderr follows. Each is
    // within the text cap; together they are clipped to it again.
    output: clipText(`${result.stdout}${result.stderr}`),
    cpu_time: result.timeMs === null ? null : Math.round(result.timeMs),
    wall_time: result.wallTimeMs === null ? null : Math.round(result.wallTimeMs),
    memory: result.memoryKb === null ? null : Math.round(result.memoryKb * 1024),
  };
  switch (result.verdict) {
    case 'TIME_LIMIT_EXCEEDED':
      return { ...base, code: null, signal: 'SIGKILL', status: 'TO', message: 'Time limit exceeded' };
    case 'OUTPUT_LIMIT_EXCEEDED':
      return { ...base, code: null, signal: 'SIGKILL', status: 'OL', message: 'stdout length exceeded' };
    default:
      if (result.signal !== null)
        return {
          ...base,
          code: null,
          signal: result.signal,
          status: 'SG',
          message: `Caught fatal signal ${signalNumber ?? result.signal}`,
        };
      if ((result.exitCode ?? 0) !== 0)
        return {
          ...base,
          code: result.exitCode,
          signal: null,
          status: 'RE',
          message: `Exited with error status ${result.exitCode}`,
        };
      return { ...base, code: 0, signal: null, status: null, message: null };
  }
}

export function pistonResult(
  language: PistonCompatLanguage,
  version: string,
  result: JobResult,
): PistonExecuteResult {
  const answer = { language: language.piston.language, version };
  const compileMs = result.timings?.compile ? Math.round(result.timings.compile.programMs) : null;
  if (result.verdict === 'COMPILE_ERROR') {
    // Interpreted languages report a syntax error from their one (run) stage.
    const stage = failed(result.compileOutput, compileMs);
    return language.piston.compiled ? { ...answer, compile: stage, run: stage } : { ...answer, run: stage };
  }
  const run = runStage(result);
  if (!language.piston.compiled) return { ...answer, run };
  const compile: PistonStage = {
    stdout: '',
    stderr: result.compileOutput,
    output: result.compileOutput,
    code: 0,
    signal: null,
    message: null,
    status: null,
    cpu_time: compileMs,
    wall_time: compileMs,
    memory: null,
  };
  return { ...answer, compile, run };
}
