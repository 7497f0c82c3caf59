/** The passes of a multi-pass case: what goes into each pass, when judging stops, and the judge errors. */
import type { Verdict } from '@arbiter/contracts';
import { describe, expect, it } from 'vitest';
import { NEXTPASS_MAX_BYTES, runPasses, type PassResult } from './multi-pass.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (data: Uint8Array): string => new TextDecoder().decode(data);

/** A pass whose submission ran `cpuMs` and whose validator ended with `verdict` and these feedback files. */
function pass(
  verdict: Verdict,
  feedback: Record<string, string>,
  cpuMs = 10,
  run: Verdict = 'ACCEPTED',
): PassResult {
  return {
    verdict: run === 'ACCEPTED' ? verdict : run,
    run: {
      compileError: false,
      verdict: run,
      stdout: '',
      stderr: '',
      report: {
        status: 'exited',
        exitCode: 0,
        signal: null,
        cpuMs,
        wallMs: cpuMs + 5,
        memoryKb: cpuMs * 100,
        stdout: new Uint8Array(),
        stderr: new Uint8Array(),
        files: {},
      },
    },
    validation: {
      verdict,
      ...(feedback['judgemessage.txt'] === undefined ? {} : { judgeMessage: feedback['judgemessage.txt'] }),
      feedback: Object.fromEntries(Object.entries(feedback).map(([name, data]) => [name, bytes(data)])),
    },
  };
}

describe('runPasses', () => {
  it('runs again on nextpass.in with the feedback folder (less nextpass.in) until a pass writes none', async () => {
    const seen: { input: string; feedback: string[]; number: number }[] = [];
    const result = await runPasses(3, bytes('first'), async (input, feedback, number) => {
      seen.push({ input: text(input), feedback: Object.keys(feedback).sort(), number });
      if (number === 1) return pass('ACCEPTED', { 'nextpass.in': 'second', 'state.txt': '1' }, 30);
      return pass('ACCEPTED', { 'state.txt': '2' }, 20);
    });
    expect(seen).toEqual([
      { input: 'first', feedback: [], number: 1 },
      { input: 'second', feedback: ['state.txt'], number: 2 },
    ]);
    expect(result).toMatchObject({ verdict: 'ACCEPTED', passes: 2, maxCpuMs: 30, cpuMs: 50, memoryKb: 3000 });
  });

  it("stops at the first pass that is not accepted, with that pass's verdict", async () => {
    const result = await runPasses(5, bytes('x'), async (_input, _feedback, number) =>
      number === 1
        ? pass('ACCEPTED', { 'nextpass.in': 'y' })
        : pass('ACCEPTED', { 'nextpass.in': 'z' }, 1_500, 'TIME_LIMIT_EXCEEDED'),
    );
    expect(result).toMatchObject({ verdict: 'TIME_LIMIT_EXCEEDED', passes: 2, maxCpuMs: 1_500 });
    const wrong = await runPasses(5, bytes('x'), async (_input, _feedback, number) =>
      number === 1
        ? pass('ACCEPTED', { 'nextpass.in': 'y' })
        : pass('WRONG_ANSWER', { 'judgemessage.txt': 'no' }),
    );
    expect(wrong).toMatchObject({ verdict: 'WRONG_ANSWER', passes: 2 });
    expect(wrong.validation?.judgeMessage).toBe('Pass 2 of at most 5.\nno');
  });

  it('is a judge error when the validator asks for a pass beyond validation_passes, or writes nextpass.in and rejects', async () => {
    let passes = 0;
    const beyond = await runPasses(2, bytes('x'), async () => {
      passes++;
      return pass('ACCEPTED', { 'nextpass.in': 'again' });
    });
    expect(passes).toBe(2);
    expect(beyond.verdict).toBe('INTERNAL_ERROR');
    expect(beyond.validation?.judgeMessage).toMatch(/nextpass\.in on pass 2, the last/);
    const rejecting = await runPasses(2, bytes('x'), async () =>
      pass('WRONG_ANSWER', { 'nextpass.in': 'again' }),
    );
    expect(rejecting.verdict).toBe('INTERNAL_ERROR');
    expect(rejecting.validation?.judgeMessage).toMatch(/wrote nextpass\.in and rejected/);
  });

  it("caps nextpass.in: the validator writes the next run's input", async () => {
    let passes = 0;
    const result = await runPasses(3, bytes('x'), async () => {
      passes++;
      const huge = pass('ACCEPTED', {});
      (huge.validation?.feedback as Record<string, Uint8Array>)['nextpass.in'] = new Uint8Array(
        NEXTPASS_MAX_BYTES + 1,
      );
      return huge;
    });
    expect(passes).toBe(1);
    expect(result.verdict).toBe('INTERNAL_ERROR');
    expect(result.validation?.judgeMessage).toMatch(/nextpass\.in holds \d+ bytes/);
  });
});
