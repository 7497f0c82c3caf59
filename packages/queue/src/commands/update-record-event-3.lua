-- Moves an unfinished job on and says so in one step: unless its record is missing or already final
-- (completed, failed), stores the record's next state (as update-record-1.lua); then, either way, appends
-- the job's status event (as append-event-2.lua, never a refresh). One round trip where a worker taking,
-- retrying or handing back a job sent two. KEYS: record, stream, meta. ARGV: status, record json, record
-- ttl, event data, maxlen, ttl, channel, inline. Returns {1 if the record was written else 0, seq}.
local written = 0
local current = redis.call('HGET', KEYS[1], 'status')
if current and current ~= 'completed' and current ~= 'failed' then
  redis.call('HSET', KEYS[1], 'status', ARGV[1], 'json', ARGV[2])
  redis.call('EXPIRE', KEYS[1], ARGV[3])
  written = 1
end
local meta = KEYS[3]
redis.call('HSET', meta, 'status', ARGV[1])
local seq = redis.call('HINCRBY', meta, 'seq', 1)
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[5], seq .. '-0', 't', 'status', 'd', ARGV[4])
redis.call('EXPIRE', KEYS[2], ARGV[6])
redis.call('EXPIRE', meta, ARGV[6])
if #ARGV[4] <= tonumber(ARGV[8]) then
  redis.call('PUBLISH', ARGV[7], seq .. '\n' .. 'status' .. '\n' .. ARGV[4])
else
  redis.call('PUBLISH', ARGV[7], seq)
end
return {written, seq}
