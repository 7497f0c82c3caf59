/**
 * The zod schema of `problem.yaml`: what a problem is called, how hard it is, its limits, and
 * either a function signature (LeetCode-style, judged through a generated harness) or `stdio`
 * (a whole program reading stdin, judged token by token).
 */
import { z } from 'zod';
import { LANGUAGE_IDS, languageIdSchema } from '@arbiter/contracts';

const identifier = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an identifier (letters, digits, underscores)');

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;

/**
 * How a function's return value is compared with the expected one.
 * `exact`: equal values. `float`: numbers within 1e-5 absolute or relative. `anyOrder`: the
 * top-level list may come in any order. `checker`: `checker.ts` in the problem folder decides.
 */
export const COMPARATORS = ['exact', 'float', 'anyOrder', 'checker'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const paramSchema = z.strictObject({ name: identifier, type: z.string().min(1) });

export const functionSignatureSchema = z.strictObject({
  /** The method name (LeetCode's, e.g. `twoSum`). */
  name: identifier,
  params: z.array(paramSchema).min(1),
  returns: z.string().min(1),
  /** Method names for languages where LeetCode spells it differently. */
  names: z.partialRecord(languageIdSchema, identifier).optional(),
});

const baseSchema = {
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by dashes'),
  title: z.string().min(1),
  difficulty: z.enum(DIFFICULTIES),
  tags: z.array(z.string().min(1)).default([]),
  limits: z.strictObject({
    /** CPU time of the whole run (all tests of a function problem; each test of a stdio problem), in ms. */
    timeMs: z.number().int().positive().max(15_000),
    /** Memory of the run, in MiB. */
    memoryMb: z.number().int().positive().max(1_024),
  }),
  /** Whether a user who solved the problem may read its reference solutions (default: yes). */
  showSolutions: z.boolean().default(true),
  /** Languages the problem can be solved in (default: all the signature supports). */
  languages: z
    .array(languageIdSchema)
    .min(1)
    .refine((list) => new Set(list).size === list.length, 'must not repeat a language')
    .optional(),
};

export const problemYamlSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...baseSchema,
    kind: z.literal('function'),
    function: functionSignatureSchema,
    comparator: z.enum(COMPARATORS).default('exact'),
  }),
  z.strictObject({ ...baseSchema, kind: z.literal('stdio') }),
]);
export type ProblemYaml = z.infer<typeof problemYamlSchema>;

export const ALL_LANGUAGES = LANGUAGE_IDS;
