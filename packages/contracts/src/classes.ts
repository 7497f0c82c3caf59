/**
 * Classes in the HTTP API: a teacher's class that students join with a code, its assignments
 * (problems with a deadline) and the progress matrix (student × problem). Times are ISO strings.
 */
import { z } from 'zod';
import { verdictSchema } from './verdicts.js';

export const MAX_ASSIGNMENT_PROBLEMS = 26;
/** Join codes: 8 characters of an alphabet without look-alikes (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 8;

export const classIdSchema = z.uuid();
export const assignmentIdSchema = z.uuid();

const isoTime = z.iso.datetime({ offset: true, error: 'a time in ISO 8601, e.g. 2026-12-24T18:00:00Z' });
const slug = z
  .string()
  .regex(/^[a-z0-9-]{1,64}$/, 'problem must be a slug: lowercase letters, digits and dashes');

export const createClassRequestSchema = z.strictObject({
  title: z.string().trim().min(1, 'title must not be empty').max(200),
  description: z.string().max(20_000).default(''),
});
export type CreateClassRequest = z.infer<typeof createClassRequestSchema>;

/** `POST /classes/join`: the code a teacher hands out (case and surrounding spaces do not matter). */
export const joinClassRequestSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1, 'give the class code')
    .max(64)
    .transform((code) => code.toUpperCase()),
});
export type JoinClassRequest = z.infer<typeof joinClassRequestSchema>;

const problemList = z
  .array(slug)
  .min(1, 'an assignment has at least one problem')
  .max(MAX_ASSIGNMENT_PROBLEMS)
  .refine(
    (problems) => new Set(problems).size === problems.length,
    'a problem appears once in an assignment',
  );

export const createAssignmentRequestSchema = z.strictObject({
  title: z.string().trim().min(1, 'title must not be empty').max(200),
  description: z.string().max(20_000).default(''),
  /** Submits after this time still count, flagged late. */
  deadline: isoTime,
  /** Catalog slugs, in the order students see them. */
  problems: problemList,
});
export type CreateAssignmentRequest = z.infer<typeof createAssignmentRequestSchema>;

/** `PATCH`: any of the fields; `problems` replaces the list. */
export const updateAssignmentRequestSchema = z
  .strictObject({
    title: z.string().trim().min(1, 'title must not be empty').max(200).optional(),
    description: z.string().max(20_000).optional(),
    deadline: isoTime.optional(),
    problems: problemList.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'give at least one field to change');
export type UpdateAssignmentRequest = z.infer<typeof updateAssignmentRequestSchema>;

export const assignmentProblemSchema = z.object({ problem: z.string(), title: z.string() });

export const assignmentSchema = z.object({
  id: z.string(),
  classId: z.string(),
  title: z.string(),
  description: z.string(),
  deadline: z.string(),
  /** Submits count from here (when the assignment was set) on. */
  createdAt: z.string(),
  problems: z.array(assignmentProblemSchema),
});
export type Assignment = z.infer<typeof assignmentSchema>;

/** One class in `GET /classes`. */
export const classSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The teacher's username; null once that account is deleted. */
  teacher: z.string().nullable(),
  memberCount: z.number().int(),
  assignmentCount: z.number().int(),
  /** Whether the signed-in user teaches it (its teacher, or an admin). */
  canManage: z.boolean(),
  /** Whether the signed-in user has joined it. */
  member: z.boolean(),
  createdAt: z.string(),
});
export type ClassSummary = z.infer<typeof classSummarySchema>;
export const classListSchema = z.object({ classes: z.array(classSummarySchema) });
export type ClassList = z.infer<typeof classListSchema>;

export const classDetailSchema = classSummarySchema.extend({
  description: z.string(),
  /** Shown to those who teach the class only. */
  joinCode: z.string().nullable(),
  /** Nearest deadline first. */
  assignments: z.array(assignmentSchema),
});
export type ClassDetail = z.infer<typeof classDetailSchema>;

export const classMemberSchema = z.object({ username: z.string(), joinedAt: z.string() });
export const classMemberListSchema = z.object({ members: z.array(classMemberSchema) });
export type ClassMemberList = z.infer<typeof classMemberListSchema>;

/** A student on one problem of an assignment. */
export const progressCellSchema = z.object({
  problem: z.string(),
  /** Accepted if any submit was; else the judged submit that passed most tests; null before any verdict. */
  verdict: verdictSchema.nullable(),
  /** Submits made (platform failures excluded), pending ones included. */
  attempts: z.number().int(),
  /** Of those, made after the deadline. */
  lateAttempts: z.number().int(),
  /** The first accepted submit's time; null unless solved. */
  firstAcceptedAt: z.string().nullable(),
  /** Solved only after the deadline. */
  late: z.boolean(),
});
export type ProgressCell = z.infer<typeof progressCellSchema>;

export const progressRowSchema = z.object({
  username: z.string(),
  solved: z.number().int(),
  /** One per problem, in the assignment's order. */
  cells: z.array(progressCellSchema),
});
export type ProgressRow = z.infer<typeof progressRowSchema>;

export const progressMatrixSchema = z.object({
  classId: z.string(),
  assignmentId: z.string(),
  deadline: z.string(),
  problems: z.array(assignmentProblemSchema),
  /** Teachers see every member (by username); a student sees their own row. */
  rows: z.array(progressRowSchema),
  generatedAt: z.string(),
});
export type ProgressMatrix = z.infer<typeof progressMatrixSchema>;

/**
 * Socket.IO: watch an assignment's progress matrix (`progress` events with the same body as the HTTP
 * answer), pushed whenever a member's verdict on one of its problems lands. Those who teach the class only.
 */
export const watchProgressRequestSchema = z.strictObject({
  classId: classIdSchema,
  assignmentId: assignmentIdSchema,
});
export type WatchProgressRequest = z.infer<typeof watchProgressRequestSchema>;
