/**
 * The Java harness, all in `Main.java`. Line 1 gets LeetCode's imports in front of the user's first
 * line, so javac's line numbers are the user's own; `public` is dropped from the user's class
 * declarations (only one public class per file, and the judge names the file after it); then
 * `ListNode`/`TreeNode` unless the code defines them, and `class Main` with a reader and a writer
 * generated for each type of the signature.
 */
import type { FunctionSignature } from '../signature/signature.js';
import { isSequence, type TypeNode } from '../signature/types.js';
import { javaType } from './function.js';
import { jvmMain, jvmNodeClasses, JvmCodecs, type JvmCodecText } from '../shared/jvm-harness.js';
import { runtimeSource } from '../shared/runtime-source.js';

const IMPORTS =
  'import java.util.*; import java.util.stream.*; import java.util.function.*; import java.math.*; ';

const PUBLIC_TYPE =
  /^(\s*)public\s+((?:(?:final|abstract|static|strictfp|sealed|non-sealed)\s+)*(?:class|interface|enum|record)\s)/gm;

const LIST_NODE = `class ListNode {
    int val;
    ListNode next;
    ListNode() {}
    ListNode(int val) { this.val = val; }
    ListNode(int val, ListNode next) { this.val = val; this.next = next; }
}
`;

const TREE_NODE = `class TreeNode {
    int val;
    TreeNode left;
    TreeNode right;
    TreeNode() {}
    TreeNode(int val) { this.val = val; }
    TreeNode(int val, TreeNode left, TreeNode right) {
        this.val = val;
        this.left = left;
        this.right = right;
    }
}
`;

const MAIN = `    public static void main(String[] argv) throws Exception {
        arbOpenChannel();
        arbSend("ready");
        for (String line; (line = arbReceive()) != null;) {
            int space = line.indexOf(' ');
            int index = Integer.parseInt(line.substring(0, space));
            ArbReader r = new ArbReader(line.substring(space + 1));
            r.expect('[');
ARGS
            r.expect(']');
            StringBuilder payload = new StringBuilder();
            try {
                Solution solution = new Solution();
                RETURN result = solution.METHOD(CALL);
                WRITE
            } catch (Throwable error) {
                error.printStackTrace();
                StringBuilder message = new StringBuilder();
                arbWriteString(message, error.toString());
                arbSend(index + " error " + message);
                System.exit(1);
                return;
            }
            arbSend(index + " ok " + payload);
        }
    }
`;

/** Java's codecs: `r_<key>`/`w_<key>` methods for sequence types. */
const CODEC_TEXT: JvmCodecText = {
  readLeaf: {
    int: '(int) r.integer()',
    long: 'r.integer()',
    double: 'r.number()',
    bool: 'r.bool()',
    char: 'r.character()',
    string: 'r.str()',
    ListNode: 'arbReadList(r)',
    TreeNode: 'arbReadTree(r)',
  },
  writeLeaf: {
    int: (b, value) => `${b}.append(${value});`,
    long: (b, value) => `${b}.append(${value});`,
    bool: (b, value) => `${b}.append(${value});`,
    double: (b, value) => `arbWriteDouble(${b}, ${value});`,
    char: (b, value) => `arbWriteString(${b}, String.valueOf(${value}));`,
    string: (b, value) => `arbWriteString(${b}, ${value});`,
    ListNode: (b, value) => `arbWriteList(${b}, ${value});`,
    TreeNode: (b, value) => `arbWriteTree(${b}, ${value});`,
  },
  readSequence: (key) => `r_${key}(r)`,
  writeSequence: (key, b, value) => `w_${key}(${b}, ${value});`,
  sequenceCodec(type, key, codecs) {
    const of = type.of;
    const elementRead = codecs.read(of);
    const boxed = javaType(of, true);
    // Boxed elements of a List may be null (nodes write null as []); primitives in arrays cannot.
    const elementWrite =
      type.kind === 'list' && !isSequence(of) && of.kind !== 'ListNode' && of.kind !== 'TreeNode'
        ? `if (x == null) b.append("null"); else ${codecs.write(of, 'x')}`
        : codecs.write(of, 'x');
    const collect = `ArrayList<${boxed}> items = new ArrayList<>();
        r.expect('[');
        if (!r.peek(']')) {
            do items.add(${elementRead});
            while (r.comma());
        }
        r.expect(']');`;
    const reader =
      type.kind === 'list'
        ? `    static ${javaType(type)} r_${key}(ArbReader r) {
        ${collect}
        return items;
    }`
        : `    static ${javaType(type)} r_${key}(ArbReader r) {
        ${collect}
        ${javaType(type)} out = ${newArray(of)};
        for (int i = 0; i < out.length; i++) out[i] = items.get(i);
        return out;
    }`;
    const writer = `    static void w_${key}(StringBuilder b, ${javaType(type)} v) {
        if (v == null) {
            b.append("null");
            return;
        }
        b.append('[');
        boolean first = true;
        for (${javaType(of, type.kind === 'list')} x : v) {
            if (!first) b.append(',');
            first = false;
            ${elementWrite}
        }
        b.append(']');
    }`;
    return `${reader}\n\n${writer}\n`;
  },
};

/** `new E[items.size()]` for element type E, valid Java even when E is generic or an array. */
function newArray(of: TypeNode): string {
  const element = javaType(of);
  if (of.kind === 'list') return `(${element}[]) new List[items.size()]`;
  const bracket = element.indexOf('[');
  return bracket < 0
    ? `new ${element}[items.size()]`
    : `new ${element.slice(0, bracket)}[items.size()]${element.slice(bracket)}`;
}

export function javaHarness(signature: FunctionSignature, userCode: string): string {
  const codecs = new JvmCodecs(CODEC_TEXT);
  const main = jvmMain(MAIN, signature, codecs, {
    indent: '            ',
    declare: (name, type, read) => `${javaType(type)} ${name} = ${read};`,
    typeName: (type) => javaType(type),
    method: signature.names.java,
  });
  const nodes = jvmNodeClasses(userCode, LIST_NODE, TREE_NODE);
  const user = userCode.replace(PUBLIC_TYPE, '$1$2');
  const helpers = [...codecs.generated.values()].join('\n');
  return (
    `${IMPORTS}${user}\n\n${nodes}\n@SuppressWarnings({"unchecked", "rawtypes"})\nclass Main {\n` +
    `${runtimeSource(new URL('./runtime.java', import.meta.url))}\n${helpers}\n${main}}\n`
  );
}
