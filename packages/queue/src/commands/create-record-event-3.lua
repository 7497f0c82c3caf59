-- Puts a new job's record in place and appends its first status event (`queued`, with its place) in one
-- step, where the API sent a MULTI of HSET and EXPIRE and then the event (append-event-2.lua).
-- KEYS: record, stream, meta. ARGV: status, record json, record ttl, event data, position, maxlen, ttl,
-- channel, inline. Returns the event's seq.
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'json', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
local meta = KEYS[3]
redis.call('HSET', meta, 'status', ARGV[1], 'pos', ARGV[5])
local seq = redis.call('HINCRBY', meta, 'seq', 1)
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[6], seq .. '-0', 't', 'status', 'd', ARGV[4])
redis.call('EXPIRE', KEYS[2], ARGV[7])
redis.call('EXPIRE', meta, ARGV[7])
if #ARGV[4] <= tonumber(ARGV[9]) then
  redis.call('PUBLISH', ARGV[8], seq .. '\n' .. 'status' .. '\n' .. ARGV[4])
else
  redis.call('PUBLISH', ARGV[8], seq)
end
return seq
