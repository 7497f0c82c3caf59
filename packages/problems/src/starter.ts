/**
 * Starter code shown in the editor, per language: for function problems LeetCode's exact format
 * (definition comments for ListNode/TreeNode, `class Solution`, an empty body); for stdio problems
 * a program that reads stdin.
 */
import type { LanguageId } from '@arbiter/contracts';
import { cStarter } from './lang/c.js';
import { cppStarter } from './lang/cpp.js';
import { javaStarter } from './lang/java.js';
import { javascriptStarter, typescriptStarter } from './lang/javascript.js';
import { pythonStarter } from './lang/python.js';
import type { FunctionSignature, Problem } from './problem.js';

const FUNCTION_STARTERS: Record<LanguageId, (signature: FunctionSignature) => string> = {
  python: pythonStarter,
  javascript: javascriptStarter,
  typescript: typescriptStarter,
  cpp: cppStarter,
  c: cStarter,
  java: javaStarter,
};

const STDIO_STARTERS: Record<LanguageId, string> = {
  python: 'import sys\n\ndata = sys.stdin.read().split()\n',
  javascript: "const data = require('fs').readFileSync(0, 'utf8').split(/\\s+/).filter(Boolean);\n",
  typescript: "const data: string[] = require('fs').readFileSync(0, 'utf8').split(/\\s+/).filter(Boolean);\n",
  cpp: '#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    \n    return 0;\n}\n',
  c: '#include <stdio.h>\n\nint main(void) {\n    \n    return 0;\n}\n',
  java:
    'import java.util.*;\n\npublic class Main {\n    public static void main(String[] args) {\n' +
    '        Scanner in = new Scanner(System.in);\n        \n    }\n}\n',
};

export function starterCode(problem: Problem, language: LanguageId): string {
  return problem.kind === 'function'
    ? FUNCTION_STARTERS[language](problem.signature)
    : STDIO_STARTERS[language];
}

/** The starter code of a bare signature (for tests and previews). */
export function functionStarter(signature: FunctionSignature, language: LanguageId): string {
  return FUNCTION_STARTERS[language](signature);
}
