/**
 * The Kotlin harness, all in `main.kt`. Line 1 gets the imports a solution may take for granted
 * (`java.util.*`, `kotlin.math.*`) in front of the user's first line, so kotlinc's line numbers are the
 * user's own; then `ListNode`/`TreeNode` as LeetCode defines them unless the code defines them, the runtime
 * (`runtime.kt`), a reader and a writer generated for each type of the signature, and `main`.
 */
import type { FunctionSignature } from '../signature/signature.js';
import { typeKey, type TypeNode } from '../signature/types.js';
import { kotlinType } from './function.js';
import { runtimeSource } from '../shared/runtime-source.js';
import { definesType } from '../shared/source-scan.js';

const IMPORTS = 'import java.util.*; import kotlin.math.*; ';

const LIST_NODE = `class ListNode(var \`val\`: Int) {
    var next: ListNode? = null
}
`;

const TREE_NODE = `class TreeNode(var \`val\`: Int) {
    var left: TreeNode? = null
    var right: TreeNode? = null
}
`;

const MAIN = `fun main() {
    arbOpenChannel()
    arbSend("ready")
    while (true) {
        val line = arbReceive() ?: break
        val space = line.indexOf(' ')
        val index = line.substring(0, space).toInt()
        val r = ArbReader(line.substring(space + 1))
        r.expect('[')
ARGS
        r.expect(']')
        val payload = StringBuilder()
        try {
            val result: RETURN = Solution().METHOD(CALL)
            WRITE
        } catch (error: Throwable) {
            error.printStackTrace()
            val message = StringBuilder()
            arbWriteString(message, error.toString())
            arbSend("$index error $message")
            kotlin.system.exitProcess(1)
        }
        arbSend("$index ok $payload")
    }
}
`;

/** Array conversions of a reader's `ArrayList` (arrays of references become `Array<T>`). */
const TO_ARRAY: Record<string, string> = {
  int: 'toIntArray()',
  long: 'toLongArray()',
  double: 'toDoubleArray()',
  bool: 'toBooleanArray()',
  char: 'toCharArray()',
};

/** Generates `arbR_<key>`/`arbW_<key>` functions for sequence types, once each. */
class KotlinCodecs {
  readonly functions = new Map<string, string>();

  /** An expression reading a value of `type` from reader `r`. */
  read(type: TypeNode): string {
    switch (type.kind) {
      case 'int':
        return 'r.integer().toInt()';
      case 'long':
        return 'r.integer()';
      case 'double':
        return 'r.number()';
      case 'bool':
        return 'r.bool()';
      case 'char':
        return 'r.character()';
      case 'string':
        return 'r.str()';
      case 'ListNode':
        return 'arbReadList(r)';
      case 'TreeNode':
        return 'arbReadTree(r)';
      case 'array':
      case 'list':
        return `arbR_${this.sequence(type)}(r)`;
    }
  }

  /** A statement writing `value` (of `type`) to the StringBuilder named `b`. */
  write(type: TypeNode, value: string, b = 'b'): string {
    switch (type.kind) {
      case 'int':
      case 'long':
      case 'bool':
        return `${b}.append(${value})`;
      case 'double':
        return `arbWriteDouble(${b}, ${value})`;
      case 'char':
        return `arbWriteString(${b}, ${value}.toString())`;
      case 'string':
        return `arbWriteString(${b}, ${value})`;
      case 'ListNode':
        return `arbWriteList(${b}, ${value})`;
      case 'TreeNode':
        return `arbWriteTree(${b}, ${value})`;
      case 'array':
      case 'list':
        return `arbW_${this.sequence(type)}(${b}, ${value})`;
    }
  }

  private sequence(type: Extract<TypeNode, { kind: 'array' | 'list' }>): string {
    const key = typeKey(type);
    if (this.functions.has(key)) return key;
    this.functions.set(key, ''); // reserve before recursing
    const of = type.of;
    const convert = type.kind === 'list' ? '' : `.${TO_ARRAY[of.kind] ?? 'toTypedArray()'}`;
    const reader = `fun arbR_${key}(r: ArbReader): ${kotlinType(type)} {
    val items = ArrayList<${kotlinType(of)}>()
    r.expect('[')
    if (!r.peek(']')) {
        do items.add(${this.read(of)}) while (r.comma())
    }
    r.expect(']')
    return items${convert}
}`;
    const writer = `fun arbW_${key}(b: StringBuilder, v: ${kotlinType(type)}) {
    b.append('[')
    var first = true
    for (x in v) {
        if (!first) b.append(',')
        first = false
        ${this.write(of, 'x')}
    }
    b.append(']')
}`;
    this.functions.set(key, `${reader}\n\n${writer}\n`);
    return key;
  }
}

export function kotlinHarness(signature: FunctionSignature, userCode: string): string {
  const codecs = new KotlinCodecs();
  const args = signature.params
    .map((p, i) => {
      const comma = i > 0 ? "r.expect(','); " : '';
      return `        ${comma}val a${i}: ${kotlinType(p.type)} = ${codecs.read(p.type)}`;
    })
    .join('\n');
  const write = codecs.write(signature.returns, 'result', 'payload');
  const main = MAIN.replace('ARGS', () => args)
    .replace('RETURN', () => kotlinType(signature.returns))
    .replace('METHOD', () => signature.names.kotlin)
    .replace('CALL', () => signature.params.map((_p, i) => `a${i}`).join(', '))
    .replace('WRITE', () => write);
  const nodes =
    (definesType(userCode, 'ListNode', 'java') ? '' : LIST_NODE) +
    (definesType(userCode, 'TreeNode', 'java') ? '' : TREE_NODE);
  const functions = [...codecs.functions.values()].join('\n');
  return (
    `${IMPORTS}${userCode}\n\n${nodes}\n` +
    `${runtimeSource(new URL('./runtime.kt', import.meta.url))}\n${functions}\n${main}`
  );
}
