/**
 * The Scala harness, all in `main.scala`: the user's code first (scalac's line numbers are the user's own),
 * then LeetCode's `ListNode`/`TreeNode` unless the code defines them, the runtime object `ArbRuntime`
 * (`runtime.scala`) and `object Main` with a reader and a writer generated for each type of the signature,
 * calling the method on the user's `object Solution`.
 */
import type { FunctionSignature } from '../signature/signature.js';
import { scalaType } from './function.js';
import { jvmMain, jvmNodeClasses, JvmCodecs, type JvmCodecText } from '../shared/jvm-harness.js';
import { runtimeSource } from '../shared/runtime-source.js';

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

/** Scala's codecs: `r_<key>`/`w_<key>` methods of `object Main` for sequence types. */
const CODEC_TEXT: JvmCodecText = {
  readLeaf: {
    int: 'r.integer().toInt',
    long: 'r.integer()',
    double: 'r.number()',
    bool: 'r.bool()',
    char: 'r.character()',
    string: 'r.str()',
    ListNode: 'readList(r)',
    TreeNode: 'readTree(r)',
  },
  writeLeaf: {
    int: (b, value) => `${b}.append(${value})`,
    long: (b, value) => `${b}.append(${value})`,
    bool: (b, value) => `${b}.append(${value})`,
    double: (b, value) => `writeDouble(${b}, ${value})`,
    char: (b, value) => `writeString(${b}, String.valueOf(${value}))`,
    string: (b, value) => `writeString(${b}, ${value})`,
    ListNode: (b, value) => `writeList(${b}, ${value})`,
    TreeNode: (b, value) => `writeTree(${b}, ${value})`,
  },
  readSequence: (key) => `r_${key}(r)`,
  writeSequence: (key, b, value) => `w_${key}(${b}, ${value})`,
  sequenceCodec(type, key, codecs) {
    const of = scalaType(type.of);
    const builder =
      type.kind === 'list'
        ? `scala.collection.mutable.ListBuffer[${of}]`
        : `scala.collection.mutable.ArrayBuffer[${of}]`;
    const reader = `  def r_${key}(r: ArbReader): ${scalaType(type)} = {
    val items = new ${builder}
    r.expect('[')
    if (!r.peek(']')) {
      do items += ${codecs.read(type.of)}
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
      ${codecs.write(type.of, 'v(i)')}
      i += 1
    }`
        : `val it = v.iterator
    var first = true
    while (it.hasNext) {
      if (!first) b.append(',')
      first = false
      ${codecs.write(type.of, 'it.next()')}
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
    return `${reader}\n\n${writer}\n`;
  },
};

export function scalaHarness(signature: FunctionSignature, userCode: string): string {
  const codecs = new JvmCodecs(CODEC_TEXT);
  const main = jvmMain(MAIN, signature, codecs, {
    indent: '      ',
    declare: (name, type, read) => `val ${name}: ${scalaType(type)} = ${read}`,
    typeName: (type) => scalaType(type),
    method: signature.names.scala,
  });
  const nodes = jvmNodeClasses(userCode, LIST_NODE, TREE_NODE);
  const helpers = [...codecs.generated.values()].join('\n');
  return (
    `${userCode}\n\n${nodes}\n${runtimeSource(new URL('./runtime.scala', import.meta.url))}\n` +
    `object Main {\n  import ArbRuntime._\n\n${helpers}\n${main}}\n`
  );
}
