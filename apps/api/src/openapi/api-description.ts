/** The OpenAPI document's title, tags and introduction (the rules behind every route, and Socket.IO). */
import { SESSION_COOKIE } from '../auth/session.js';
import type { DocumentInfo } from './openapi-document.js';

const SOCKET_IO = `
## Live events (Socket.IO)

Connect with Socket.IO to the API's origin (default namespace, path \`/socket.io\`, WebSocket
transport); the session cookie rides along as on HTTP, and handshakes from foreign origins are
refused.

Client → server:

- \`subscribe {jobId, after?}\` with an acknowledgement callback: \`{ok: true}\` or
  \`{ok: false, error: {code, message}}\`. \`after\` is the last \`seq\` seen (absent: from the start).
  A connection may watch up to 50 jobs.
- \`unsubscribe {jobId}\`.

Server → client, each with \`jobId\` and \`seq\` (1, 2, 3, … per job, in order, each once per
subscription):

- \`status {status, position?, attempt?}\`: \`queued\` (with its place in the queue), \`running\`, …
- \`log {stream: compile | stdout | stderr, chunk}\`: output as it happens.
- \`test {index, verdict, timeMs, memoryKb}\`: one per test of a problem.
- \`result\`: the same object as \`GET /status/{jobId}\`; the job's last event.

After a reconnect, subscribe again with \`after\` = the last \`seq\` received.
`;

const DESCRIPTION = `Arbiter's HTTP API: run and submit code judged in a sandbox, problems, accounts and history.

JSON everywhere. Writes with a body need \`Content-Type: application/json\` (else 415); every
write that has an \`Origin\` (or \`Referer\`) needs one of the API itself or the web app (else 403
\`FORBIDDEN_ORIGIN\`). Every error is \`{"error": {"code", "message", "details?"}}\`; \`message\`
says what to change and \`details\` lists every problem when there are several.

Signing in (\`POST /auth/signup\`, \`POST /auth/login\`) sets the \`${SESSION_COOKIE}\` cookie
(HttpOnly, SameSite=Lax); browsers on the web app's origin send it with
\`credentials: 'include'\`.
${SOCKET_IO}`;

export function apiDescription(version: string): DocumentInfo {
  return {
    title: 'Arbiter API',
    version,
    summary: 'An open-source online judge.',
    description: DESCRIPTION,
    tags: [
      { name: 'Judging', description: 'Run and submit code, follow jobs.' },
      { name: 'Problems', description: 'The catalog.' },
      { name: 'Accounts', description: 'Sign-up, sign-in, sessions.' },
      { name: 'Submissions', description: "A user's history." },
      { name: 'Contests', description: 'Contests, their scoreboards, clarifications and announcements.' },
      { name: 'Classes', description: 'Classes joined with a code, assignments and the progress matrix.' },
      { name: 'Users', description: 'Public profiles.' },
      { name: 'Settings', description: "A user's editor settings." },
      { name: 'Admin', description: 'Operations views, admins only.' },
      { name: 'Operations', description: 'Health, readiness, this document.' },
    ],
  };
}
