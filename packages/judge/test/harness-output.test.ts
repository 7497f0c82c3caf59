/** The stdout splitter of harness programs: records by nonce, user text around them, any chunking. */
import { describe, expect, it } from 'vitest';
import type { HarnessRecord } from '@arbiter/problems';
import { HarnessOutputParser } from '../src/harness-output.js';

function parse(chunks: string[]): (HarnessRecord | null | string)[] {
  const out: (HarnessRecord | null | string)[] = [];
  const parser = new HarnessOutputParser('N0NCE', {
    record: (record) => out.push(record),
    text: (text) => {
      // Merge adjacent text pieces: chunking must not matter.
      if (typeof out.at(-1) === 'string') out[out.length - 1] += text;
      else out.push(text);
    },
  });
  chunks.forEach((chunk) => parser.push(chunk));
  parser.end();
  return out;
}

const STREAM = 'hello\nN0NCE 0 ok 12 3400 [1,2]\npartialN0NCE 1 error 0 3500 "boom: N0NCE"\ntail';
const EXPECTED = [
  'hello\n',
  { index: 0, status: 'ok', elapsedMicros: 12, peakMemoryKb: 3400, payload: '[1,2]' },
  'partial',
  { index: 1, status: 'error', elapsedMicros: 0, peakMemoryKb: 3500, payload: '"boom: N0NCE"' },
  'tail',
];

describe('HarnessOutputParser', () => {
  it('separates records from user text', () => {
    expect(parse([STREAM])).toEqual(EXPECTED);
  });

  it('gives the same result however the stream is cut', () => {
    for (let size = 1; size <= 7; size++) {
      const chunks = STREAM.match(new RegExp(`[^]{1,${size}}`, 'g')) ?? [];
      expect(parse(chunks)).toEqual(EXPECTED);
    }
  });

  it('keeps text that only starts like the nonce, and reports a cut-off record', () => {
    expect(parse(['N0N', 'CX N0', 'NCE 0 ok 1 1 [', '1'])).toEqual(['N0NCX ', null]);
  });

  it('reports a line with the nonce but no valid record as malformed', () => {
    expect(parse(['N0NCE garbage\nok'])).toEqual([null, 'ok']);
  });
});
