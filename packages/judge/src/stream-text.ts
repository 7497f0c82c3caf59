/** Helpers that turn the sandbox's byte chunks into text events. */
import type { LogStream } from '@arbiter/contracts';
import type { OutputStream } from '@arbiter/sandbox';

export type TextSink = (stream: OutputStream, text: string) => void;

/** Decodes each stream's bytes to text without splitting multi-byte characters across chunks. */
export function streamDecoder(emit: TextSink) {
  const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };
  return {
    push: (stream: OutputStream, chunk: Uint8Array) => {
      const text = decoders[stream].decode(chunk, { stream: true });
      if (text.length > 0) emit(stream, text);
    },
    end: () => {
      for (const stream of ['stdout', 'stderr'] as const) {
        const text = decoders[stream].decode();
        if (text.length > 0) emit(stream, text);
      }
    },
  };
}

/**
 * Sends stderr to the `compile` log when it starts with the compile-error marker (a
 * language that checks and runs in one process), else passes output through unchanged.
 */
export function markerRouter(
  marker: string | undefined,
  onLog: (stream: LogStream, chunk: string) => void,
): TextSink {
  let pending = '';
  let decided = marker === undefined;
  let toCompile = false;
  return (stream, text) => {
    if (stream === 'stdout' || decided) {
      onLog(stream === 'stderr' && toCompile ? 'compile' : stream, text);
      return;
    }
    pending += text;
    const expected = marker ?? '';
    if (pending.length < expected.length && expected.startsWith(pending)) return;
    decided = true;
    toCompile = pending.startsWith(expected);
    const rest = toCompile ? pending.slice(expected.length) : pending;
    pending = '';
    if (rest.length > 0) onLog(toCompile ? 'compile' : 'stderr', rest);
  };
}
