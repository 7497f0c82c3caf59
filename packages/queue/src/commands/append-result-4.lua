-- Finishes a job in one step: unless its record is missing or already final, takes the next seq, stores
-- the record `head .. seq .. tail` (the result, its `lastSeq` being this seq) and appends the same JSON
-- as the `result` event, announced like append-event's, and hands the job to the database side: a `persist`
-- entry on the results stream, in the same step (no crash between result and hand-off loses it). Returns
-- the seq, or 0 when nothing was written.
-- KEYS: stream, meta, record, results stream.
-- ARGV: head, tail, maxlen, ttl, channel, status, record ttl, inline, job id, results maxlen.
local current = redis.call('HGET', KEYS[3], 'status')
if not current or current == 'completed' or current == 'failed' then return 0 end
local seq = redis.call('HINCRBY', KEYS[2], 'seq', 1)
local json = ARGV[1] .. seq .. ARGV[2]
redis.call('HSET', KEYS[3], 'status', ARGV[6], 'json', json)
redis.call('EXPIRE', KEYS[3], ARGV[7])
redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], seq .. '-0', 't', 'result', 'd', json)
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('EXPIRE', KEYS[2], ARGV[4])
if #json <= tonumber(ARGV[8]) then
  redis.call('PUBLISH', ARGV[5], seq .. '\n' .. 'result' .. '\n' .. json)
else
  redis.call('PUBLISH', ARGV[5], seq)
end
redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[10], '*', 't', 'persist', 'j', ARGV[9])
return seq
