/** Zod schemas and inferred types shared by every app: the API contract, job payloads, events, env. */
export * from './languages.js';
export * from './verdicts.js';
export * from './limits.js';
export * from './submission.js';
export * from './result.js';
export * from './text-cap.js';
export * from './events.js';
export * from './problems.js';
export * from './errors.js';
export * from './env.js';
export * from './auth.js';
export * from './admin.js';
export * from './rejudge.js';
export * from './judge0.js';
export * from './piston.js';
export * from './program-options.js';
export * from './live-stdin.js';
