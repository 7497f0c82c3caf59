/** How a validator's run is read: exit codes, feedback messages and a scoring problem's score.txt. */
import { describe, expect, it } from 'vitest';
import type { UsableReport } from './compile-step.js';
import { readValidation } from './output-validator.js';

function report(exitCode: number, files: Record<string, string> = {}): UsableReport {
  return {
    status: 'exited',
    exitCode,
    signal: null,
    cpuMs: 1,
    wallMs: 1,
    memoryKb: 1,
    stdout: new Uint8Array(),
    stderr: new Uint8Array(),
    files: Object.fromEntries(Object.entries(files).map(([name, text]) => [name, Buffer.from(text)])),
  };
}

describe('readValidation', () => {
  it('an accepting validator’s score.txt is the case’s score; without one there is none', () => {
    expect(readValidation(report(42, { 'feedback/score.txt': '37.5\n' }))).toEqual({
      verdict: 'ACCEPTED',
      score: 37.5,
    });
    expect(readValidation(report(42))).toEqual({ verdict: 'ACCEPTED' });
    // A rejection's score.txt means nothing: the reject score applies.
    expect(readValidation(report(43, { 'feedback/score.txt': '5' }))).toEqual({ verdict: 'WRONG_ANSWER' });
  });

  it('a score.txt that is not one number is a judge error for the admins', () => {
    const judged = readValidation(report(42, { 'feedback/score.txt': 'lots' }));
    expect(judged.verdict).toBe('INTERNAL_ERROR');
    expect(judged.judgeMessage).toMatch(/score\.txt is not a number: "lots"/);
  });
});
