/**
 * What the Java, Kotlin and Scala harnesses share: codecs that read and write each leaf type of the signature
 * grammar with a fixed expression and generate one reader and one writer per array or list type (once each, by
 * its type key), `main` filled in from the signature, and the node classes unless the user's code defines them.
 * Each language gives its text; this module holds the structure.
 */
import type { FunctionSignature } from '../signature/signature.js';
import { isSequence, typeKey, type SequenceType, type TypeNode } from '../signature/types.js';
import { definesType } from './source-scan.js';

/** A type read and written by the runtime's own code: a scalar, `ListNode` or `TreeNode`. */
type LeafKind = Exclude<TypeNode, SequenceType>['kind'];

/** One language's codec text. */
export interface JvmCodecText {
  /** An expression reading a leaf from reader `r`. */
  readLeaf: Record<LeafKind, string>;
  /** A statement writing `value` (a leaf) to the StringBuilder named `b`. */
  writeLeaf: Record<LeafKind, (b: string, value: string) => string>;
  /** An expression reading a sequence with the generated reader for `key`. */
  readSequence: (key: string) => string;
  /** A statement writing `value` with the generated writer for `key`. */
  writeSequence: (key: string, b: string, value: string) => string;
  /** The generated reader and writer for a sequence type; `codecs` reads and writes its elements. */
  sequenceCodec: (type: SequenceType, key: string, codecs: JvmCodecs) => string;
}

/** Read and write expressions for types of the grammar, with the sequence codecs they need. */
export class JvmCodecs {
  /** The generated readers and writers, by type key, in the order they were first needed. */
  readonly generated = new Map<string, string>();

  constructor(private readonly text: JvmCodecText) {}

  /** An expression reading a value of `type` from reader `r`. */
  read(type: TypeNode): string {
    return isSequence(type) ? this.text.readSequence(this.sequence(type)) : this.text.readLeaf[type.kind];
  }

  /** A statement writing `value` (of `type`) to the StringBuilder named `b`. */
  write(type: TypeNode, value: string, b = 'b'): string {
    return isSequence(type)
      ? this.text.writeSequence(this.sequence(type), b, value)
      : this.text.writeLeaf[type.kind](b, value);
  }

  private sequence(type: SequenceType): string {
    const key = typeKey(type);
    if (this.generated.has(key)) return key;
    this.generated.set(key, ''); // reserve before recursing
    this.generated.set(key, this.text.sequenceCodec(type, key, this));
    return key;
  }
}

/** How a language declares the call's arguments and names the result's type. */
export interface JvmMainText {
  /** Indentation of the argument declarations in `main`. */
  indent: string;
  /** A statement declaring argument `name` of `type` from the expression `read`. */
  declare: (name: string, type: TypeNode, read: string) => string;
  /** The language's name for a type. */
  typeName: (type: TypeNode) => string;
  /** The solution's method name. */
  method: string;
}

/**
 * `template` with ARGS (one declaration per parameter, each after the first reading its comma), RETURN (the
 * result's type), METHOD, CALL (the arguments) and WRITE (`result` written to `payload`) filled in.
 */
export function jvmMain(
  template: string,
  signature: FunctionSignature,
  codecs: JvmCodecs,
  text: JvmMainText,
): string {
  const args = signature.params
    .map((p, i) => {
      const comma = i > 0 ? "r.expect(','); " : '';
      return `${text.indent}${comma}${text.declare(`a${i}`, p.type, codecs.read(p.type))}`;
    })
    .join('\n');
  const write = codecs.write(signature.returns, 'result', 'payload');
  return template
    .replace('ARGS', () => args)
    .replace('RETURN', () => text.typeName(signature.returns))
    .replace('METHOD', () => text.method)
    .replace('CALL', () => signature.params.map((_p, i) => `a${i}`).join(', '))
    .replace('WRITE', () => write);
}

/** LeetCode's `ListNode` and `TreeNode` in the language, each unless the user's code defines it. */
export function jvmNodeClasses(userCode: string, listNode: string, treeNode: string): string {
  return (
    (definesType(userCode, 'ListNode', 'java') ? '' : listNode) +
    (definesType(userCode, 'TreeNode', 'java') ? '' : treeNode)
  );
}
