/** The worker's side of the harness protocol: turn order, measured numbers, and every way out of turn. */
import { describe, expect, it } from 'vitest';
import type { RunUsage } from '@arbiter/sandbox';
import { HarnessConversation, type HarnessRecord } from '../src/harness-conversation.js';

interface Harness {
  conversation: HarnessConversation;
  /** What the worker wrote, and whether it half-closed. */
  written: string[];
  ended: () => boolean;
  stopped: () => boolean;
  /** The program writes `text` when the run has used `usage`. */
  say: (text: string, usage?: Partial<RunUsage>) => void;
}

function start(
  tests: unknown[][],
  options: {
    allowCompile?: boolean;
    maxLineBytes?: number;
    onRecord?: (r: HarnessRecord) => 'stop' | undefined;
  } = {},
): Harness {
  const written: string[] = [];
  let ended = false;
  let stopped = false;
  const conversation = new HarnessConversation({
    tests,
    allowCompile: options.allowCompile ?? false,
    maxLineBytes: options.maxLineBytes ?? 1024,
    maxCompileBytes: 60,
    onRecord: options.onRecord,
    stop: () => (stopped = true),
  });
  conversation.open({
    write: (data) => {
      written.push(String(data));
      return true;
    },
    onDrain: (listener) => listener(),
    end: () => (ended = true),
    kill: () => undefined,
    usage: () => ({ cpuMs: 0, memoryKb: 0 }),
  });
  return {
    conversation,
    written,
    ended: () => ended,
    stopped: () => stopped,
    say: (text, usage = {}) =>
      conversation.data(new TextEncoder().encode(text), { cpuMs: 0, memoryKb: 0, ...usage }),
  };
}

describe('HarnessConversation', () => {
  it('hands each test over only after the answer to the previous one, and measures each turn', () => {
    const h = start([[1], [2]]);
    expect(h.written).toEqual([]);
    h.say('ready\n', { cpuMs: 40, memoryKb: 900 });
    expect(h.written).toEqual(['0 [1]\n']);
    // An answer in pieces.
    h.say('0 ok [', { cpuMs: 45 });
    expect(h.written).toHaveLength(1);
    h.say('1]\n', { cpuMs: 52.5, memoryKb: 1000 });
    expect(h.written).toEqual(['0 [1]\n', '1 [2]\n']);
    h.say('1 ok "é"\n', { cpuMs: 60, memoryKb: 1200 });
    expect(h.ended()).toBe(true);
    expect(h.stopped()).toBe(false);
    expect(h.conversation.records).toEqual([
      { index: 0, status: 'ok', payload: '[1]', timeMs: 12.5, memoryKb: 1000 },
      { index: 1, status: 'ok', payload: '"é"', timeMs: 7.5, memoryKb: 1200 },
    ]);
    // Whatever comes after the last answer changes nothing.
    h.say('2 ok 1\ncompile "late"\n');
    expect(h.conversation.records).toHaveLength(2);
    expect(h.conversation.breach).toBeNull();
    expect(h.conversation.compileError).toBeNull();
  });

  it('ends the run on an answer out of turn: a second answer, a wrong index, a forged format', () => {
    for (const forged of ['0 ok [1]\n0 ok [9]\n', '1 ok [1]\n', 'N0NCE 0 ok 0 1 [1]\n', '\n', 'ready\n']) {
      const h = start([[1], [2], [3]]);
      h.say('ready\n');
      h.say(forged);
      expect(h.stopped(), forged).toBe(true);
      expect(h.conversation.breach?.kind, forged).toBe('order');
      expect(h.written.length, forged).toBeLessThanOrEqual(2);
    }
  });

  it('takes a compile record only before ready, only where the language has one, clipped', () => {
    const python = start([[1]], { allowCompile: true });
    python.say(`compile ${JSON.stringify('SyntaxError: '.repeat(10))}\n`);
    const clipped = python.conversation.compileError ?? '';
    expect(clipped.startsWith('SyntaxError: SyntaxError')).toBe(true);
    expect(Buffer.byteLength(clipped)).toBeLessThanOrEqual(60);
    expect(clipped).toMatch(/\d+ more bytes clipped/);
    expect(python.stopped()).toBe(true);
    expect(python.written).toEqual([]);

    const late = start([[1]], { allowCompile: true });
    late.say('ready\n0 ok 1\n');
    late.say('compile "forged"\n');
    expect(late.conversation.compileError).toBeNull();

    const early = start([[1]], { allowCompile: true });
    early.say('ready\ncompile "forged"\n');
    expect(early.conversation.compileError).toBeNull();
    expect(early.conversation.breach?.kind).toBe('order');

    const cpp = start([[1]]);
    cpp.say('compile "forged"\n');
    expect(cpp.conversation.compileError).toBeNull();
    expect(cpp.conversation.breach?.kind).toBe('order');
  });

  it('ends the run on a line longer than the output limit, with or without its newline', () => {
    const long = start([[1]], { maxLineBytes: 16 });
    long.say('ready\n');
    long.say(`0 ok ${'1'.repeat(20)}`);
    expect(long.conversation.breach?.kind).toBe('output');
    const whole = start([[1]], { maxLineBytes: 16 });
    whole.say(`ready\n0 ok "${'x'.repeat(20)}"\n`);
    expect(whole.conversation.breach?.kind).toBe('output');
    expect(whole.conversation.records).toEqual([]);
  });

  it('stops after an error answer and when the caller says stop', () => {
    const error = start([[1], [2]]);
    error.say('ready\n0 error "boom"\n');
    expect(error.conversation.records[0]).toMatchObject({ status: 'error', payload: '"boom"' });
    expect(error.written).toHaveLength(1);
    const stop = start([[1], [2]], { onRecord: () => 'stop' });
    stop.say('ready\n0 ok 5\n');
    expect(stop.stopped()).toBe(true);
    expect(stop.conversation.stopped).toBe(true);
    expect(stop.written).toHaveLength(1);
  });

  it('says there are no tests at once when there are none', () => {
    const none = start([]);
    none.say('ready\n');
    expect(none.written).toEqual([]);
    expect(none.ended()).toBe(true);
  });
});
