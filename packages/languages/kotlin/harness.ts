/**
 * The Kotlin harness, all in `main.kt`. Line 1 gets the imports a solution may take for granted
 * (`java.util.*`, `kotlin.math.*`) in front of the user's first line, so kotlinc's line numbers are the
 * user's own; then `ListNode`/`TreeNode` as LeetCode defines them unless the code defines them, the runtime
 * (`runtime.kt`), a reader and a writer generated for each type of the signature, and `main`.
 */
import type { FunctionSignature } from '../signature/signature.js';
import { kotlinType } from './function.js';
import { jvmMain, jvmNodeClasses, JvmCodecs, type JvmCodecText } from '../shared/jvm-harness.js';
import { runtimeSource } from '../shared/runtime-source.js';

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

/** Kotlin's codecs: `arbR_<key>`/`arbW_<key>` functions for sequence types. */
const CODEC_TEXT: JvmCodecText = {
  readLeaf: {
    int: 'r.integer().toInt()',
    long: 'r.integer()',
    double: 'r.number()',
    bool: 'r.bool()',
    char: 'r.character()',
    string: 'r.str()',
    ListNode: 'arbReadList(r)',
    TreeNode: 'arbReadTree(r)',
  },
  writeLeaf: {
    int: (b, value) => `${b}.append(${value})`,
    long: (b, value) => `${b}.append(${value})`,
    bool: (b, value) => `${b}.append(${value})`,
    double: (b, value) => `arbWriteDouble(${b}, ${value})`,
    char: (b, value) => `arbWriteString(${b}, ${value}.toString())`,
    string: (b, value) => `arbWriteString(${b}, ${value})`,
    ListNode: (b, value) => `arbWriteList(${b}, ${value})`,
    TreeNode: (b, value) => `arbWriteTree(${b}, ${value})`,
  },
  readSequence: (key) => `arbR_${key}(r)`,
  writeSequence: (key, b, value) => `arbW_${key}(${b}, ${value})`,
  sequenceCodec(type, key, codecs) {
    const of = type.of;
    const convert = type.kind === 'list' ? '' : `.${TO_ARRAY[of.kind] ?? 'toTypedArray()'}`;
    const reader = `fun arbR_${key}(r: ArbReader): ${kotlinType(type)} {
    val items = ArrayList<${kotlinType(of)}>()
    r.expect('[')
    if (!r.peek(']')) {
        do items.add(${codecs.read(of)}) while (r.comma())
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
        ${codecs.write(of, 'x')}
    }
    b.append(']')
}`;
    return `${reader}\n\n${writer}\n`;
  },
};

export function kotlinHarness(signature: FunctionSignature, userCode: string): string {
  const codecs = new JvmCodecs(CODEC_TEXT);
  const main = jvmMain(MAIN, signature, codecs, {
    indent: '        ',
    declare: (name, type, read) => `val ${name}: ${kotlinType(type)} = ${read}`,
    typeName: (type) => kotlinType(type),
    method: signature.names.kotlin,
  });
  const nodes = jvmNodeClasses(userCode, LIST_NODE, TREE_NODE);
  const functions = [...codecs.generated.values()].join('\n');
  return (
    `${IMPORTS}${userCode}\n\n${nodes}\n` +
    `${runtimeSource(new URL('./runtime.kt', import.meta.url))}\n${functions}\n${main}`
  );
}
