/**
 * The type grammar of function signatures, close to LeetCode's: scalars (`int`, `long`, `double`,
 * `bool`, `string`, `char`), `ListNode`, `TreeNode`, arrays `T[]` and lists `list<T>`, nested at
 * most two deep (`int[][]`, `list<list<string>>`). Arrays and lists hold the same JSON values;
 * they differ only in how each language spells them (Java `int[]` vs `List<Integer>`).
 */

export const SCALAR_KINDS = ['int', 'long', 'double', 'bool', 'string', 'char'] as const;
export type ScalarKind = (typeof SCALAR_KINDS)[number];

export type TypeNode =
  | { kind: ScalarKind }
  | { kind: 'ListNode' }
  | { kind: 'TreeNode' }
  | { kind: 'array' | 'list'; of: TypeNode };

export type ScalarType = Extract<TypeNode, { kind: ScalarKind }>;
export type SequenceType = Extract<TypeNode, { kind: 'array' | 'list' }>;

/** Deepest nesting of arrays and lists the harnesses support. */
export const MAX_NESTING = 2;

const LEAVES: readonly string[] = [...SCALAR_KINDS, 'ListNode', 'TreeNode'];

/** Parses a type such as `int[][]` or `list<list<string>>`; throws an `Error` saying what is wrong. */
export function parseType(text: string): TypeNode {
  const type = parseInner(text.trim(), text);
  if (nesting(type) > MAX_NESTING) {
    throw new Error(`type "${text}" nests arrays or lists more than ${MAX_NESTING} deep`);
  }
  return type;
}

function parseInner(text: string, whole: string): TypeNode {
  if (text.endsWith('[]')) return { kind: 'array', of: parseInner(text.slice(0, -2).trim(), whole) };
  const list = /^list\s*<(.*)>$/.exec(text);
  if (list) return { kind: 'list', of: parseInner((list[1] ?? '').trim(), whole) };
  if (LEAVES.includes(text)) return { kind: text } as TypeNode;
  throw new Error(
    `unknown type "${whole}": expected one of ${LEAVES.join(', ')}, T[] or list<T> (nested at most ${MAX_NESTING} deep)`,
  );
}

/** The type written back in the grammar's syntax. */
export function formatType(type: TypeNode): string {
  switch (type.kind) {
    case 'array':
      return `${formatType(type.of)}[]`;
    case 'list':
      return `list<${formatType(type.of)}>`;
    default:
      return type.kind;
  }
}

/** How many arrays or lists are nested (0 for a scalar or a node). */
export function nesting(type: TypeNode): number {
  return isSequence(type) ? 1 + nesting(type.of) : 0;
}

export function isSequence(type: TypeNode): type is SequenceType {
  return type.kind === 'array' || type.kind === 'list';
}

/** The innermost element type (the type itself for scalars and nodes). */
export function leafOf(type: TypeNode): Exclude<TypeNode, SequenceType> {
  return isSequence(type) ? leafOf(type.of) : type;
}

/** True when a `ListNode` or `TreeNode` occurs anywhere in the type. */
export function mentionsNode(type: TypeNode, node?: 'ListNode' | 'TreeNode'): boolean {
  const leaf = leafOf(type).kind;
  return node === undefined ? leaf === 'ListNode' || leaf === 'TreeNode' : leaf === node;
}

/** An identifier-safe name for the type (`A_A_int`, `L_string`), for generated helper functions. */
export function typeKey(type: TypeNode): string {
  switch (type.kind) {
    case 'array':
      return `A_${typeKey(type.of)}`;
    case 'list':
      return `L_${typeKey(type.of)}`;
    default:
      return type.kind;
  }
}
