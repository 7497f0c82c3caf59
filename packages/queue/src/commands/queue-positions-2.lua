-- 1-based places of many waiting jobs at once (as queue-position-2.lua for each), in one round trip: what
-- the API's position refresh asks for every queued job its sockets watch. Both keys are the queue's, so
-- one Redis Cluster slot. KEYS: wait list, prioritized set. ARGV: job ids. Returns one number per id, 0
-- for a job that is not waiting.
local len = redis.call('LLEN', KEYS[1])
local out = {}
for i = 1, #ARGV do
  local place = 0
  local index = len > 0 and redis.call('LPOS', KEYS[1], ARGV[i]) or nil
  if index then
    place = len - index
  else
    local rank = redis.call('ZRANK', KEYS[2], ARGV[i])
    if rank then place = len + rank + 1 end
  end
  out[i] = place
end
return out
