/**
 * The C++ harness: `<bits/stdc++.h>`, `using namespace std;` and LeetCode's `ListNode`/`TreeNode`
 * (unless the code defines them), then the user's code under `#line 1 "solution.cpp"` so compiler
 * messages point at the user's lines, then the JSON runtime and a `main` calling the method per test.
 */
import type { FunctionSignature } from '../problem.js';
import { cppType } from './cpp.js';
import { CPP_RUNTIME } from './cpp-runtime.js';
import { definesType } from './source-scan.js';

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
    std::string input = arbiter::readAll();
    std::size_t pos = input.find('\\n');
    std::string nonce = input.substr(0, pos);
    while (!nonce.empty() && (nonce.back() == '\\r' || nonce.back() == ' ')) nonce.pop_back();
    long index = 0;
    while (pos != std::string::npos && pos + 1 < input.size()) {
        std::size_t start = pos + 1;
        pos = input.find('\\n', start);
        std::string line = input.substr(start, pos == std::string::npos ? std::string::npos : pos - start);
        if (line.find_first_not_of(" \\r\\t") == std::string::npos) continue;
        arbiter::Reader reader{line.c_str(), line.c_str() + line.size()};
        reader.expect('[');
ARGS
        reader.expect(']');
        std::string payload;
        long long micros = 0;
        try {
            Solution* solution = new Solution();
            auto started = std::chrono::steady_clock::now();
            auto result = solution->METHOD(CALL);
            auto elapsed = std::chrono::steady_clock::now() - started;
            micros = std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count();
            using Declared = RETURN;  // the declared return type decides how it is written
            const Declared& typed = result;
            arbiter::write(payload, typed);
            delete solution;
        } catch (const std::exception& error) {
            std::string message;
            arbiter::writeString(message, error.what());
            arbiter::emit(nonce, index, "error", 0, message);
            return 1;
        } catch (...) {
            arbiter::emit(nonce, index, "error", 0, "\\"unknown exception\\"");
            return 1;
        }
        arbiter::emit(nonce, index, "ok", micros, payload);
        index++;
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
  return `${PRELUDE}${nodes}#line 1 "solution.cpp"\n${userCode}\n#line 1 "harness.cpp"\n${CPP_RUNTIME}\n${main}`;
}
