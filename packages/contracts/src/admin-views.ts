/**
 * The teacher's views: everyone's submissions (`GET /admin/submissions`, its CSV export) and the
 * account list with its actions (`GET /admin/users`, disable, reset password). Queries, bodies and
 * answers, shared by the API and the web app.
 */
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, userRoleSchema } from './auth.js';
import { submissionModeSchema } from './submission.js';
import { VERDICTS, jobStatusSchema, verdictSchema } from './verdicts.js';

/** Rows per page of the admin lists, at most. */
export const ADMIN_PAGE_MAX = 100;
/** Rows a CSV export writes at most; the last line says when it stopped there. */
export const CSV_EXPORT_MAX_ROWS = 50_000;

const slug = z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be a slug');
const cursor = z.string().max(200).optional().describe('`nextCursor` of the previous page.');
const limit = z.coerce.number().int().min(1).max(ADMIN_PAGE_MAX).default(50).describe('Rows per page.');

/** Filters of everyone's submissions (the list and the CSV export). */
export const adminSubmissionFiltersSchema = z.object({
  user: z.string().min(1).max(64).optional().describe('Only this account (its username, any case).'),
  problem: slug.optional().describe('Only this problem.'),
  verdict: z.enum(VERDICTS).optional().describe('Only this verdict.'),
  language: z
    .string()
    .regex(/^[a-z0-9+#.-]{1,32}$/, 'must be a language id')
    .optional()
    .describe('Only this language.'),
});
export type AdminSubmissionFilters = z.infer<typeof adminSubmissionFiltersSchema>;

export const adminSubmissionsQuerySchema = adminSubmissionFiltersSchema.extend({ cursor, limit }).strict();
export type AdminSubmissionsQuery = z.infer<typeof adminSubmissionsQuerySchema>;

export const adminSubmissionsExportQuerySchema = adminSubmissionFiltersSchema.strict();

/** One of everyone's submissions: who made it, what, and how it went (no code). */
export const adminSubmissionSchema = z.object({
  id: z.string(),
  /** null: anonymous, or the account was deleted. */
  username: z.string().nullable(),
  /** null: a free run (the playground). */
  problemSlug: z.string().nullable(),
  language: z.string(),
  mode: submissionModeSchema,
  status: jobStatusSchema,
  verdict: verdictSchema.nullable(),
  /** CPU time, in ms. */
  timeMs: z.number().nullable(),
  /** Peak memory, in KiB. */
  memoryKb: z.number().nullable(),
  testsPassed: z.number().int().nullable(),
  testsTotal: z.number().int().nullable(),
  rejudgeOf: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type AdminSubmission = z.infer<typeof adminSubmissionSchema>;

export const adminSubmissionPageSchema = z.object({
  items: z.array(adminSubmissionSchema),
  /** Pass back as `cursor` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
});
export type AdminSubmissionPage = z.infer<typeof adminSubmissionPageSchema>;

/** Filters of the account list. */
export const adminUsersQuerySchema = z
  .object({
    search: z.string().max(64).optional().describe('Part of the username (any case).'),
    role: userRoleSchema.optional().describe('Only this role.'),
    disabled: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional()
      .describe('`true`: disabled accounts only; `false`: enabled ones only.'),
    cursor,
    limit,
  })
  .strict();

/** An account as admins see it (never the password hash). */
export const adminAccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: userRoleSchema,
  createdAt: z.string(),
  /** When it was disabled; null: enabled. */
  disabledAt: z.string().nullable(),
});
export type AdminAccount = z.infer<typeof adminAccountSchema>;

export const adminUserSchema = adminAccountSchema.extend({
  /** Runs and submits the account made. */
  submissions: z.number().int().nonnegative(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

export const adminUserPageSchema = z.object({
  items: z.array(adminUserSchema),
  nextCursor: z.string().nullable(),
});
export type AdminUserPage = z.infer<typeof adminUserPageSchema>;

/** `PUT /admin/users/:username/disabled`. */
export const setDisabledRequestSchema = z.strictObject({
  disabled: z.boolean({ error: 'disabled is required: true or false' }),
});
export type SetDisabledRequest = z.infer<typeof setDisabledRequestSchema>;

/** The account after a change (disabled, password reset). */
export const adminAccountResponseSchema = z.object({ user: adminAccountSchema });
export type AdminAccountResponse = z.infer<typeof adminAccountResponseSchema>;

/** `POST /admin/users/:username/password`: the new password, or none to have one generated. */
export const resetPasswordRequestSchema = z.strictObject({
  password: z
    .string()
    .check((ctx) => {
      const length = [...ctx.value].length;
      if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH)
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          message: `Use ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.`,
        });
    })
    .optional()
    .describe('Omitted: the server generates one and answers it, once.'),
});
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

export const resetPasswordResponseSchema = z.object({
  user: adminAccountSchema,
  /** The generated password, shown this once; absent when the request gave one. */
  password: z.string().optional(),
  /** Sessions of the account that ended (it signs in again with the new password). */
  sessionsEnded: z.number().int().nonnegative(),
  /** Personal access tokens of the account that were revoked with the old password. */
  tokensRevoked: z.number().int().nonnegative(),
});
export type ResetPasswordResponse = z.infer<typeof resetPasswordResponseSchema>;
