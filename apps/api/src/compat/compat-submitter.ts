/**
 * Who a Judge0 or Piston submission belongs to: the signed-in user of the request's session cookie
 * (the job is then theirs: in their history, counted in their fair share of the queue), or nobody
 * (an anonymous job, counted against the client's address), as for `POST /submit`'s free runs.
 */
import type { Request } from 'express';
import { clientOwner, userOwner, type QueueOwner } from '@arbiter/queue';
import { clientKey } from '../http/client-address.js';

export interface CompatSubmitter {
  userId: string | null;
  owner: QueueOwner;
}

export function compatSubmitter(req: Request): CompatSubmitter {
  const user = req.user ?? null;
  return user === null
    ? { userId: null, owner: clientOwner(clientKey(req)) }
    : { userId: user.id, owner: userOwner(user.id) };
}
