/**
 * The Scala harness, all in `main.scala`: the user's code first (scalac's line numbers are the user's own),
 * then LeetCode's `ListNode`/`TreeNode` unless the code defines them, the runtime object `ArbRuntime`
 * (`runtime.scala`) and `object Main` with a reader and a writer generated for each type of the signature,
 * calling the method on the user's `object Solution`.
 */
import type { FunctionSignature } from '../signature/signature.js';
import { typeKey, type TypeNode } from '../signature/types.js';
import { scalaType } from './function.js';
import { runtimeSource } from '../shared/runtime-source.js';
import { definesType } from '../shared/source-scan.js';

const LIST_NODE = `class ListNode(_x: Int = 0, _next: ListNode = null) {
  var next: ListNode = _next
  var x: Int = _x
}
`;

const TREE_NODE = `class TreeNode(_value: Int = 0, _left: TreeNode = null, _right: TreeNode = null) {
  var value: Int = _value
  var left: TreeNode = _left
  var right: TreeNode = _right
}
`;

const MAIN = `  def main(argv: Array[String]): Unit = {
    openChannel()
    send("ready")
    var line = receive()
    while (line != null) {
      val space = line.indexOf(' ')
      val index = Integer.parseInt(line.substring(0, space))
      val r = new ArbReader(line.substring(space + 1))
      r.expect('[')
ARGS
      r.expect(']')
      val payload = new java.lang.StringBuilder
      try {
        val result: RETURN = Solution.METHOD(CALL)
        WRITE
      } catch {
        case error: Throwable => fail(index, error)
      }
      send(index + " ok " + payload)
      line = receive()
    }
  }
`;

/** Generates `r_<key>`/`w_<key>` methods for sequence types, once each. */
class ScalaCodecs {
  readonly methods = new Map<string, string>();

  /** An expression reading a value of `type` from reader `r`. */
  read(type: TypeNode): string {
    switch (type.kind) {
      case 'int':
        return 'r.integer().toInt';
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
        return 'readList(r)';
      case 'TreeNode':
        return 'readTree(r)';
      case 'array':
      case 'list':
        return `r_${this.sequence(type)}(r)`;
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
        return `writeDouble(${b}, ${value})`;
      case 'char':
        return `writeString(${b}, String.valueOf(${value}))`;
      case 'string':
        return `writeString(${b}, ${value})`;
      case 'ListNode':
        return `writeList(${b}, ${value})`;
      case 'TreeNode':
        return `writeTree(${b}, ${value})`;
      case 'array':
      case 'list':
        return `w_${this.sequence(type)}(${b}, ${value})`;
    }
  }

  private sequence(type: Extract<TypeNode, { kind: 'array' | 'list' }>): string {
    const key = typeKey(type);
    if (this.methods.has(key)) return key;
    this.methods.set(key, ''); // reserve before recursing
    const of = scalaType(type.of);
    const builder =
      type.kind === 'list'
        ? `scala.collection.mutable.ListBuffer[${of}]`
        : `scala.collection.mutable.ArrayBuffer[${of}]`;
    const reader = `  def r_${key}(r: ArbReader): ${scalaType(type)} = {
    val items = new ${builder}
    r.expect('[')
    if (!r.peek(']')) {
      do items += ${this.read(type.of)}
      while (r.comma())
    }
    r.expect(']')
    items.${type.kind === 'list' ? 'toList' : 'toArray'}
  }`;
    // Arrays by index; lists by their iterator (no closure: one class less to compile).
    const loop =
      type.kind === 'array'
        ? `var i = 0
    while (i < v.length) {
      if (i > 0) b.append(',')
      ${this.write(type.of, 'v(i)')}
      i += 1
    }`
        : `val it = v.iterator
    var first = true
    while (it.hasNext) {
      if (!first) b.append(',')
      first = false
      ${this.write(type.of, 'it.next()')}
    }`;
    const writer = `  def w_${key}(b: java.lang.StringBuilder, v: ${scalaType(type)}): Unit = {
    if (v == null) {
      b.append("null")
      return
    }
    b.append('[')
    ${loop}
    b.append(']')
  }`;
    this.methods.set(key, `${reader}\n\n${writer}\n`);
    return key;
  }
}

export function scalaHarness(signature: FunctionSignature, userCode: string): string {
  const codecs = new ScalaCodecs();
  const args = signature.params
    .map((p, i) => {
      const comma = i > 0 ? "r.expect(','); " : '';
      return `      ${comma}val a${i}: ${scalaType(p.type)} = ${codecs.read(p.type)}`;
    })
    .join('\n');
  const write = codecs.write(signature.returns, 'result', 'payload');
  const main = MAIN.replace('ARGS', () => args)
    .replace('RETURN', () => scalaType(signature.returns))
    .replace('METHOD', () => signature.names.scala)
    .replace('CALL', () => signature.params.map((_p, i) => `a${i}`).join(', '))
    .replace('WRITE', () => write);
  const nodes =
    (definesType(userCode, 'ListNode', 'java') ? '' : LIST_NODE) +
    (definesType(userCode, 'TreeNode', 'java') ? '' : TREE_NODE);
  const helpers = [...codecs.methods.values()].join('\n');
  return (
    `${userCode}\n\n${nodes}\n${runtimeSource(new URL('./runtime.scala', import.meta.url))}\n` +
    `object Main {\n  import ArbRuntime._\n\n${helpers}\n${main}}\n`
  );
}
