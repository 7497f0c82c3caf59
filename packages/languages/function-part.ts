/**
 * The optional part of a language that solves function problems (LeetCode style): its spelling of the
 * signature's types, its starter code and its harness (the user's code plus a `main` speaking the harness
 * protocol, `@arbiter/problems`' protocol.ts). A language without one is offered for stdio problems and
 * free runs only.
 */
import type { FunctionSignature } from './signature/signature.js';
import type { TypeNode } from './signature/types.js';

export interface FunctionPart {
  /** The code shown in the editor: LeetCode's exact format for this language. */
  starter(signature: FunctionSignature): string;
  /** The complete program the judge compiles and runs: the user's code plus the harness. */
  harness(signature: FunctionSignature, userCode: string): string;
  /** Why this language cannot express a parameter or return type, or null when it can. */
  unsupported?(type: TypeNode): string | null;
  /** The harness compiles the user's code at run time and may answer `compile` before `ready` (Python). */
  compileRecord?: boolean;
}
