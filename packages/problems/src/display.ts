/** How values are shown to users, LeetCode-style: compact JSON, doubles with five decimals. */
import { MAX_TEST_TEXT_BYTES, clipText } from '@arbiter/contracts';
import type { Param } from './problem.js';
import type { TypeNode } from '@arbiter/languages/signature';

export function formatValue(type: TypeNode, value: unknown): string {
  return clip(render(type, value));
}

function render(type: TypeNode, value: unknown): string {
  if (type.kind === 'double' && typeof value === 'number') return value.toFixed(5);
  if ((type.kind === 'array' || type.kind === 'list') && Array.isArray(value)) {
    const of = type.of;
    return `[${value.map((item) => render(of, item)).join(',')}]`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The arguments one per line, as `name = value`. */
export function formatArgs(params: Param[], args: unknown[]): string {
  return clip(params.map((param, i) => `${param.name} = ${render(param.type, args[i])}`).join('\n'));
}

/** One input, expected or actual value as shown: within the text cap of one test (`MAX_TEST_TEXT_BYTES`). */
export function clip(text: string): string {
  return clipText(text, MAX_TEST_TEXT_BYTES);
}
