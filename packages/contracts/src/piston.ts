/** Piston v2's API as this platform serves it (under PISTON_PREFIX): execute requests, stage results, runtimes. */
import { z } from 'zod';

const limit = z.number().optional().nullable();

export const pistonFileSchema = z.object({
  name: z.string().optional(),
  content: z.string(),
  encoding: z.enum(['utf8', 'base64', 'hex']).optional(),
});

/** `POST /api/v2/execute`. Limits are ms (timeouts, CPU times) and bytes (memory; -1: the default). */
export const pistonExecuteRequestSchema = z
  .object({
    // Piston refuses an empty one as it refuses none ("language is required as a string").
    language: z.string().min(1),
    version: z.string().min(1),
    files: z.array(pistonFileSchema),
    stdin: z.string().optional().nullable(),
    args: z.array(z.string()).optional().nullable(),
    compile_timeout: limit,
    run_timeout: limit,
    compile_cpu_time: limit,
    run_cpu_time: limit,
    compile_memory_limit: limit,
    run_memory_limit: limit,
  })
  .loose();
export type PistonExecuteRequest = z.infer<typeof pistonExecuteRequestSchema>;

/** One stage (compile or run), as Piston reports it: times in ms, memory in bytes. */
export const pistonStageSchema = z.object({
  stdout: z.string(),
  stderr: z.string(),
  output: z.string(),
  code: z.number().int().nullable(),
  signal: z.string().nullable(),
  message: z.string().nullable(),
  status: z.string().nullable(),
  cpu_time: z.number().nullable(),
  wall_time: z.number().nullable(),
  memory: z.number().nullable(),
});
export type PistonStage = z.infer<typeof pistonStageSchema>;

export const pistonExecuteResultSchema = z.object({
  language: z.string(),
  version: z.string(),
  run: pistonStageSchema,
  compile: pistonStageSchema.optional(),
});
export type PistonExecuteResult = z.infer<typeof pistonExecuteResultSchema>;

export const pistonRuntimeSchema = z.object({
  language: z.string(),
  version: z.string(),
  aliases: z.array(z.string()),
  runtime: z.string().optional(),
});
export type PistonRuntime = z.infer<typeof pistonRuntimeSchema>;

export const pistonErrorSchema = z.object({ message: z.string() });
