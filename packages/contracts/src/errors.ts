/** Error codes of the HTTP API and the shape of its error bodies. */
import { z } from 'zod';

export const ERROR_CODES = [
  'INVALID_REQUEST',
  'INVALID_JSON',
  'UNKNOWN_LANGUAGE',
  'LANGUAGE_UNAVAILABLE',
  'UNKNOWN_PROBLEM',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_FOUND',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
  'USERNAME_TAKEN',
  'INVALID_CREDENTIALS',
  'UNAUTHENTICATED',
  'FORBIDDEN_ORIGIN',
  'FORBIDDEN',
  'RATE_LIMITED',
  'INVALID_PACKAGE',
  'CONFLICT',
  'ACCOUNT_DISABLED',
] as const;
export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    /** Every problem found, when there are several (e.g. several invalid fields). */
    details: z.array(z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
