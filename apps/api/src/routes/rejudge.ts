/** `POST /admin/rejudge` (admins only): judge finished submits again; see submissions/rejudge.ts. */
import { Router } from 'express';
import { rejudgeRequestSchema } from '@arbiter/contracts';
import { requireAdmin } from '../admin/require-admin.js';
import { requireJson } from '../http/error-handler.js';
import { parseBody } from '../http/validate.js';
import { rejudge } from '../submissions/rejudge.js';
import type { ApiResources } from '../resources.js';

export function rejudgeRoutes(resources: ApiResources): Router {
  const router = Router();

  router.post('/admin/rejudge', requireJson, async (req, res) => {
    requireAdmin(req, 'rejudge submissions');
    const body = parseBody(rejudgeRequestSchema, req.body);
    res.status(202).json(await rejudge(resources, body));
  });

  return router;
}
