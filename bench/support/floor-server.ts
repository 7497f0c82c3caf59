/**
 * The bare servers `bench:cpu-floor` measures, one per process so that its CPU is its own:
 * `http` (Express 5, one POST route that parses JSON and checks it with a small zod schema) and `socket`
 * (Socket.IO; on `emit <n>` it sends `n` events to the caller's room, one per turn of the event loop).
 * Prints `port <n>` once listening.
 *
 *   tsx bench/support/floor-server.ts http|socket
 */
import { createServer } from 'node:http';
import express from 'express';
import { Server } from 'socket.io';
import { z } from 'zod';

const Body = z.object({ language: z.string().max(32), code: z.string().max(65_536) });

const kind = process.argv[2];
const server = createServer();
if (kind === 'http') {
  const app = express();
  app.use(express.json({ limit: '128kb' }));
  app.post('/submit', (req, res) => {
    const parsed = Body.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid' });
      return;
    }
    res.status(202).json({ id: '00000000-0000-4000-8000-000000000000', status: 'queued' });
  });
  server.on('request', app);
} else if (kind === 'socket') {
  const io = new Server(server);
  io.on('connection', (socket) => {
    void socket.join('job');
    socket.on('emit', (n: unknown, done: unknown) => {
      const count = typeof n === 'number' ? Math.min(n, 100_000) : 0;
      let sent = 0;
      const next = () => {
        if (sent >= count) return;
        io.to('job').emit('result', {
          id: sent,
          status: 'completed',
          stdout: '1\n',
          timeMs: 7,
          memoryKb: 9000,
        });
        sent += 1;
        setImmediate(next);
      };
      next();
      if (typeof done === 'function') (done as () => void)();
    });
  });
} else {
  throw new Error(`unknown server ${String(kind)}`);
}
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`port ${typeof address === 'object' && address ? address.port : 0}`);
});
