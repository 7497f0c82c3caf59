/** A `classify` for interpreters that report running out of memory in their own words on stderr. */
import type { ClassifiedVerdict } from '../recipe.js';

export function outOfMemory(message: RegExp): (output: { stderr: string }) => ClassifiedVerdict | null {
  return ({ stderr }) => (message.test(stderr) ? 'MEMORY_LIMIT_EXCEEDED' : null);
}
