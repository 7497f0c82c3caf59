/** Every Lua script the platform runs in Redis, loaded once from `commands/` (see redis-command.ts). */
import { RedisCommand } from './redis-command.js';

export const redisCommands = {
  ackEntries: new RedisCommand('ack-entries-1'),
  appendEvent: new RedisCommand('append-event-2'),
  appendResult: new RedisCommand('append-result-4'),
  appendStdin: new RedisCommand('append-stdin-2'),
  createRecordEvent: new RedisCommand('create-record-event-3'),
  fairPriority: new RedisCommand('fair-priority-3'),
  queuePosition: new RedisCommand('queue-position-2'),
  queuePositions: new RedisCommand('queue-positions-2'),
  queueDepth: new RedisCommand('queue-depth-4'),
  releaseLock: new RedisCommand('release-lock-1'),
  updateRecord: new RedisCommand('update-record-1'),
  updateRecordEvent: new RedisCommand('update-record-event-3'),
} as const;
