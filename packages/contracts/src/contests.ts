/**
 * Contests in the HTTP API: what an organiser sends to create or change one, what the list, the
 * contest page and the scoreboard answer, clarifications and announcements. Times are ISO strings.
 */
import { z } from 'zod';

/** ICPC: solved count, then penalty minutes; IOI: the sum of each problem's best score. */
export const SCORING_RULES = ['icpc', 'ioi'] as const;
export const scoringRuleSchema = z.enum(SCORING_RULES);
export type ScoringRule = z.infer<typeof scoringRuleSchema>;

/** `public`: listed, anyone signed in registers; `invite`: not listed, registration needs the code. */
export const CONTEST_VISIBILITIES = ['public', 'invite'] as const;
export const contestVisibilitySchema = z.enum(CONTEST_VISIBILITIES);
export type ContestVisibility = z.infer<typeof contestVisibilitySchema>;

/** Where a contest is in its life, by the server's clock. */
export const CONTEST_PHASES = ['upcoming', 'running', 'ended'] as const;
export type ContestPhase = (typeof CONTEST_PHASES)[number];

export const MAX_CONTEST_PROBLEMS = 26;
/** The longest contest window, in minutes (30 days). */
export const MAX_CONTEST_MINUTES = 30 * 24 * 60;

const slug = z
  .string()
  .regex(/^[a-z0-9-]{1,64}$/, 'problem must be a slug: lowercase letters, digits and dashes');

export const contestProblemInputSchema = z.strictObject({
  /** `A`…`Z`, optionally with a digit (`A1`). */
  letter: z.string().regex(/^[A-Z][0-9]?$/, 'letter is one capital letter, optionally followed by a digit'),
  problem: slug,
  /** What a full solve is worth under IOI scoring (ICPC counts solves). */
  points: z.number().int().min(1).max(10_000).default(100),
});
export type ContestProblemInput = z.infer<typeof contestProblemInputSchema>;

const isoTime = z.iso.datetime({ offset: true, error: 'a time in ISO 8601, e.g. 2026-12-24T18:00:00Z' });

/** The fields of a contest an organiser sets; `POST /contests` needs all but the defaulted ones. */
const contestFields = {
  title: z.string().trim().min(1, 'title must not be empty').max(200),
  description: z.string().max(20_000).default(''),
  startsAt: isoTime,
  endsAt: isoTime,
  /** Set: each participant has this many minutes from when they start, within [startsAt, endsAt]. */
  durationMinutes: z.number().int().min(1).max(MAX_CONTEST_MINUTES).nullable().default(null),
  visibility: contestVisibilitySchema.default('public'),
  /** Needed to register for an `invite` contest. */
  inviteCode: z.string().min(4).max(64).nullable().default(null),
  scoring: scoringRuleSchema.default('icpc'),
  /** The public scoreboard stops showing results this many minutes before the end, until the end. */
  freezeMinutes: z.number().int().min(0).max(MAX_CONTEST_MINUTES).default(0),
  /** ICPC: minutes added per rejected try before the accepted one. */
  penaltyMinutes: z.number().int().min(0).max(1_000).default(20),
  problems: z
    .array(contestProblemInputSchema)
    .min(1, 'a contest has at least one problem')
    .max(MAX_CONTEST_PROBLEMS),
};

/** What makes a set of fields a valid contest, whether created whole or changed in part. */
export function contestIssues(contest: {
  startsAt: string;
  endsAt: string;
  durationMinutes: number | null;
  visibility: ContestVisibility;
  inviteCode: string | null;
  freezeMinutes: number;
  problems: readonly { letter: string; problem: string }[];
}): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const length = (Date.parse(contest.endsAt) - Date.parse(contest.startsAt)) / 60_000;
  if (!(length > 0)) issues.push({ path: 'endsAt', message: 'endsAt must be after startsAt' });
  else if (length > MAX_CONTEST_MINUTES)
    issues.push({ path: 'endsAt', message: `a contest lasts at most ${MAX_CONTEST_MINUTES} minutes` });
  if (contest.durationMinutes !== null && contest.durationMinutes > length)
    issues.push({ path: 'durationMinutes', message: 'durationMinutes must fit between startsAt and endsAt' });
  if (contest.freezeMinutes > length)
    issues.push({ path: 'freezeMinutes', message: 'freezeMinutes must not be longer than the contest' });
  if (contest.visibility === 'invite' && contest.inviteCode === null)
    issues.push({ path: 'inviteCode', message: 'an invite contest needs an inviteCode' });
  const letters = new Set(contest.problems.map((problem) => problem.letter));
  if (letters.size !== contest.problems.length)
    issues.push({ path: 'problems', message: 'each problem needs its own letter' });
  const slugs = new Set(contest.problems.map((problem) => problem.problem));
  if (slugs.size !== contest.problems.length)
    issues.push({ path: 'problems', message: 'a problem appears once in a contest' });
  return issues;
}

export const createContestRequestSchema = z.strictObject(contestFields).check((ctx) => {
  for (const issue of contestIssues(ctx.value))
    ctx.issues.push({ code: 'custom', input: ctx.value, path: [issue.path], message: issue.message });
});
export type CreateContestRequest = z.infer<typeof createContestRequestSchema>;

/** `PATCH /contests/:id`: any of the fields; the result must still be a valid contest. */
export const updateContestRequestSchema = z
  .strictObject({
    title: contestFields.title.optional(),
    description: z.string().max(20_000).optional(),
    startsAt: isoTime.optional(),
    endsAt: isoTime.optional(),
    durationMinutes: z.number().int().min(1).max(MAX_CONTEST_MINUTES).nullable().optional(),
    visibility: contestVisibilitySchema.optional(),
    inviteCode: z.string().min(4).max(64).nullable().optional(),
    scoring: scoringRuleSchema.optional(),
    freezeMinutes: z.number().int().min(0).max(MAX_CONTEST_MINUTES).optional(),
    penaltyMinutes: z.number().int().min(0).max(1_000).optional(),
    problems: contestFields.problems.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'give at least one field to change');
export type UpdateContestRequest = z.infer<typeof updateContestRequestSchema>;

export const contestIdSchema = z.uuid();

/** One contest in `GET /contests`. */
export const contestSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  durationMinutes: z.number().int().nullable(),
  visibility: contestVisibilitySchema,
  scoring: scoringRuleSchema,
  freezeMinutes: z.number().int(),
  penaltyMinutes: z.number().int(),
  phase: z.enum(CONTEST_PHASES),
  problemCount: z.number().int(),
  /** Whether the signed-in user is registered (false when signed out). */
  registered: z.boolean(),
});
export type ContestSummary = z.infer<typeof contestSummarySchema>;
export const contestListSchema = z.object({ contests: z.array(contestSummarySchema) });
export type ContestList = z.infer<typeof contestListSchema>;

export const contestProblemSchema = z.object({
  letter: z.string(),
  problem: z.string(),
  title: z.string(),
  points: z.number().int(),
});
export type ContestProblem = z.infer<typeof contestProblemSchema>;

/** The signed-in user's place in a contest. */
export const contestParticipationSchema = z.object({
  /** Registered after the end: takes part on their own clock, shown apart on the scoreboard. */
  virtual: z.boolean(),
  registeredAt: z.string(),
  /** When their window opened; null until it does (a duration contest: until they start). */
  windowStart: z.string().nullable(),
  /** When their window closes; null until it opens. */
  windowEnd: z.string().nullable(),
});
export type ContestParticipation = z.infer<typeof contestParticipationSchema>;

export const contestDetailSchema = contestSummarySchema.extend({
  description: z.string(),
  /** null until the contest starts, except for those who manage it. */
  problems: z.array(contestProblemSchema).nullable(),
  participation: contestParticipationSchema.nullable(),
  /** Whether the signed-in user may change the contest, answer clarifications and see the live board. */
  canManage: z.boolean(),
  /** Shown to those who manage the contest only. */
  inviteCode: z.string().nullable(),
  /** The server's time, for countdowns. */
  now: z.string(),
});
export type ContestDetail = z.infer<typeof contestDetailSchema>;

export const registerContestRequestSchema = z.strictObject({
  inviteCode: z.string().max(64).optional(),
});
export type RegisterContestRequest = z.infer<typeof registerContestRequestSchema>;

/** One cell of the scoreboard: a participant on a problem. */
export const scoreboardCellSchema = z.object({
  letter: z.string(),
  /** Judged tries that count (compile errors and platform failures do not), up to the solve. */
  attempts: z.number().int(),
  /** Tries not shown yet: still being judged, or made after the freeze. */
  pending: z.number().int(),
  solved: z.boolean(),
  /** Minutes from the participant's start to the accepted try; null unless solved. */
  solvedAtMinutes: z.number().int().nullable(),
  /** IOI: the best score; ICPC: the points when solved, else 0. */
  score: z.number(),
  /** The first (non-virtual) participant to solve this problem. */
  firstToSolve: z.boolean(),
});
export type ScoreboardCell = z.infer<typeof scoreboardCellSchema>;

export const scoreboardRowSchema = z.object({
  /** Equal results share a rank. */
  rank: z.number().int(),
  userId: z.string(),
  username: z.string(),
  virtual: z.boolean(),
  solved: z.number().int(),
  /** ICPC penalty minutes (0 under IOI). */
  penalty: z.number().int(),
  /** IOI: the sum of best scores; ICPC: the solved problems' points. */
  score: z.number(),
  /** Minutes to the last accepted try (ICPC's last tie-break); null before any. */
  lastSolveMinutes: z.number().int().nullable(),
  cells: z.array(scoreboardCellSchema),
});
export type ScoreboardRow = z.infer<typeof scoreboardRowSchema>;

/** What both forms of a board (full and compact) start with. */
const boardHead = {
  contestId: z.string(),
  scoring: scoringRuleSchema,
  /** Whether this view hides the tries made after `freezeAt`. */
  frozen: z.boolean(),
  /** When the board freezes (null: it never does). */
  freezeAt: z.string().nullable(),
};

/** A problem's column head: its letter, its points and how many solved and tried it. */
const boardProblemSchema = z.object({
  letter: z.string(),
  points: z.number().int(),
  solvedBy: z.number().int(),
  tries: z.number().int(),
});

export const scoreboardSchema = z.object({
  ...boardHead,
  problems: z.array(boardProblemSchema),
  rows: z.array(scoreboardRowSchema),
  generatedAt: z.string(),
});
export type Scoreboard = z.infer<typeof scoreboardSchema>;

/** A compact cell (scoreboard-wire.ts): null when untried, else `[attempts, pending, solvedAtMinutes]` (+ score under IOI). */
const compactCellSchema = z.union([
  z.null(),
  z.tuple([z.number().int(), z.number().int(), z.number().int().nullable()]),
  z.tuple([z.number().int(), z.number().int(), z.number().int().nullable(), z.number()]),
]);

/** The compact wire form of a board (`CompactScoreboard` in scoreboard-wire.ts), described for the API's answers. */
export const compactScoreboardSchema = z.object({
  ...boardHead,
  problems: z.array(
    boardProblemSchema.extend({
      /** The usernames marked first to solve it (ties share the mark). */
      first: z.array(z.string()),
    }),
  ),
  /** `[username, rank, virtual (0 | 1), solved, penalty, score, cells (in the problems' order)]`. */
  rows: z.array(
    z.tuple([
      z.string(),
      z.number().int(),
      z.union([z.literal(0), z.literal(1)]),
      z.number().int(),
      z.number().int(),
      z.number(),
      z.array(compactCellSchema),
    ]),
  ),
  generatedAt: z.string(),
  /** 0 over HTTP; on Socket.IO, which board of the viewer's room this is. */
  version: z.number().int(),
});

/** A participant's question, and its answer (to them, or to everyone when `public`). */
export const clarificationSchema = z.object({
  id: z.string(),
  letter: z.string().nullable(),
  question: z.string(),
  answer: z.string().nullable(),
  public: z.boolean(),
  /** The asker's username: shown to those who manage the contest, and to the asker. */
  askedBy: z.string().nullable(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
});
export type Clarification = z.infer<typeof clarificationSchema>;
export const clarificationListSchema = z.object({ clarifications: z.array(clarificationSchema) });

export const askClarificationRequestSchema = z.strictObject({
  letter: z
    .string()
    .regex(/^[A-Z][0-9]?$/)
    .nullable()
    .default(null),
  question: z.string().trim().min(1).max(2_000),
});
export const answerClarificationRequestSchema = z.strictObject({
  answer: z.string().trim().min(1).max(2_000),
  /** Shown to every participant instead of the asker alone. */
  public: z.boolean().default(false),
});

export const announcementSchema = z.object({ id: z.string(), body: z.string(), createdAt: z.string() });
export type Announcement = z.infer<typeof announcementSchema>;
export const announcementListSchema = z.object({ announcements: z.array(announcementSchema) });
export const postAnnouncementRequestSchema = z.strictObject({ body: z.string().trim().min(1).max(5_000) });

/**
 * Socket.IO: watch a contest's scoreboard. `full` (the default): `scoreboard` events with the same body as
 * the HTTP answer; `compact`: the whole board once as `scoreboardCompact`, then `scoreboardRows` with the
 * rows each change touched (scoreboard-wire.ts).
 */
export const SCOREBOARD_FORMS = ['full', 'compact'] as const;
export const watchContestRequestSchema = z.strictObject({
  contestId: z.string().max(64),
  form: z.enum(SCOREBOARD_FORMS).optional(),
});
export type WatchContestRequest = z.infer<typeof watchContestRequestSchema>;

/** `GET /contests/:id/scoreboard?form=`: `full` (the default: `scoreboardSchema`) or `compact` (`compactScoreboardSchema`). */
export const scoreboardQuerySchema = z.strictObject({ form: z.enum(SCOREBOARD_FORMS).optional() });
