/**
 * The schemas of the API's own bodies, named as the OpenAPI document lists them: those of
 * packages/contracts, and those of answers whose shapes live in the routes (health, readiness,
 * history, runtime distribution, status with its queue position). The integration tests check
 * real answers against them.
 */
import { z } from 'zod';
import {
  programSourceFileSchema,
  adminAccountResponseSchema,
  adminSubmissionPageSchema,
  adminSubmissionsExportQuerySchema,
  adminSubmissionsQuerySchema,
  adminUserPageSchema,
  adminUsersQuerySchema,
  resetPasswordRequestSchema,
  resetPasswordResponseSchema,
  setDisabledRequestSchema,
  adminWorkersResponseSchema,
  editorSettingsSchema,
  editorSettingsResponseSchema,
  apiTokenListSchema,
  createApiTokenRequestSchema,
  createdApiTokenSchema,
  announcementListSchema,
  announcementSchema,
  answerClarificationRequestSchema,
  askClarificationRequestSchema,
  clarificationListSchema,
  clarificationSchema,
  contestDetailSchema,
  assignmentSchema,
  classDetailSchema,
  classListSchema,
  classMemberListSchema,
  createAssignmentRequestSchema,
  createClassRequestSchema,
  joinClassRequestSchema,
  progressMatrixSchema,
  updateAssignmentRequestSchema,
  contestListSchema,
  createContestRequestSchema,
  postAnnouncementRequestSchema,
  registerContestRequestSchema,
  scoreboardSchema,
  compactScoreboardSchema,
  updateContestRequestSchema,
  importedProblemListSchema,
  importedProblemDetailSchema,
  verifyProblemResponseSchema,
  importProblemResponseSchema,
  updateProblemRequestSchema,
  updateProblemResponseSchema,
  authResponseSchema,
  jobResultSchema,
  jobStatusSchema,
  languageIdSchema,
  languageInfoSchema,
  loginRequestSchema,
  problemDetailSchema,
  referenceSolutionListSchema,
  problemSummarySchema,
  queueDashboardListSchema,
  rejudgeRequestSchema,
  rejudgeResponseSchema,
  setRoleRequestSchema,
  setRoleResponseSchema,
  signupRequestSchema,
  submissionModeSchema,
  submitBatchRequestSchema,
  submitBatchResponseSchema,
  submitRequestSchema,
  submitResponseSchema,
  testResultSchema,
  verdictSchema,
  userProfileSchema,
  similarityReportSchema,
  similarityRequestSchema,
  similarityStartedSchema,
} from '@arbiter/contracts';
import { answerSchema, requestSchema } from './components.js';

export const SubmitRequest = requestSchema('SubmitRequest', submitRequestSchema);
export const SubmitBatchRequest = requestSchema('SubmitBatchRequest', submitBatchRequestSchema);
export const SignupRequest = requestSchema('SignupRequest', signupRequestSchema);
export const LoginRequest = requestSchema('LoginRequest', loginRequestSchema);
export const RejudgeRequest = requestSchema('RejudgeRequest', rejudgeRequestSchema);

export const SubmitResponse = answerSchema('SubmitResponse', submitResponseSchema);
export const SubmitBatchResponse = answerSchema('SubmitBatchResponse', submitBatchResponseSchema);
export const JobResult = answerSchema('JobResult', jobResultSchema);
answerSchema('TestResult', testResultSchema);
export const LanguageInfo = answerSchema('LanguageInfo', languageInfoSchema);
export const LanguageList = answerSchema('LanguageList', z.array(languageInfoSchema));
export const ProblemSummary = answerSchema('ProblemSummary', problemSummarySchema);
export const ProblemList = answerSchema('ProblemList', z.array(problemSummarySchema));
export const ProblemDetail = answerSchema('ProblemDetail', problemDetailSchema);
export const ReferenceSolutionList = answerSchema('ReferenceSolutionList', referenceSolutionListSchema);
export const AuthResponse = answerSchema('AuthResponse', authResponseSchema);
export const AdminWorkers = answerSchema('AdminWorkers', adminWorkersResponseSchema);
export const QueueDashboardList = answerSchema('QueueDashboardList', queueDashboardListSchema);
export const RejudgeResponse = answerSchema('RejudgeResponse', rejudgeResponseSchema);
export const SetRoleRequest = requestSchema('SetRoleRequest', setRoleRequestSchema);
export const SetRoleResponse = answerSchema('SetRoleResponse', setRoleResponseSchema);
export const CreateContestRequest = requestSchema('CreateContestRequest', createContestRequestSchema);
export const UpdateContestRequest = requestSchema('UpdateContestRequest', updateContestRequestSchema);
export const RegisterContestRequest = requestSchema('RegisterContestRequest', registerContestRequestSchema);
export const AskClarificationRequest = requestSchema(
  'AskClarificationRequest',
  askClarificationRequestSchema,
);
export const AnswerClarificationRequest = requestSchema(
  'AnswerClarificationRequest',
  answerClarificationRequestSchema,
);
export const PostAnnouncementRequest = requestSchema(
  'PostAnnouncementRequest',
  postAnnouncementRequestSchema,
);
export const ContestDetail = answerSchema('ContestDetail', contestDetailSchema);
export const ContestListSchema = answerSchema('ContestList', contestListSchema);
export const ScoreboardSchema = answerSchema('Scoreboard', scoreboardSchema);
export const CompactScoreboardSchema = answerSchema('CompactScoreboard', compactScoreboardSchema);
export const Clarification = answerSchema('Clarification', clarificationSchema);
export const ClarificationList = answerSchema('ClarificationList', clarificationListSchema);
export const Announcement = answerSchema('Announcement', announcementSchema);
export const AnnouncementList = answerSchema('AnnouncementList', announcementListSchema);
export const CreateClassRequest = requestSchema('CreateClassRequest', createClassRequestSchema);
export const JoinClassRequest = requestSchema('JoinClassRequest', joinClassRequestSchema);
export const CreateAssignmentRequest = requestSchema(
  'CreateAssignmentRequest',
  createAssignmentRequestSchema,
);
export const UpdateAssignmentRequest = requestSchema(
  'UpdateAssignmentRequest',
  updateAssignmentRequestSchema,
);
export const ClassDetail = answerSchema('ClassDetail', classDetailSchema);
export const ClassListSchema = answerSchema('ClassList', classListSchema);
export const ClassMemberList = answerSchema('ClassMemberList', classMemberListSchema);
export const AssignmentSchema = answerSchema('Assignment', assignmentSchema);
export const ProgressMatrixSchema = answerSchema('ProgressMatrix', progressMatrixSchema);

export const AdminSubmissionsQuery = adminSubmissionsQuerySchema;
export const AdminSubmissionsExportQuery = adminSubmissionsExportQuerySchema;
export const AdminSubmissionPage = answerSchema('AdminSubmissionPage', adminSubmissionPageSchema);
export const AdminUsersQuery = adminUsersQuerySchema;
export const AdminUserPage = answerSchema('AdminUserPage', adminUserPageSchema);
export const SetDisabledRequest = requestSchema('SetDisabledRequest', setDisabledRequestSchema);
export const AdminAccountResponse = answerSchema('AdminAccountResponse', adminAccountResponseSchema);
export const ResetPasswordRequest = requestSchema('ResetPasswordRequest', resetPasswordRequestSchema);
export const ResetPasswordResponse = answerSchema('ResetPasswordResponse', resetPasswordResponseSchema);
export const ImportProblemResponse = answerSchema('ImportProblemResponse', importProblemResponseSchema);
export const ImportedProblemList = answerSchema('ImportedProblemList', importedProblemListSchema);
export const ImportedProblemDetail = answerSchema('ImportedProblemDetail', importedProblemDetailSchema);
export const VerifyProblemResponse = answerSchema('VerifyProblemResponse', verifyProblemResponseSchema);
export const UpdateProblemRequest = requestSchema('UpdateProblemRequest', updateProblemRequestSchema);
export const UpdateProblemResponse = answerSchema('UpdateProblemResponse', updateProblemResponseSchema);

export const UserProfile = answerSchema('UserProfile', userProfileSchema);
export const EditorSettings = requestSchema('EditorSettings', editorSettingsSchema);
export const EditorSettingsResponse = answerSchema('EditorSettingsResponse', editorSettingsResponseSchema);
export const ApiTokenList = answerSchema('ApiTokenList', apiTokenListSchema);
export const CreateApiTokenRequest = requestSchema('CreateApiTokenRequest', createApiTokenRequestSchema);
export const CreatedApiToken = answerSchema('CreatedApiToken', createdApiTokenSchema);

export const healthSchema = answerSchema('Health', z.object({ status: z.literal('ok') }));

const dependencyState = z.enum(['ok', 'unreachable']);
export const readinessSchema = answerSchema(
  'Readiness',
  z.object({
    status: z.enum(['ready', 'not ready']),
    redis: dependencyState,
    database: dependencyState,
  }),
);

/** `GET /status/:jobId`: the job record, plus its place in the queue while queued. */
export const jobStatusAnswerSchema = answerSchema(
  'JobStatus',
  jobResultSchema.extend({
    /** 1-based place in the queue, only while `queued`. */
    position: z.number().int().positive().optional(),
  }),
);

export const runtimeDistributionSchema = answerSchema(
  'RuntimeDistribution',
  z.object({
    /** Accepted submits counted (the sum of the buckets' counts). */
    total: z.number().int().nonnegative(),
    /** Equal-width, contiguous, ascending; empty when there is no accepted submit. */
    buckets: z.array(
      z.object({
        fromMs: z.number(),
        toMs: z.number(),
        count: z.number().int().nonnegative(),
      }),
    ),
  }),
);

/** One row of `GET /submissions`. */
export const submissionSummarySchema = z.object({
  id: z.string(),
  /** null: a free run (the playground). */
  problemSlug: z.string().nullable(),
  language: languageIdSchema,
  mode: submissionModeSchema,
  status: jobStatusSchema,
  verdict: verdictSchema.nullable(),
  timeMs: z.number().nullable(),
  memoryKb: z.number().nullable(),
  testsPassed: z.number().int().nullable(),
  testsTotal: z.number().int().nullable(),
  /** The submission this one judges again (an admin's rejudge); null: an original. */
  rejudgeOf: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const submissionPageSchema = answerSchema(
  'SubmissionPage',
  z.object({
    items: z.array(submissionSummarySchema),
    /** Pass back as `cursor` for the next page; null on the last one. */
    nextCursor: z.string().nullable(),
  }),
);

/** `GET /submissions/:id`: the row with its code and, once finished, its result. */
export const submissionDetailSchema = answerSchema(
  'SubmissionDetail',
  submissionSummarySchema.extend({
    code: z.string(),
    /** A program sent as files: every file, the entry (whose text is `code`) first; absent: sent as `code`. */
    files: z.array(programSourceFileSchema).optional(),
    result: jobResultSchema.nullable(),
  }),
);
export const SimilarityRequest = requestSchema('SimilarityRequest', similarityRequestSchema);
export const SimilarityStarted = answerSchema('SimilarityStarted', similarityStartedSchema);
export const SimilarityReport = answerSchema('SimilarityReport', similarityReportSchema);
