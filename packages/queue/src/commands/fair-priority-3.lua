-- The BullMQ priority of a new job under fair share (see fair-share.ts for the scheme).
-- KEYS: prioritized set, wait list, fair-share hash. ARGV: owner, class, MAX_TAG, MAX_OWNERS.
-- Returns {priority, waiting}: waiting is how many jobs a job of that priority would wait behind now, every
-- plain job (the wait list) and the prioritized ones of the same or a higher priority (BullMQ scores the
-- set priority × 2^32 + counter), read here rather than by a LLEN and a ZCOUNT of their own.
-- The field '@v' holds V; an owner's last tag of class c is the field '<c>|<owner>'.
local head = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
local v = 0
if head[2] == nil then
  if redis.call('LLEN', KEYS[2]) == 0 then redis.call('DEL', KEYS[3]) end
  v = tonumber(redis.call('HGET', KEYS[3], '@v') or '0')
else
  local priority = math.floor(tonumber(head[2]) / 4294967296)
  local served = math.floor((priority - 1) / 3) - 1
  v = math.max(tonumber(redis.call('HGET', KEYS[3], '@v') or '0'), served)
end
if redis.call('HLEN', KEYS[3]) > tonumber(ARGV[4]) * 3 then redis.call('DEL', KEYS[3]) end
local class = tonumber(ARGV[2])
local maxTag = tonumber(ARGV[3])
local own = class .. '|' .. ARGV[1]
local tag = math.min(math.max(v, tonumber(redis.call('HGET', KEYS[3], own) or '0')) + 1, maxTag)
redis.call('HSET', KEYS[3], own, tag, '@v', v)
for later = class + 1, 2 do
  local field = later .. '|' .. ARGV[1]
  if tonumber(redis.call('HGET', KEYS[3], field) or '0') < tag then redis.call('HSET', KEYS[3], field, tag) end
end
local priority = 1 + 3 * tag + class
local below = string.format('%.0f', (priority + 1) * 4294967296)
local waiting = redis.call('LLEN', KEYS[2]) + redis.call('ZCOUNT', KEYS[1], 0, '(' .. below)
return {priority, waiting}
