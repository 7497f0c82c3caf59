/** `POST /submit` and `GET /status/:jobId`. */
import { Router } from 'express';
import { jobIdSchema, submitRequestSchema, type JobResult, type SubmitResponse } from '@arbiter/contracts';
import { queuePosition } from '@arbiter/queue';
import { notFound } from '../http/http-error.js';
import { requireJson } from '../http/error-handler.js';
import { parseBody } from '../http/validate.js';
import { acceptSubmission } from '../submissions/accept-submission.js';
import type { ApiResources } from '../resources.js';

/** `GET /status` adds the live queue position to a queued job's record. */
export type StatusResponse = JobResult & { position?: number };

export function submissionRoutes(resources: ApiResources): Router {
  const router = Router();

  router.post('/submit', requireJson, async (req, res) => {
    const body = parseBody(submitRequestSchema, req.body);
    const jobId = await acceptSubmission(resources, body);
    const answer: SubmitResponse = { jobId };
    res.status(202).location(`/status/${jobId}`).json(answer);
  });

  router.get('/status/:jobId', async (req, res) => {
    const jobId = req.params.jobId;
    const record = jobIdSchema.safeParse(jobId).success ? await resources.store.get(jobId) : null;
    if (record === null)
      throw notFound(`No job with id "${jobId}". Ids come from POST /submit; results expire after a day.`);
    const answer: StatusResponse = { ...record };
    if (record.status === 'queued') {
      const position = await queuePosition(resources.redis, resources.prefix, jobId);
      if (position !== null) answer.position = position;
    }
    res.json(answer);
  });

  return router;
}
