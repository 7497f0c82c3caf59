/** What the generated harness sources contain, before any compiler sees them. */
import { describe, expect, it } from 'vitest';
import { LANGUAGE_IDS, type LanguageId } from '@arbiter/contracts';
import { functionPart } from '@arbiter/languages';
import { harnessSource, parseType, supportedLanguages, type FunctionSignature } from '../src/index.js';

const signature = (type: string): FunctionSignature => ({
  name: 'f',
  params: [{ name: 'head', type: parseType(type) }],
  returns: parseType(type),
  names: Object.fromEntries(LANGUAGE_IDS.map((id) => [id, 'f'])) as Record<LanguageId, string>,
});

describe('harnessSource', () => {
  it('Java: makes the user’s public classes package-private so Main.java compiles', () => {
    const code =
      'import java.util.*;\npublic class Solution {\n    public class Pair {}\n    public ListNode f(ListNode head) { return head; }\n}';
    const source = harnessSource(signature('ListNode'), 'java', code);
    expect(source).toMatch(
      /^import java\.util\.\*; import java\.util\.stream\.\*;.*import java\.util\.\*;\nclass Solution \{\n {4}class Pair \{\}/,
    );
    expect(source).not.toMatch(/^\s*public\s+class/m);
  });

  it('defines ListNode and TreeNode only when the user code does not', () => {
    const own =
      'struct ListNode { int val; ListNode* next; ListNode(int x) : val(x), next(nullptr) {} };\nclass Solution {};';
    const commented = '/**\n * struct ListNode {\n *     int val;\n * };\n */\nclass Solution {};';
    const count = (source: string) => source.match(/struct ListNode \{/g)?.length;
    expect(count(harnessSource(signature('ListNode'), 'cpp', own))).toBe(1);
    expect(count(harnessSource(signature('ListNode'), 'cpp', commented))).toBe(2); // the comment and ours
    const rust = (code: string) => harnessSource(signature('TreeNode'), 'rust', code);
    expect(rust('impl Solution {}')).toMatch(
      /pub struct Solution;[^]*pub struct ListNode \{[^]*pub struct TreeNode \{/,
    );
    const ownSolution = rust('// pub struct TreeNode {\npub struct Solution;\nimpl Solution {}');
    expect(ownSolution.match(/struct Solution/g)).toHaveLength(1);
    expect(ownSolution.match(/pub struct TreeNode \{/g)).toHaveLength(2); // the comment and ours
    expect(
      rust('pub struct TreeNode { pub val: i32 }\nimpl Solution {}').match(/struct TreeNode/g),
    ).toHaveLength(1);
    const scala = (code: string) => harnessSource(signature('TreeNode'), 'scala', code);
    expect(scala('object Solution {}').match(/^class (ListNode|TreeNode)\(/gm)).toEqual([
      'class ListNode(',
      'class TreeNode(',
    ]);
    expect(
      scala('/**\n * class TreeNode(_value: Int = 0) {\n */\nobject Solution {}').match(/class TreeNode\(/g),
    ).toHaveLength(2); // the comment and ours
    expect(
      scala(
        'case class TreeNode(var value: Int, var left: TreeNode, var right: TreeNode)\nobject Solution {}',
      ).match(/class TreeNode\(/g),
    ).toHaveLength(1);
    const kotlin = (code: string) => harnessSource(signature('TreeNode'), 'kotlin', code);
    expect(kotlin('class Solution {}').match(/^class (ListNode|TreeNode)\(var `val`: Int\) \{/gm)).toEqual([
      'class ListNode(var `val`: Int) {',
      'class TreeNode(var `val`: Int) {',
    ]);
    expect(
      kotlin(
        '/**\n * class TreeNode(var `val`: Int) {\n */\nclass TreeNode(var `val`: Int, var left: TreeNode? = null, var right: TreeNode? = null)\nclass Solution {}',
      ).match(/^class TreeNode/gm),
    ).toHaveLength(1);
    expect(
      harnessSource(signature('ListNode'), 'javascript', 'class ListNode {}\nvar f = (h) => h;'),
    ).not.toContain('function ListNode(');
  });

  it('puts the user code on the first lines, or maps its lines back', () => {
    expect(
      harnessSource(signature('int'), 'javascript', 'var f = (x) => x;').startsWith('var f = (x) => x;\n'),
    ).toBe(true);
    expect(harnessSource(signature('int'), 'cpp', 'class Solution {};')).toContain(
      '#line 1 "solution.cpp"\nclass Solution {};\n',
    );
    expect(harnessSource(signature('int'), 'c', 'int f(int x) { return x; }')).toContain(
      '#line 1 "solution.c"\n',
    );
    expect(harnessSource(signature('int'), 'rust', 'impl Solution {}')).toMatch(
      /^#!\[allow\([^)]*\)\] impl Solution \{\}\n/,
    );
    expect(harnessSource(signature('int'), 'csharp', 'public class Solution {}')).toContain(
      '#line 1 "solution.cs"\npublic class Solution {}\n#line default\n',
    );
    expect(
      harnessSource(signature('int'), 'scala', 'object Solution {}').startsWith('object Solution {}\n'),
    ).toBe(true);
    expect(harnessSource(signature('int'), 'kotlin', 'class Solution {}')).toMatch(
      /^import java\.util\.\*; import kotlin\.math\.\*; class Solution \{\}\n/,
    );
    expect(harnessSource(signature('int'), 'python', 'class Solution: pass')).toContain(
      '_ARBITER_SOURCE = "class Solution: pass"',
    );
  });

  it('C cannot take arrays of nodes; every other language with function problems can', () => {
    const withFunctions = LANGUAGE_IDS.filter((id) => functionPart(id) !== undefined);
    expect(withFunctions).toContain('c');
    expect(supportedLanguages([parseType('ListNode[]')])).toEqual(withFunctions.filter((id) => id !== 'c'));
    expect(() => harnessSource(signature('list<TreeNode>'), 'c', '')).toThrow(
      /C does not support arrays of ListNode/,
    );
  });
});
