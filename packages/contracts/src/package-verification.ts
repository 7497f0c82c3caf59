/**
 * Verifying an imported package on import: its labelled submissions judged by a worker in the sandbox,
 * each with the verdicts its label allows and the one it got, and the time limit the run settled on.
 */
import { z } from 'zod';
import { languageIdSchema } from './languages.js';
import { verdictSchema } from './verdicts.js';

/** A test case's verdict as `submissions.yaml` names it. */
export const caseVerdictSchema = z.enum(['AC', 'WA', 'TLE', 'RTE']);

/** One rule of `submissions/submissions.yaml` a submission was checked against, and whether it held. */
export const expectationCheckSchema = z.object({
  /** The key that gave it, with the test data glob when it has one (`mixed/* secret/group1`). */
  pattern: z.string(),
  permitted: z.array(caseVerdictSchema).optional(),
  required: z.array(caseVerdictSchema).optional(),
  score: z.tuple([z.number(), z.number()]).optional(),
  ok: z.boolean(),
});
export type ExpectationCheck = z.infer<typeof expectationCheckSchema>;

/** One submission of `submissions/`: what its label (or DOMjudge header) allows and what it got. */
export const verifiedSubmissionSchema = z.object({
  /** `submissions/accepted/sol.cpp`, or the folder of a multi-file submission. */
  path: z.string(),
  /** Its folder's name (`accepted`, `wrong_answer`, `mixed-verdicts`, ...; empty directly in `submissions/`). */
  label: z.string(),
  /** The language it was judged in; null: none the workers offer (not judged). */
  language: languageIdSchema.nullable(),
  /** The verdicts that satisfy its label (an `@EXPECTED_RESULTS@` header replaces the folder's). */
  expected: z.array(verdictSchema),
  /** The verdict at the time limit; null: not judged. */
  got: verdictSchema.nullable(),
  /** The verdict with the safety margin's extra time (legacy) or at `time_limit_to_tle` times the limit (2023-07). */
  gotWithMargin: verdictSchema.nullable(),
  /** The rules of `submissions/submissions.yaml` that matched it (every one must hold). */
  expectations: z.array(expectationCheckSchema).optional(),
  /** Whether it got a verdict its label allows, by the specification's rules. */
  ok: z.boolean(),
  /** Its slowest test case's CPU time (ms). */
  maxTimeMs: z.number().nonnegative().nullable(),
  /** Scoring problems: the score at the time limit, and the most a submission can score (null: unbounded). */
  score: z.number().optional(),
  maxScore: z.number().nullable().optional(),
  /** The case that decided the verdict (`secret/group1/03`). */
  decidingCase: z.string().optional(),
  /** Why it was not judged, or what else to know. */
  note: z.string().optional(),
});
export type VerifiedSubmission = z.infer<typeof verifiedSubmissionSchema>;

export const packageTimeLimitSchema = z.object({
  /** The time limit per test case, in seconds. */
  seconds: z.number().positive(),
  /** `stated`: problem.yaml or `.timelimit`; `derived`: from the accepted submissions; `default`: neither. */
  source: z.enum(['stated', 'derived', 'default']),
  /** The slowest accepted submission's slowest case (ms), when any ran. */
  slowestAcceptedMs: z.number().nonnegative().optional(),
  /** The limit the label checks allow as extra time (seconds). */
  marginSeconds: z.number().positive(),
});
export type PackageTimeLimit = z.infer<typeof packageTimeLimitSchema>;

/** The package's input validators run on every test case's input (exit 42: valid). */
export const inputValidationSchema = z.object({
  validators: z.array(
    z.object({
      /** The file or folder name in `input_validators/`. */
      name: z.string(),
      /** `ran`; `compile_error` or `unsupported`: it could not be run (see `message`). */
      status: z.enum(['ran', 'compile_error', 'unsupported']),
      /** Test cases it checked. */
      cases: z.number().int().nonnegative().optional(),
      message: z.string().optional(),
    }),
  ),
  /** Inputs a validator refused: the file, the validator and how it ended (with its stderr). */
  invalid: z.array(z.object({ file: z.string(), validator: z.string(), message: z.string() })),
  /** Every validator ran and accepted every input. */
  ok: z.boolean(),
});
export type InputValidation = z.infer<typeof inputValidationSchema>;

export const packageVerificationSchema = z.object({
  /** `queued` until a worker has judged them; `failed`: the job could not run (see `error`). */
  status: z.enum(['queued', 'done', 'failed']),
  /** The version verified. */
  slug: z.string().optional(),
  version: z.number().int().positive().optional(),
  /** The verification job. */
  jobId: z.string().optional(),
  timeLimit: packageTimeLimitSchema.optional(),
  submissions: z.array(verifiedSubmissionSchema).default([]),
  /** The input validators' findings; absent: the package has none. */
  inputValidation: inputValidationSchema.optional(),
  /** Every judged submission got a verdict its label allows, and every input passed its validators. */
  ok: z.boolean().optional(),
  error: z.string().optional(),
  finishedAt: z.string().optional(),
});
export type PackageVerification = z.infer<typeof packageVerificationSchema>;
