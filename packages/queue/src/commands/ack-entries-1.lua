-- Drops saved entries of the results stream in one step: acknowledged for the group, then deleted.
-- KEYS: results stream. ARGV: group, entry ids…
local ids = {}
for i = 2, #ARGV do ids[#ids + 1] = ARGV[i] end
redis.call('XACK', KEYS[1], ARGV[1], unpack(ids))
return redis.call('XDEL', KEYS[1], unpack(ids))
