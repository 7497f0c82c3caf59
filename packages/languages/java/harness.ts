/**
 * The Java harness, all in `Main.java`. Line 1 gets LeetCode's imports in front of the user's first
 * line, so javac's line numbers are the user's own; `public` is dropped from the user's class
 * declarations (only one public class per file, and the judge names the file after it); then
 * `ListNode`/`TreeNode` unless the code defines them, and `class Main` with a reader and a writer
 * generated for each type of the signature.
 */
import type { FunctionSignature } from '../signature/signature.js';
import { isSequence, typeKey, type TypeNode } from '../signature/types.js';
import { javaType } from './function.js';
import { runtimeSource } from '../shared/runtime-source.js';
import { definesType } from '../shared/source-scan.js';

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

/** Generates `r_<key>`/`w_<key>` methods for sequence types, once each. */
class JavaCodecs {
  readonly methods = new Map<string, string>();

  /** An expression reading a value of `type` from reader `r`. */
  read(type: TypeNode): string {
    switch (type.kind) {
      case 'int':
        return '(int) r.integer()';
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
        return `r_${this.sequence(type)}(r)`;
    }
  }

  /** A statement writing `value` (of `type`) to the StringBuilder named `b`. */
  write(type: TypeNode, value: string, b = 'b'): string {
    switch (type.kind) {
      case 'int':
      case 'long':
      case 'bool':
        return `${b}.append(${value});`;
      case 'double':
        return `arbWriteDouble(${b}, ${value});`;
      case 'char':
        return `arbWriteString(${b}, String.valueOf(${value}));`;
      case 'string':
        return `arbWriteString(${b}, ${value});`;
      case 'ListNode':
        return `arbWriteList(${b}, ${value});`;
      case 'TreeNode':
        return `arbWriteTree(${b}, ${value});`;
      case 'array':
      case 'list':
        return `w_${this.sequence(type)}(${b}, ${value});`;
    }
  }

  private sequence(type: Extract<TypeNode, { kind: 'array' | 'list' }>): string {
    const key = typeKey(type);
    if (this.methods.has(key)) return key;
    this.methods.set(key, ''); // reserve before recursing
    const of = type.of;
    const elementRead = this.read(of);
    const boxed = javaType(of, true);
    // Boxed elements of a List may be null (nodes write null as []); primitives in arrays cannot.
    const elementWrite =
      type.kind === 'list' && !isSequence(of) && of.kind !== 'ListNode' && of.kind !== 'TreeNode'
        ? `if (x == null) b.append("null"); else ${this.write(of, 'x')}`
        : this.write(of, 'x');
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
    this.methods.set(key, `${reader}\n\n${writer}\n`);
    return key;
  }
}

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
  const codecs = new JavaCodecs();
  const args = signature.params
    .map((p, i) => {
      const comma = i > 0 ? "r.expect(','); " : '';
      return `            ${comma}${javaType(p.type)} a${i} = ${codecs.read(p.type)};`;
    })
    .join('\n');
  const write = codecs.write(signature.returns, 'result', 'payload');
  const main = MAIN.replace('ARGS', () => args)
    .replace('RETURN', () => javaType(signature.returns))
    .replace('METHOD', () => signature.names.java)
    .replace('CALL', () => signature.params.map((_p, i) => `a${i}`).join(', '))
    .replace('WRITE', () => write);
  const nodes =
    (definesType(userCode, 'ListNode', 'java') ? '' : LIST_NODE) +
    (definesType(userCode, 'TreeNode', 'java') ? '' : TREE_NODE);
  const user = userCode.replace(PUBLIC_TYPE, '$1$2');
  const helpers = [...codecs.methods.values()].join('\n');
  return (
    `${IMPORTS}${user}\n\n${nodes}\n@SuppressWarnings({"unchecked", "rawtypes"})\nclass Main {\n` +
    `${runtimeSource(new URL('./runtime.java', import.meta.url))}\n${helpers}\n${main}}\n`
  );
}
