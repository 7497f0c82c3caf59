-- Deletes a lock only when it still holds the caller's token (a lock that expired and was taken by
-- another process is left alone). KEYS: the lock. ARGV: the token. Returns 1 when deleted, else 0.
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
