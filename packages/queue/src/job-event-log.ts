/**
 * Per-job event streams in Redis. Every event gets the next `seq` of its job and is
 * stored as stream entry `<seq>-0`, so "everything after seq N" is one XRANGE. Appends
 * are atomic (Lua): sequence, stream, trim, expiry and the pub/sub announcement together,
 * whichever process (API or worker) writes.
 */
import type { Redis } from 'ioredis';
import type { JobEvent, JobEventBody } from '@arbiter/contracts';
import type { Keys } from './keys.js';

// KEYS: stream, meta. ARGV: type, data, maxlen, ttl, channel, status, position, refresh.
// A refresh (queue position update) is dropped unless the job is still queued and the
// position went down, so racing API instances never make a position jump back.
const APPEND_SCRIPT = `
local meta = KEYS[2]
if ARGV[8] == '1' then
  if redis.call('HGET', meta, 'status') ~= 'queued' then return -1 end
  local last = tonumber(redis.call('HGET', meta, 'pos') or '0')
  if last > 0 and tonumber(ARGV[7]) >= last then return -1 end
end
if ARGV[6] ~= '' then redis.call('HSET', meta, 'status', ARGV[6]) end
if ARGV[7] ~= '' then redis.call('HSET', meta, 'pos', ARGV[7]) end
local seq = redis.call('HINCRBY', meta, 'seq', 1)
redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], seq .. '-0', 't', ARGV[1], 'd', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('EXPIRE', meta, ARGV[4])
redis.call('PUBLISH', ARGV[5], seq)
return seq
`;

export interface JobEventLogOptions {
  redis: Redis;
  keys: Keys;
  /**
   * Events kept per job; older ones are trimmed.
   * @defaultValue 10000
   */
  maxLength?: number;
  /**
   * Seconds a stream lives after its last append.
   * @defaultValue 3600
   */
  ttlSeconds?: number;
}

export class JobEventLog {
  private readonly redis: Redis;
  private readonly keys: Keys;
  private readonly maxLength: number;
  private readonly ttlSeconds: number;

  constructor(options: JobEventLogOptions) {
    this.redis = options.redis;
    this.keys = options.keys;
    this.maxLength = options.maxLength ?? 10_000;
    this.ttlSeconds = options.ttlSeconds ?? 3600;
  }

  /** Appends one event; returns its `seq`. */
  async append(jobId: string, body: JobEventBody): Promise<number> {
    const seq = await this.write(jobId, body, false);
    if (seq === null) throw new Error(`event for job ${jobId} was not appended`);
    return seq;
  }

  /**
   * Appends a `queued` status with a new queue position, unless the job has left the
   * queue or the position did not go down. Returns the `seq`, or null when skipped.
   */
  async refreshPosition(jobId: string, position: number): Promise<number | null> {
    return this.write(jobId, { type: 'status', data: { status: 'queued', position } }, true);
  }

  /** Events with `seq` greater than `after`, oldest first, at most `count`. */
  async readAfter(jobId: string, after: number, count = 500): Promise<JobEvent[]> {
    const start = after > 0 ? `(${after}-0` : '-';
    const entries = await this.redis.xrange(this.keys.events(jobId), start, '+', 'COUNT', count);
    return entries.map(([id, fields]) => decodeEntry(jobId, id, fields));
  }

  /** Last `seq` appended for the job (0 if none or expired). */
  async lastSeq(jobId: string): Promise<number> {
    const seq = await this.redis.hget(this.keys.eventMeta(jobId), 'seq');
    return seq === null ? 0 : Number(seq);
  }

  channel(jobId: string): string {
    return this.keys.eventChannel(jobId);
  }

  private async write(jobId: string, body: JobEventBody, refresh: boolean): Promise<number | null> {
    const status = body.type === 'status' ? body.data.status : '';
    const position =
      body.type === 'status' && body.data.position !== undefined ? String(body.data.position) : '';
    const seq = await this.redis.eval(
      APPEND_SCRIPT,
      2,
      this.keys.events(jobId),
      this.keys.eventMeta(jobId),
      body.type,
      JSON.stringify(body.data),
      this.maxLength,
      this.ttlSeconds,
      this.keys.eventChannel(jobId),
      status,
      position,
      refresh ? '1' : '0',
    );
    return typeof seq === 'number' && seq > 0 ? seq : null;
  }
}

function decodeEntry(jobId: string, id: string, fields: string[]): JobEvent {
  let type = '';
  let data = '';
  for (let i = 0; i + 1 < fields.length; i += 2) {
    if (fields[i] === 't') type = fields[i + 1] ?? '';
    else if (fields[i] === 'd') data = fields[i + 1] ?? '';
  }
  const seq = Number(id.slice(0, id.indexOf('-')));
  // Entries are written only by JobEventLog.append, from already-validated payloads.
  return { type, data: JSON.parse(data), jobId, seq } as JobEvent;
}
