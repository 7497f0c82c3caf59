/** A function problem's signature: what each language's function part maps to its own types. */
import type { LanguageId } from '../catalog.js';
import type { TypeNode } from './types.js';

export interface Param {
  name: string;
  type: TypeNode;
}

export interface FunctionSignature {
  /** LeetCode's method name. */
  name: string;
  params: Param[];
  returns: TypeNode;
  /** Method name per language (the signature's name unless overridden). */
  names: Record<LanguageId, string>;
}
