/**
 * The C++ harness: `<bits/stdc++.h>`, `using namespace std;` and LeetCode's `ListNode`/`TreeNode`
 * (unless the code defines them), then the user's code under `#line 1 "solution.cpp"` so compiler
 * messages point at the user's lines, then the JSON runtime and a `main` calling the method per test
 * received on the channel (see `protocol.ts`).
 */
import type { FunctionSignature } from '../signature/signature.js';
import { cppType } from './function.js';
import { runtimeSource } from '../shared/runtime-source.js';
import { definesType } from '../shared/source-scan.js';

const PRELUDE = `#include <bits/stdc++.h>
#include <sys/resource.h>
using namespace std;
`;

const LIST_NODE = `struct ListNode {
    int val;
    ListNode *next;
    ListNode() : val(0), next(nullptr) {}
    ListNode(int x) : val(x), next(nullptr) {}
    ListNode(int x, ListNode *next) : val(x), next(next) {}
};
`;

const TREE_NODE = `struct TreeNode {
    int val;
    TreeNode *left;
    TreeNode *right;
    TreeNode() : val(0), left(nullptr), right(nullptr) {}
    TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
    TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
};
`;

const MAIN = `int main() {
    arbiter::openChannel();
    arbiter::sendLine("ready");
    for (std::string line; arbiter::receive(line);) {
        char* body = nullptr;
        long index = std::strtol(line.c_str(), &body, 10);
        arbiter::Reader reader{body, line.c_str() + line.size()};
        reader.expect('[');
ARGS
        reader.expect(']');
        std::string payload;
        try {
            Solution* solution = new Solution();
            auto result = solution->METHOD(CALL);
            using Declared = RETURN;  // the declared return type decides how it is written
            const Declared& typed = result;
            arbiter::write(payload, typed);
            delete solution;
        } catch (const std::exception& error) {
            std::string message;
            arbiter::writeString(message, error.what());
            arbiter::send(index, "error", message);
            return 1;
        } catch (...) {
            arbiter::send(index, "error", "\\"unknown exception\\"");
            return 1;
        }
        arbiter::send(index, "ok", payload);
    }
    return 0;
}
`;

export function cppHarness(signature: FunctionSignature, userCode: string): string {
  const args = signature.params
    .map((p, i) => {
      const comma = i > 0 ? "reader.expect(','); " : '';
      return `        ${comma}auto a${i} = arbiter::read<${cppType(p.type)}>(reader);`;
    })
    .join('\n');
  const main = MAIN.replace('ARGS', () => args)
    .replace('METHOD', () => signature.names.cpp)
    .replace('CALL', () => signature.params.map((_p, i) => `a${i}`).join(', '))
    .replace('RETURN', () => cppType(signature.returns));
  const nodes =
    (definesType(userCode, 'ListNode', 'c-like') ? '' : LIST_NODE) +
    (definesType(userCode, 'TreeNode', 'c-like') ? '' : TREE_NODE);
  return `${PRELUDE}${nodes}#line 1 "solution.cpp"\n${userCode}\n#line 1 "harness.cpp"\n${runtimeSource(new URL('./runtime.hpp', import.meta.url))}\n${main}`;
}
