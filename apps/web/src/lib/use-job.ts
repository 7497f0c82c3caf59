'use client';
// React hook around one job at a time: POST /submit, then follow its events live until the result.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobResult, LogStream, SubmitResponse } from '@arbiter/contracts';
import { api, ApiError } from './api';
import { apiUrl } from './api-url';
import { followJob } from './job-stream';

export interface LogChunk {
  stream: LogStream;
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
}

const IDLE: JobState = {
  phase: 'idle',
  position: null,
  logs: [],
  tests: [],
  result: null,
  error: null,
  needsSignIn: false,
};

export function useJob() {
  const [state, setState] = useState<JobState>(IDLE);
  const stop = useRef<(() => void) | null>(null);

  useEffect(() => () => stop.current?.(), []);

  const start = useCallback(async (body: Record<string, unknown>) => {
    stop.current?.();
    stop.current = null;
    setState({ ...IDLE, phase: 'sending' });
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
    stop.current = followJob(apiUrl(), jobId, {
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
      onLog: (event) =>
        setState((s) => {
          const last = s.logs[s.logs.length - 1];
          // Merge consecutive chunks of one stream: fewer DOM nodes for chatty programs.
          if (last && last.stream === event.stream) {
            return {
              ...s,
              logs: [...s.logs.slice(0, -1), { stream: last.stream, text: last.text + event.chunk }],
            };
          }
          return { ...s, logs: [...s.logs, { stream: event.stream, text: event.chunk }] };
        }),
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
    });
  }, []);

  /** Forgets the job (and stops following it): the panel is empty again. */
  const reset = useCallback(() => {
    stop.current?.();
    stop.current = null;
    setState(IDLE);
  }, []);

  const busy = state.phase === 'sending' || state.phase === 'queued' || state.phase === 'running';
  return { state, start, reset, busy };
}
