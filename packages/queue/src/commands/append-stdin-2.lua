-- Appends one record to an interactive job's input stream unless a cap or an earlier record refuses it.
-- KEYS: stream, meta. ARGV: type, record JSON, bytes, max bytes, max records, ttl.
-- Returns 'ok', or why the record was refused: 'unknown' (not an interactive job, or expired), 'closed'
-- (after a signal), 'eof' (data after end of file), 'bytes' (over the byte cap), 'records' (over the
-- record cap).
local meta = KEYS[2]
if redis.call('HEXISTS', meta, 'open') == 0 then return 'unknown' end
if redis.call('HEXISTS', meta, 'closed') == 1 then return 'closed' end
if ARGV[1] == 'data' and redis.call('HEXISTS', meta, 'eof') == 1 then return 'eof' end
local records = tonumber(redis.call('HGET', meta, 'records') or '0')
if records >= tonumber(ARGV[5]) then return 'records' end
local bytes = tonumber(redis.call('HGET', meta, 'bytes') or '0') + tonumber(ARGV[3])
if bytes > tonumber(ARGV[4]) then return 'bytes' end
redis.call('HSET', meta, 'records', records + 1, 'bytes', bytes)
if ARGV[1] == 'eof' then redis.call('HSET', meta, 'eof', 1) end
if ARGV[1] == 'signal' then redis.call('HSET', meta, 'closed', 1) end
redis.call('XADD', KEYS[1], '*', 'r', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[6])
redis.call('EXPIRE', meta, ARGV[6])
return 'ok'
