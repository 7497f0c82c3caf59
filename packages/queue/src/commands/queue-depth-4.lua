-- Jobs per BullMQ state of the submissions queue and when its oldest waiting job was added, in one
-- consistent view. KEYS: wait, prioritized, active, delayed. ARGV[1]: the prefix of job hashes
-- (`<prefix>:submissions:`). The wait list is taken from its right end, so its oldest job is there (a
-- job handed back may sit at the other end: both ends are read). The prioritized set is scored
-- priority × 2³² + counter, first in first out within a priority: the first job of each priority is its
-- oldest. Fair share puts each owner's oldest waiting job within a round or two of the head, so 64
-- priorities cover them. Returns {wait, prioritized, active, delayed, oldest timestamp or -1}.
local oldest = -1
local function consider(id)
  if not id then return end
  local ts = tonumber(redis.call('HGET', ARGV[1] .. id, 'timestamp'))
  if ts and (oldest < 0 or ts < oldest) then oldest = ts end
end
consider(redis.call('LINDEX', KEYS[1], -1))
consider(redis.call('LINDEX', KEYS[1], 0))
local band = 0
for _ = 1, 64 do
  local first = redis.call('ZRANGEBYSCORE', KEYS[2], band * 4294967296, '+inf', 'LIMIT', 0, 1, 'WITHSCORES')
  if #first == 0 then break end
  consider(first[1])
  band = math.floor(tonumber(first[2]) / 4294967296) + 1
end
return {
  redis.call('LLEN', KEYS[1]),
  redis.call('ZCARD', KEYS[2]),
  redis.call('LLEN', KEYS[3]),
  redis.call('ZCARD', KEYS[4]),
  oldest,
}
