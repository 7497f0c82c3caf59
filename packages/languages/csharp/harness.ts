/**
 * The C# harness, all in `main.cs`: the `using` lines LeetCode's C# has preloaded, the user's code under
 * `#line 1 "solution.cs"` (so compiler messages give the user's own lines), `ListNode`/`TreeNode` unless the
 * code defines them, the runtime (`csharp/runtime.cs`, namespace `ArbiterHarness`) and a `Main` that serves
 * the tests through the user's method, found by reflection.
 */
import type { FunctionSignature } from '../signature/signature.js';
import { runtimeSource } from '../shared/runtime-source.js';
import { stripComments } from '../shared/source-scan.js';
import { csharpMethod } from './function.js';

const USINGS = [
  'System',
  'System.Collections',
  'System.Collections.Generic',
  'System.Linq',
  'System.Text',
  'System.Text.RegularExpressions',
  'System.Numerics',
];

const LIST_NODE = `public class ListNode {
    public int val;
    public ListNode next;
    public ListNode(int val = 0, ListNode next = null) {
        this.val = val;
        this.next = next;
    }
}
`;
const TREE_NODE = `public class TreeNode {
    public int val;
    public TreeNode left;
    public TreeNode right;
    public TreeNode(int val = 0, TreeNode left = null, TreeNode right = null) {
        this.val = val;
        this.left = left;
        this.right = right;
    }
}
`;

function defines(code: string, name: string): boolean {
  return new RegExp(`\\b(class|struct)\\s+${name}\\b`).test(code);
}

export function csharpHarness(signature: FunctionSignature, userCode: string): string {
  const code = stripComments(userCode);
  const nodes = (defines(code, 'ListNode') ? '' : LIST_NODE) + (defines(code, 'TreeNode') ? '' : TREE_NODE);
  const usings = USINGS.map((name) => `using ${name};\n`).join('');
  const main = `namespace ArbiterHarness {
    public static class Program {
        public static void Main() {
            Runtime.Serve(typeof(global::Solution), ${JSON.stringify(csharpMethod(signature))}, ${signature.params.length});
        }
    }
}
`;
  // A using the user's code repeats is only a warning (CS0105): silenced, as LeetCode shows none.
  return (
    `#pragma warning disable 105\n${usings}#line 1 "solution.cs"\n${userCode}\n#line default\n` +
    `${nodes}${runtimeSource(new URL('./runtime.cs', import.meta.url))}\n${main}`
  );
}
