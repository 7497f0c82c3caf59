-- Appends one event to a job's stream: next seq, XADD, trim, expiry and the pub/sub announcement together.
-- KEYS: stream, meta. ARGV: type, data, maxlen, ttl, channel, status, position, refresh, inline.
-- A refresh (queue position update) is dropped unless the job is still queued and the position went
-- down, so racing API instances never make a position jump back. The announcement is `<seq>`, or
-- `<seq>\n<type>\n<data>` for data of at most `inline` bytes. Returns the seq, or -1 when dropped.
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
if #ARGV[2] <= tonumber(ARGV[9]) then
  redis.call('PUBLISH', ARGV[5], seq .. '\n' .. ARGV[1] .. '\n' .. ARGV[2])
else
  redis.call('PUBLISH', ARGV[5], seq)
end
return seq
