/** Lines written while a request or job is handled carry its id, across async calls. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { addToLogContext, createLogger, withLogContext } from '../src/index.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ service: 'test', level: 'info', destination }) };
}

describe('log context', () => {
  it('adds the request id to every line inside, and nothing outside', async () => {
    const { lines, logger } = capture();
    await withLogContext({ requestId: 'r-1' }, async () => {
      logger.info('first');
      await new Promise((resolve) => setTimeout(resolve, 5));
      addToLogContext({ jobId: 'j-1' });
      logger.child({ language: 'python' }).info('second');
    });
    logger.info('outside');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map(({ msg, requestId, jobId }) => ({ msg, requestId, jobId }))).toEqual([
      { msg: 'first', requestId: 'r-1', jobId: undefined },
      { msg: 'second', requestId: 'r-1', jobId: 'j-1' },
      { msg: 'outside', requestId: undefined, jobId: undefined },
    ]);
  });

  it('keeps concurrent contexts apart', async () => {
    const { lines, logger } = capture();
    await Promise.all(
      ['a', 'b', 'c'].map((id) =>
        withLogContext({ jobId: id }, async () => {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
          logger.info(id);
        }),
      ),
    );
    await new Promise((resolve) => setImmediate(resolve));
    for (const line of lines) expect(line.jobId).toBe(line.msg);
    expect(lines).toHaveLength(3);
  });
});
