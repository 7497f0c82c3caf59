/**
 * The Go harness, all in `main.go`: `package main`, the runtime's imports (`go/runtime.go`, under names of
 * their own), imports of the standard packages LeetCode's Go code uses without importing them (`sort`,
 * `strings`, `math`…) when the code names them and does not import them itself, then the user's code under
 * `//line solution.go:1` (so compiler messages and stack traces give the user's lines), `ListNode`/`TreeNode`
 * unless the code defines them, the runtime and a `main` that converts each test's arguments and calls the
 * function.
 */
import type { FunctionSignature } from '../signature/signature.js';
import { isSequence, type TypeNode } from '../signature/types.js';
import { runtimeSource } from '../shared/runtime-source.js';
import { stripComments } from '../shared/source-scan.js';
import { goType } from './function.js';

const LIST_NODE = 'type ListNode struct {\n\tVal  int\n\tNext *ListNode\n}\n';
const TREE_NODE = 'type TreeNode struct {\n\tVal   int\n\tLeft  *TreeNode\n\tRight *TreeNode\n}\n';

/** Standard packages a LeetCode solution may use unimported, each with a name that keeps the import used. */
const AUTO_IMPORTS: [name: string, path: string, use: string][] = [
  ['sort', 'sort', 'sort.Ints'],
  ['strings', 'strings', 'strings.Join'],
  ['strconv', 'strconv', 'strconv.Itoa'],
  ['math', 'math', 'math.Abs'],
  ['bits', 'math/bits', 'bits.OnesCount'],
  ['heap', 'container/heap', 'heap.Init'],
  ['list', 'container/list', 'list.New'],
  ['unicode', 'unicode', 'unicode.IsDigit'],
  ['fmt', 'fmt', 'fmt.Println'],
  ['bytes', 'bytes', 'bytes.Equal'],
];

const MARKER = '// arbiter:body\n';

/** A Go expression converting the decoded JSON `expr` to the parameter's type. */
function converter(type: TypeNode): string {
  switch (type.kind) {
    case 'int':
      return 'arbInt';
    case 'long':
      return 'arbInt64';
    case 'double':
      return 'arbFloat';
    case 'bool':
      return 'arbBool';
    case 'string':
      return 'arbString';
    case 'char':
      return 'arbByte';
    case 'ListNode':
      return 'arbList';
    case 'TreeNode':
      return 'arbTree';
    case 'array':
    case 'list':
      return `func(v interface{}) ${goType(type)} { return arbSlice(v, ${converter(type.of)}) }`;
  }
}

function defines(code: string, name: string): boolean {
  return new RegExp(`\\btype\\s+${name}\\s+struct\\b`).test(code);
}

export function goHarness(signature: FunctionSignature, userCode: string): string {
  const runtime = runtimeSource(new URL('./runtime.go', import.meta.url));
  const at = runtime.indexOf(MARKER);
  const head = runtime.slice(0, at);
  const body = runtime.slice(at + MARKER.length);
  const code = stripComments(userCode);
  // A pasted `package main` line is dropped (its line kept, empty), as the file already has one.
  const user = userCode.replace(/^(\s*)package\s+main\b/, '$1');
  const imports = AUTO_IMPORTS.filter(
    ([name, path]) => new RegExp(`\\b${name}\\.`).test(code) && !code.includes(`"${path}"`),
  );
  const guards = imports.map(([, , use]) => `var _ = ${use}\n`).join('');
  const nodes = (defines(code, 'ListNode') ? '' : LIST_NODE) + (defines(code, 'TreeNode') ? '' : TREE_NODE);
  const args = signature.params
    .map(
      (p, i) =>
        `\t\ta${i} := ${isSequence(p.type) ? `(${converter(p.type)})` : converter(p.type)}(args[${i}])`,
    )
    .join('\n');
  const call = signature.params.map((_p, i) => `a${i}`).join(', ');
  const main = `func main() {
\tarbServe(func(args []interface{}) interface{} {
${args}
\t\tvar result ${goType(signature.returns)} = ${signature.names.go}(${call})
\t\treturn result
\t})
}
`;
  // The imports must precede every declaration: the user's own come first in their code, so ours go before.
  const importLines = imports.map(([, path]) => `import "${path}"\n`).join('');
  return `${head}${importLines}//line solution.go:1:1\n${user}\n//line harness.go:1:1\n${guards}${nodes}${body}\n${main}`;
}
