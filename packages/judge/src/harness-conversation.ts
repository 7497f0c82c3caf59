/**
 * The worker's side of the harness protocol (`@arbiter/problems` protocol.ts), as a sandbox `RunChannel`:
 * waits for `ready`, hands the tests over one at a time (the next only after the answer to the previous
 * one), takes each answer only in its turn, and measures each test from outside: the run's CPU time
 * between handing the test over and the answer, and its peak memory when the answer came. Anything out of
 * order, or a line longer than the output limit, ends the run.
 */
import { clipText } from '@arbiter/contracts';
import { parseHarnessLine, testLine, type AnswerStatus } from '@arbiter/problems';
import type { ChannelPort, RunChannel, RunUsage } from '@arbiter/sandbox';

/** One test's answer, with what the worker measured. */
export interface HarnessRecord {
  index: number;
  status: AnswerStatus;
  /** JSON text: the return value (`ok`) or a message string (`error`). */
  payload: string;
  /** CPU time of the run (all its processes) while the test was running, in ms. */
  timeMs: number;
  /** Peak memory of the run so far, in KiB. */
  memoryKb: number;
}

/** Why the worker ended a run that broke the protocol. */
export interface ProtocolBreach {
  /** `output`: a line longer than the output limit; `order`: a line out of turn or malformed. */
  kind: 'output' | 'order';
  message: string;
}

export interface ConversationOptions {
  /** The arguments of each test, in order. */
  tests: readonly unknown[][];
  /** The harness may say `compile` instead of `ready` (its language compiles the user's code at run time). */
  allowCompile: boolean;
  /** Longest line taken from the harness, in bytes. */
  maxLineBytes: number;
  /** Longest compile message kept, in UTF-8 bytes. */
  maxCompileBytes: number;
  /** Each answer as it is taken; `'stop'` ends the run there. */
  onRecord?: (record: HarnessRecord) => 'stop' | undefined;
  /** Ends the run (the conversation is over: compile error, a breach, or `onRecord` said stop). */
  stop: () => void;
}

type State = 'starting' | 'running' | 'over';

export class HarnessConversation implements RunChannel {
  readonly records: HarnessRecord[] = [];
  compileError: string | null = null;
  breach: ProtocolBreach | null = null;
  /** True when `onRecord` stopped the run. */
  stopped = false;
  private state: State = 'starting';
  private port: ChannelPort | undefined;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** The run's use when the running test was handed over. */
  private handedAt: RunUsage = { cpuMs: 0, memoryKb: 0 };
  private readonly decoder = new TextDecoder();

  constructor(private readonly options: ConversationOptions) {}

  open(port: ChannelPort): void {
    this.port = port;
  }

  data(chunk: Uint8Array, usage: RunUsage): void {
    let rest = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let at = rest.indexOf(10); at >= 0 && this.state !== 'over'; at = rest.indexOf(10)) {
      this.pending.push(rest.subarray(0, at));
      const line = Buffer.concat(this.pending);
      this.pending = [];
      this.pendingBytes = 0;
      rest = rest.subarray(at + 1);
      if (line.length > this.options.maxLineBytes) return this.break('output');
      this.take(this.decoder.decode(line), usage);
    }
    if (this.state === 'over') return;
    this.pending.push(Buffer.from(rest));
    this.pendingBytes += rest.length;
    if (this.pendingBytes > this.options.maxLineBytes) this.break('output');
  }

  private take(line: string, usage: RunUsage): void {
    const message = parseHarnessLine(line);
    if (this.state === 'starting') {
      if (message?.kind === 'ready') {
        this.state = 'running';
        return this.handOver(0, usage);
      }
      if (message?.kind === 'compile' && this.options.allowCompile) {
        this.compileError = clipText(message.message, this.options.maxCompileBytes);
        return this.end();
      }
      return this.break('order');
    }
    const index = this.records.length;
    if (message?.kind !== 'answer' || message.index !== index) return this.break('order');
    const record: HarnessRecord = {
      index,
      status: message.status,
      payload: message.payload,
      timeMs: Math.max(0, usage.cpuMs - this.handedAt.cpuMs),
      memoryKb: usage.memoryKb,
    };
    this.records.push(record);
    if (this.options.onRecord?.(record) === 'stop') {
      this.stopped = true;
      return this.end();
    }
    // After an error the harness exits by itself, with its exit code.
    if (record.status === 'error') return this.over();
    this.handOver(index + 1, usage);
  }

  /** Hands test `index` over (or says there are no more). `usage` is the run's use now, while the harness waits. */
  private handOver(index: number, usage: RunUsage): void {
    const args = this.options.tests[index];
    if (args === undefined) {
      this.over();
      this.port?.end();
      return;
    }
    this.handedAt = usage;
    this.port?.write(testLine(index, args));
  }

  private break(kind: ProtocolBreach['kind']): void {
    this.breach = {
      kind,
      message:
        kind === 'output'
          ? `a line on the harness channel is longer than the output limit (${this.options.maxLineBytes} bytes)`
          : 'the program wrote to the harness channel out of turn (only the harness may answer, one test at a time)',
    };
    this.end();
  }

  private end(): void {
    this.over();
    this.options.stop();
  }

  private over(): void {
    this.state = 'over';
    this.pending = [];
  }
}
