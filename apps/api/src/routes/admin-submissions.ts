/**
 * Everyone's submissions, for admins and organisers (teachers): `GET /admin/submissions` (filters by
 * user, problem, verdict and language; newest first; cursor pages) and `GET /admin/submissions.csv`
 * (every row the filters match, streamed, at most CSV_EXPORT_MAX_ROWS). Rejudging stays admin-only
 * (`POST /admin/rejudge`).
 */
import type { Response } from 'express';
import {
  CSV_EXPORT_MAX_ROWS,
  type AdminSubmission,
  type AdminSubmissionFilters,
  type AdminSubmissionPage,
} from '@arbiter/contracts';
import {
  InvalidCursorError,
  MAX_EXPORT_BATCH,
  type AdminSubmissionSummary,
  type ListAllSubmissionsQuery,
} from '@arbiter/db';
import { csvLine } from '../admin/csv.js';
import { ORGANISER } from '../auth/access.js';
import { HttpError } from '../http/http-error.js';
import { defineRoute, type RouteSpec } from '../http/route.js';
import {
  AdminSubmissionPage as AdminSubmissionPageSchema,
  AdminSubmissionsExportQuery,
  AdminSubmissionsQuery,
} from '../openapi/http-schemas.js';
import type { ApiResources } from '../resources.js';
import { submissionSummaryView } from '../submissions/submission-view.js';

function view(row: AdminSubmissionSummary): AdminSubmission {
  return { ...submissionSummaryView(row), username: row.username };
}

const CSV_HEADER = [
  'id',
  'created_at',
  'username',
  'problem',
  'language',
  'mode',
  'status',
  'verdict',
  'tests_passed',
  'tests_total',
  'time_ms',
  'memory_kb',
  'rejudge_of',
];

function csvRow(row: AdminSubmissionSummary): string {
  return csvLine([
    row.id,
    row.createdAt.toISOString(),
    row.username,
    row.problemSlug,
    row.language,
    row.mode,
    row.status,
    row.verdict,
    row.testsPassed,
    row.testsTotal,
    row.timeMs,
    row.memoryKb,
    row.rejudgeOf,
  ]);
}

type Filters = Omit<ListAllSubmissionsQuery, 'cursor' | 'limit'>;

const ACTION = "see everyone's submissions";

export function adminSubmissionRoutes(resources: Pick<ApiResources, 'db' | 'logger'>): RouteSpec[] {
  const { db } = resources;

  /** The filters as the repository takes them; null when `user` names no account (nothing matches). */
  async function filtersOf(query: AdminSubmissionFilters): Promise<Filters | null> {
    let userId: string | undefined;
    if (query.user !== undefined) {
      const user = await db.users.findUserByUsername(query.user);
      if (user === null) return null;
      userId = user.id;
    }
    return { userId, problem: query.problem, verdict: query.verdict, language: query.language };
  }

  return [
    defineRoute({
      method: 'get',
      path: '/admin/submissions',
      tag: 'Admin',
      summary: "Everyone's runs and submissions, newest first",
      description:
        'Admins and organisers. Filters combine; `user` is a username (an unknown one matches nothing). ' +
        'Open one with `GET /submissions/:id`.',
      access: ORGANISER,
      action: ACTION,
      query: AdminSubmissionsQuery,
      responses: {
        200: { description: 'One page.', body: AdminSubmissionPageSchema },
        400: {
          description: 'A filter is invalid, or the cursor is not one this API gave out.',
          errors: ['INVALID_REQUEST'],
        },
      },
      handle: async ({ query }, _req, res) => {
        const filters = await filtersOf(query);
        let answer: AdminSubmissionPage = { items: [], nextCursor: null };
        if (filters !== null) {
          try {
            const page = await db.submissions.listAll({
              ...filters,
              cursor: query.cursor,
              limit: query.limit,
            });
            answer = { items: page.items.map(view), nextCursor: page.nextCursor };
          } catch (error) {
            if (error instanceof InvalidCursorError)
              throw new HttpError(
                400,
                'INVALID_REQUEST',
                'cursor: not one this API gave out; start again without it.',
              );
            throw error;
          }
        }
        res.set('Cache-Control', 'no-store').json(answer);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/admin/submissions.csv',
      tag: 'Admin',
      summary: "Everyone's submissions as CSV",
      description:
        `The same filters as \`GET /admin/submissions\`, every matching row newest first, at most ${CSV_EXPORT_MAX_ROWS} ` +
        "(then a last line says so). Streamed; cells a spreadsheet would read as formulas start with `'`.",
      access: ORGANISER,
      action: ACTION,
      query: AdminSubmissionsExportQuery,
      responses: {
        200: {
          description: 'A header line, then one line per submission.',
          media: { type: 'text/csv', schema: { type: 'string' } },
        },
        400: { description: 'A filter is invalid.', errors: ['INVALID_REQUEST'] },
      },
      handle: async ({ query }, _req, res) => {
        const filters = await filtersOf(query);
        const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '-');
        res.status(200).set({
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="submissions-${stamp}.csv"`,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        });
        await streamCsv(res, filters, db, resources.logger);
      },
    }),
  ];
}

/** Writes the export batch by batch (one indexed page query each), waiting when the client reads slowly. */
async function streamCsv(
  res: Response,
  filters: Filters | null,
  db: ApiResources['db'],
  logger: ApiResources['logger'],
): Promise<void> {
  await write(res, csvLine(CSV_HEADER));
  if (filters === null) {
    res.end();
    return;
  }
  let cursor: string | null = null;
  let written = 0;
  try {
    do {
      const page = await db.submissions.listAll({
        ...filters,
        cursor,
        limit: Math.min(MAX_EXPORT_BATCH, CSV_EXPORT_MAX_ROWS - written),
      });
      if (res.destroyed) return;
      await write(res, page.items.map(csvRow).join(''));
      written += page.items.length;
      cursor = page.nextCursor;
    } while (cursor !== null && written < CSV_EXPORT_MAX_ROWS);
    if (cursor !== null)
      await write(res, csvLine([`# stopped at ${CSV_EXPORT_MAX_ROWS} rows; narrow the filters`]));
    res.end();
  } catch (error) {
    // The status line is sent: all that is left is to cut the download short, which the client sees.
    logger.error({ err: error }, 'CSV export failed');
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

function write(res: Response, chunk: string): Promise<void> {
  if (chunk === '' || res.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
