-- Stores an unfinished job record's next state: unless the record is missing or already final (completed,
-- failed), sets its status and JSON and renews its expiry. KEYS: record. ARGV: status, json, ttl.
-- Returns 1 if written, 0 if not.
local current = redis.call('HGET', KEYS[1], 'status')
if not current or current == 'completed' or current == 'failed' then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'json', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1
