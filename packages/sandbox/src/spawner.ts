/**
 * The cells' spawner: the static helper's `serve`, started once per sandbox, forks the process that becomes
 * each cell's bubblewrap, so the worker does not fork itself once per run (see `native/sandbox-helper.c`).
 * The sandbox's stdout, stderr and control socket are connections the spawner makes to a Unix socket the
 * worker listens on, in a root-only folder; each starts with a 16-byte header naming its request and stream.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { constants } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** Length of the header the spawner writes on each connection: `<id, 13 digits> <stream 1..3>\n`. */
const HEADER_BYTES = 16;

/** One sandbox process the spawner started: what `Standby` needs of a `ChildProcess`. */
export class SpawnedProcess extends EventEmitter {
  pid: number | undefined;
  /** `[stdin (none), stdout, stderr, control]`, as `ChildProcess.stdio` would have them. */
  readonly stdio: [null, Socket, Socket, Socket];
  private ended = false;

  constructor(
    private readonly spawner: Spawner,
    streams: [Socket, Socket, Socket],
  ) {
    super();
    this.stdio = [null, ...streams];
  }

  /** SIGKILLs the process through the spawner, which only signals a child it has not reaped. */
  kill(_signal: 'SIGKILL' = 'SIGKILL'): boolean {
    if (this.ended || this.pid === undefined) return false;
    this.spawner.kill(this.pid);
    return true;
  }

  /** @internal */
  end(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.ended) return;
    this.ended = true;
    this.emit('exit', code, signal);
  }
}

interface Pending {
  streams: Array<Socket | undefined>;
  settle: (err: Error | undefined, proc?: SpawnedProcess) => void;
  pid?: number;
  /** The spawner reaped it before its streams were all in. */
  exit?: [number | null, NodeJS.Signals | null];
}

export class Spawner {
  private child: ChildProcess | undefined;
  private readonly pending = new Map<number, Pending>();
  private readonly live = new Map<number, SpawnedProcess>();
  private nextId = 1;
  private dead: Error | undefined;
  private stderr = '';
  private closed = false;

  private constructor(
    private readonly server: Server,
    private readonly dir: string,
    private readonly command: readonly string[],
  ) {}

  /** Listens in `<root>/spawner` (root only, 0700) and starts the helper's `serve`. */
  static async open(root: string, helperPath: string, seccompPath: string): Promise<Spawner> {
    const dir = join(root, 'spawner');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { mode: 0o700 });
    const socketPath = join(dir, 'streams.sock');
    const server = createServer();
    const spawner = new Spawner(server, dir, [helperPath, 'serve', socketPath, seccompPath]);
    server.on('connection', (s) => spawner.accept(s));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => resolve());
    });
    spawner.launch();
    return spawner;
  }

  /** Starts the helper's `serve` (again, after the last one died: its sandboxes died with it). */
  private launch(): void {
    const [file = '', ...args] = this.command;
    const child = spawn(file, args, { env: {}, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    this.dead = undefined;
    this.stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      if (this.stderr.length < 4096) this.stderr += d.toString('utf8');
    });
    child.stdin?.on('error', () => undefined);
    if (child.stdout) createInterface({ input: child.stdout }).on('line', (l) => this.onReply(l));
    const gone = (err: Error): void => {
      if (this.child === child) this.fail(err);
    };
    child.once('error', gone);
    child.once('exit', (code, signal) =>
      gone(
        new Error(
          `the sandbox's spawner exited (${signal ?? `code ${String(code)}`}): ${this.stderr.trim() || 'no message'}`,
        ),
      ),
    );
  }

  /** Starts `sandbox-helper start <args>` (its last fd 5, the run's stdout) in a child of the spawner. */
  start(args: readonly string[]): Promise<SpawnedProcess> {
    if (this.closed) return Promise.reject(new Error('the sandbox was closed'));
    if (this.dead) this.launch();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        streams: [undefined, undefined, undefined],
        settle: (err, proc) => {
          this.pending.delete(id);
          if (err) reject(err);
          else if (proc) resolve(proc);
        },
      });
      this.send(['start', String(id), String(args.length), ...args]);
    });
  }

  /** @internal */
  kill(pid: number): void {
    if (this.live.has(pid)) this.send(['kill', String(pid)]);
  }

  /** Ends the spawner (it kills what it still runs) and stops listening. */
  async close(): Promise<void> {
    this.closed = true;
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin?.end();
      await exited;
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    rmSync(this.dir, { recursive: true, force: true });
  }

  private send(fields: string[]): void {
    if (fields.some((f) => f.includes('\0'))) throw new Error('a spawner request field holds a NUL byte');
    this.child?.stdin?.write(fields.join('\0') + '\0');
  }

  private accept(socket: Socket): void {
    socket.on('error', () => undefined);
    const onReadable = (): void => {
      const header = socket.read(HEADER_BYTES) as Buffer | null;
      if (header === null) return;
      socket.off('readable', onReadable);
      const m = /^(\d{13}) ([123])\n$/.exec(header.toString('latin1'));
      const pending = m ? this.pending.get(Number(m[1])) : undefined;
      if (!m || !pending) {
        socket.destroy();
        return;
      }
      pending.streams[Number(m[2]) - 1] = socket;
      this.complete(Number(m[1]));
    };
    socket.on('readable', onReadable);
  }

  private onReply(line: string): void {
    const [kind, a, b, c] = line.split(' ');
    if (kind === 'pid' && a && b) {
      const pending = this.pending.get(Number(a));
      if (pending) {
        pending.pid = Number(b);
        this.complete(Number(a));
      }
    } else if (kind === 'fail' && a) {
      const pending = this.pending.get(Number(a));
      for (const s of pending?.streams ?? []) s?.destroy();
      pending?.settle(
        new Error(`the spawner could not start the sandbox: ${line.split(' ').slice(2).join(' ')}`),
      );
    } else if (kind === 'exit' && a && b && c) {
      const pid = Number(a);
      const signal = Number(c);
      const exit: [number | null, NodeJS.Signals | null] =
        signal === 0 ? [Number(b), null] : [null, signalName(signal)];
      const proc = this.live.get(pid);
      this.live.delete(pid);
      if (proc) proc.end(...exit);
      else for (const p of this.pending.values()) if (p.pid === pid) p.exit = exit;
    }
  }

  /** Settles a start once its pid and all three streams are in. */
  private complete(id: number): void {
    const p = this.pending.get(id);
    if (!p || p.pid === undefined) return;
    const [stdout, stderr, control] = p.streams;
    if (!stdout || !stderr || !control) return;
    const proc = new SpawnedProcess(this, [stdout, stderr, control]);
    proc.pid = p.pid;
    p.settle(undefined, proc);
    // Reaped already (it failed at once): the exit is heard after the caller's listeners are on.
    const exit = p.exit;
    if (exit) setImmediate(() => proc.end(...exit));
    else this.live.set(p.pid, proc);
  }

  private fail(err: Error): void {
    if (this.dead) return;
    this.dead = err;
    for (const p of [...this.pending.values()]) {
      for (const s of p.streams) s?.destroy();
      p.settle(err);
    }
    for (const proc of this.live.values()) proc.end(null, 'SIGKILL');
    this.live.clear();
  }
}

function signalName(n: number): NodeJS.Signals {
  for (const [name, value] of Object.entries(constants.signals))
    if (value === n) return name as NodeJS.Signals;
  return 'SIGKILL';
}
