/** `POST /submit` and `GET /status/:jobId`. */
import { Router } from 'express';
import { jobIdSchema, submitRequestSchema, type SubmitResponse } from '@arbiter/contracts';
import { notFound } from '../http/http-error.js';
import { requireJson } from '../http/error-handler.js';
import { parseBody } from '../http/validate.js';
import { acceptSubmission } from '../submissions/accept-submission.js';
import { readStatus } from '../submissions/read-status.js';
import { canAccess } from '../submissions/job-access.js';
import { requireUser } from '../auth/session.js';
import type { ApiResources } from '../resources.js';

export function submissionRoutes(resources: ApiResources): Router {
  const router = Router();

  router.post('/submit', requireJson, async (req, res) => {
    const body = parseBody(submitRequestSchema, req.body);
    const user = body.mode === 'submit' ? requireUser(req, 'submit a solution') : (req.user ?? null);
    const jobId = await acceptSubmission(resources, body, { userId: user?.id ?? null });
    const answer: SubmitResponse = { jobId };
    res.status(202).location(`/status/${jobId}`).json(answer);
  });

  router.get('/status/:jobId', async (req, res) => {
    const jobId = req.params.jobId;
    const answer = jobIdSchema.safeParse(jobId).success ? await readStatus(resources, jobId) : null;
    if (answer === null || !canAccess(req.user, answer.userId)) {
      throw notFound(`No job with id "${jobId}". Ids come from POST /submit.`);
    }
    res.json(answer);
  });

  return router;
}
