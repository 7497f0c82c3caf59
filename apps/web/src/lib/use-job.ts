'use client';
// React hook around one job at a time: POST /submit, then follow its events live until the result; or
// an interactive run over Socket.IO, whose stdin is sent while it runs. The Socket.IO client's code
// loads with the first job, not with the page.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { InteractiveRunRequest, JobResult, LogStream, SubmitResponse } from '@arbiter/contracts';
import { api, ApiError } from './api';
import { apiUrl } from './api-url';
import type { JobStreamHandlers } from './job-stream';
import type { InteractiveRun } from './interactive-run';

export interface LogChunk {
  /** `stdin`: what was typed into an interactive run, echoed where the program read it. */
  stream: LogStream | 'stdin';
  text: string;
}

export interface LiveTest {
  index: number;
  verdict: string;
  timeMs: number;
}

export type JobPhase = 'idle' | 'sending' | 'queued' | 'running' | 'done';

export interface JobState {
  phase: JobPhase;
  position: number | null;
  logs: LogChunk[];
  tests: LiveTest[];
  result: JobResult | null;
  error: string | null;
  /** The API refused because the user must sign in. */
  needsSignIn: boolean;
  /** An interactive run: null for a job of POST /submit. */
  interactive: null | {
    /** The program started (input reaches it at once; before, it waits). */
    started: boolean;
    /** End of file was sent: no more input. */
    closed: boolean;
  };
}

const IDLE: JobState = {
  phase: 'idle',
  position: null,
  logs: [],
  tests: [],
  result: null,
  error: null,
  needsSignIn: false,
  interactive: null,
};

/** Appends a chunk to the log, merged with the last one of the same stream (fewer DOM nodes). */
function appendLog(logs: LogChunk[], stream: LogChunk['stream'], text: string): LogChunk[] {
  const last = logs[logs.length - 1];
  if (last && last.stream === stream) return [...logs.slice(0, -1), { stream, text: last.text + text }];
  return [...logs, { stream, text }];
}

export function useJob() {
  const [state, setState] = useState<JobState>(IDLE);
  const stop = useRef<(() => void) | null>(null);
  const run = useRef<InteractiveRun | null>(null);

  useEffect(() => () => stop.current?.(), []);

  const start = useCallback(async (body: Record<string, unknown>) => {
    stop.current?.();
    stop.current = null;
    run.current = null;
    setState({ ...IDLE, phase: 'sending' });
    // The stream's code loads while the job is sent.
    const stream = import('./job-stream');
    stream.catch(() => undefined); // a failure is reported where it is awaited
    let jobId: string;
    try {
      jobId = (await api.post<SubmitResponse>('/submit', body)).jobId;
    } catch (caught) {
      const signIn = caught instanceof ApiError && caught.code === 'UNAUTHENTICATED';
      setState({
        ...IDLE,
        error: caught instanceof Error ? caught.message : String(caught),
        needsSignIn: signIn,
      });
      return;
    }
    setState((s) => ({ ...s, phase: 'queued' }));
    let followJob: Awaited<typeof stream>['followJob'];
    try {
      ({ followJob } = await stream);
    } catch (caught) {
      setState({ ...IDLE, error: caught instanceof Error ? caught.message : String(caught) });
      return;
    }
    stop.current = followJob(apiUrl(), jobId, handlers(setState));
  }, []);

  /** Starts an interactive run: its stdin is sent with `send`, `endInput` and `kill` while it runs. */
  const startInteractive = useCallback((request: InteractiveRunRequest) => {
    stop.current?.();
    setState({ ...IDLE, phase: 'sending', interactive: { started: false, closed: false } });
    const follow = handlers(setState);
    // The run starts once its code has loaded; what is sent meanwhile waits for it, in order.
    let stopped = false;
    const loaded: Promise<InteractiveRun | null> = import('./interactive-run').then(
      ({ startInteractiveRun }) =>
        stopped
          ? null
          : startInteractiveRun(apiUrl(), request, {
              ...follow,
              onStarted: () => setState((s) => (s.phase === 'sending' ? { ...s, phase: 'queued' } : s)),
              onProgramStarted: () =>
                setState((s) =>
                  s.interactive
                    ? { ...s, phase: 'running', interactive: { ...s.interactive, started: true } }
                    : s,
                ),
              onRefused: (message) => setState({ ...IDLE, error: message }),
            }),
      (caught: unknown) => {
        if (!stopped) setState({ ...IDLE, error: caught instanceof Error ? caught.message : String(caught) });
        return null;
      },
    );
    const started: InteractiveRun = {
      send: async (text) => (await loaded)?.send(text) ?? null,
      eof: async () => (await loaded)?.eof() ?? null,
      kill: async () => (await loaded)?.kill() ?? null,
      stop: () => {
        stopped = true;
        void loaded.then((current) => current?.stop());
      },
    };
    run.current = started;
    stop.current = started.stop;
  }, []);

  /** Sends a line (or any text) to the interactive run's stdin, echoed into the output. */
  const send = useCallback(async (text: string) => {
    const current = run.current;
    if (current === null) return;
    setState((s) => ({ ...s, logs: appendLog(s.logs, 'stdin', text) }));
    const refused = await current.send(text);
    if (refused !== null) setState((s) => ({ ...s, error: refused }));
  }, []);

  /** Ends the interactive run's stdin. */
  const endInput = useCallback(async () => {
    const current = run.current;
    if (current === null) return;
    setState((s) => (s.interactive ? { ...s, interactive: { ...s.interactive, closed: true } } : s));
    const refused = await current.eof();
    if (refused !== null) setState((s) => ({ ...s, error: refused }));
  }, []);

  /** Ends the interactive run. */
  const kill = useCallback(async () => {
    const refused = await run.current?.kill();
    if (refused) setState((s) => ({ ...s, error: refused }));
  }, []);

  /** Forgets the job (and stops following it): the panel is empty again. */
  const reset = useCallback(() => {
    stop.current?.();
    stop.current = null;
    run.current = null;
    setState(IDLE);
  }, []);

  const busy = state.phase === 'sending' || state.phase === 'queued' || state.phase === 'running';
  return { state, start, startInteractive, send, endInput, kill, reset, busy };
}

/** What a job's events do to the state, for both kinds of run. */
function handlers(setState: (update: (s: JobState) => JobState) => void): JobStreamHandlers {
  return {
    onStatus: (event) =>
      setState((s) =>
        s.phase === 'done'
          ? s
          : {
              ...s,
              phase: event.status === 'queued' ? 'queued' : 'running',
              position: event.status === 'queued' ? (event.position ?? s.position) : null,
            },
      ),
    onLog: (event) => setState((s) => ({ ...s, logs: appendLog(s.logs, event.stream, event.chunk) })),
    onTest: (event) =>
      setState((s) => ({
        ...s,
        phase: 'running',
        tests: [...s.tests, { index: event.index, verdict: event.verdict, timeMs: event.timeMs }],
      })),
    onResult: (result) => {
      setState((s) => ({ ...s, phase: 'done', position: null, result }));
      // The live event carries no ranking: an accepted submit's percentile comes from the API.
      if (result.verdict === 'ACCEPTED' && result.mode === 'submit') {
        api
          .get<JobResult>(`/status/${result.jobId}`)
          .then((full) => {
            if (full.percentile)
              setState((s) =>
                s.result ? { ...s, result: { ...s.result, percentile: full.percentile } } : s,
              );
          })
          .catch(() => undefined);
      }
    },
    onError: (message) => setState((s) => ({ ...s, error: message })),
  };
}
