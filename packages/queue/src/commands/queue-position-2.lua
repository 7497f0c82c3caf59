-- 1-based place of a waiting job: plain jobs (the wait list, taken from its right end) go before
-- prioritized ones (the prioritized sorted set). Returns 0 when the job is not waiting.
-- KEYS: wait list, prioritized set. ARGV: job id.
local len = redis.call('LLEN', KEYS[1])
local index = redis.call('LPOS', KEYS[1], ARGV[1])
if index then return len - index end
local rank = redis.call('ZRANK', KEYS[2], ARGV[1])
if rank then return len + rank + 1 end
return 0
