/**
 * The C harness: LeetCode's headers and `struct ListNode`/`struct TreeNode` (unless the code
 * defines them), the user's code under `#line 1 "solution.c"`, then the JSON runtime and a `main`
 * that passes arrays with their sizes and reads returned sizes back, per LeetCode's conventions, one test
 * at a time from the channel (see `protocol.ts`).
 */
import type { FunctionSignature } from '../signature/signature.js';
import { leafOf, nesting, type TypeNode } from '../signature/types.js';
import { cType } from './function.js';
import { runtimeSource } from '../shared/runtime-source.js';
import { definesType } from '../shared/source-scan.js';

const PRELUDE = `#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
`;

const LIST_NODE = `struct ListNode {
    int val;
    struct ListNode *next;
};
`;

const TREE_NODE = `struct TreeNode {
    int val;
    struct TreeNode *left;
    struct TreeNode *right;
};
`;

const MAIN = `int main(void) {
    arb_open_channel();
    arb_send_raw("ready\\n", 6);
    for (char* line; (line = arb_receive()) != NULL; free(line)) {
        char* body = NULL;
        long index = strtol(line, &body, 10);
        arb_reader reader = {body, line + strlen(line)};
        arb_reader* r = &reader;
        arb_expect(r, '[');
ARGS
        arb_expect(r, ']');
RESULT_DECL
        RESULT_TYPE result = METHOD(CALL);
        arb_buf payload = {0};
        WRITE
        arb_send(index, "ok", payload.data);
        free(payload.data);
    }
    return 0;
}
`;

/** Name of the leaf type in the runtime's function names (`arb_r_A_int`, `arb_w_ListNode`). */
function leafName(type: TypeNode): string {
  return leafOf(type).kind;
}

function readArg(type: TypeNode, name: string): string {
  const leaf = leafName(type);
  switch (nesting(type)) {
    case 0:
      return `${cType(type)} ${name} = arb_r_${leaf}(r);`;
    case 1:
      return `int ${name}Size = 0; ${cType(type)} ${name} = arb_r_A_${leaf}(r, &${name}Size);`;
    default:
      return `int ${name}Size = 0; int* ${name}ColSize = NULL; ${cType(type)} ${name} = arb_r_AA_${leaf}(r, &${name}Size, &${name}ColSize);`;
  }
}

function passArg(type: TypeNode, name: string): string[] {
  return [name, `${name}Size`, `${name}ColSize`].slice(0, nesting(type) + 1);
}

export function cHarness(signature: FunctionSignature, userCode: string): string {
  const ret = signature.returns;
  const args = signature.params
    .map((p, i) => `        ${i > 0 ? "arb_expect(r, ','); " : ''}${readArg(p.type, `a${i}`)}`)
    .join('\n');
  const call = [
    ...signature.params.flatMap((p, i) => passArg(p.type, `a${i}`)),
    ...['&returnSize', '&returnColumnSizes'].slice(0, nesting(ret)),
  ].join(', ');
  const resultDecl = ['        int returnSize = 0;', '        int* returnColumnSizes = NULL;']
    .slice(0, nesting(ret))
    .join('\n');
  const leaf = leafName(ret);
  const write = [
    `arb_w_${leaf}(&payload, result);`,
    `arb_w_A_${leaf}(&payload, result, returnSize);`,
    `arb_w_AA_${leaf}(&payload, result, returnSize, returnColumnSizes);`,
  ][nesting(ret)];
  const main = MAIN.replace('ARGS', () => args)
    .replace('RESULT_DECL', () => resultDecl)
    .replace('RESULT_TYPE', () => cType(ret))
    .replace('METHOD', () => signature.names.c)
    .replace('CALL', () => call)
    .replace('WRITE', () => write ?? '');
  const nodes =
    (definesType(userCode, 'ListNode', 'c-like') ? '' : LIST_NODE) +
    (definesType(userCode, 'TreeNode', 'c-like') ? '' : TREE_NODE);
  return `${PRELUDE}${nodes}#line 1 "solution.c"\n${userCode}\n#line 1 "harness.c"\n${runtimeSource(new URL('./runtime.c', import.meta.url))}\n${main}`;
}
