/** Starter code per language, in LeetCode's exact format. */
import { describe, expect, it } from 'vitest';
import { CATALOG_ROOT, loadProblem, starterCode, type Problem } from '../src/index.js';

const load = (slug: string): Promise<Problem> => loadProblem(`${CATALOG_ROOT}/${slug}`);

describe('two-sum', async () => {
  const problem = await load('two-sum');

  it.each([
    ['python', 'class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        '],
    ['java', 'class Solution {\n    public int[] twoSum(int[] nums, int target) {\n        \n    }\n}'],
    [
      'cpp',
      'class Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) {\n        \n    }\n};',
    ],
    [
      'javascript',
      '/**\n * @param {number[]} nums\n * @param {number} target\n * @return {number[]}\n */\nvar twoSum = function(nums, target) {\n    \n};',
    ],
    ['typescript', 'function twoSum(nums: number[], target: number): number[] {\n    \n};'],
    [
      'c',
      '/**\n * Note: The returned array must be malloced, assume caller calls free().\n */\nint* twoSum(int* nums, int numsSize, int target, int* returnSize) {\n    \n}',
    ],
  ] as const)('%s', (language, expected) => {
    expect(starterCode(problem, language)).toBe(expected);
  });
});

describe('node definitions are shown as comments', async () => {
  const list = await load('reverse-linked-list');
  const tree = await load('maximum-depth-of-binary-tree');

  it('python', () => {
    expect(starterCode(list, 'python')).toBe(
      '# Definition for singly-linked list.\n# class ListNode:\n#     def __init__(self, val=0, next=None):\n' +
        '#         self.val = val\n#         self.next = next\nclass Solution:\n' +
        '    def reverseList(self, head: Optional[ListNode]) -> Optional[ListNode]:\n        ',
    );
  });

  it('cpp and java', () => {
    expect(starterCode(tree, 'cpp')).toMatch(
      /^\/\*\*\n \* Definition for a binary tree node\.\n \* struct TreeNode \{\n/,
    );
    expect(starterCode(tree, 'cpp')).toMatch(
      / \*\/\nclass Solution \{\npublic:\n {4}int maxDepth\(TreeNode\* root\) \{\n {8}\n {4}\}\n\};$/,
    );
    expect(starterCode(list, 'java')).toMatch(
      / \* public class ListNode \{\n[^]* \*\/\nclass Solution \{\n {4}public ListNode reverseList\(ListNode head\) \{/,
    );
  });

  it('javascript and typescript', () => {
    expect(starterCode(list, 'javascript')).toMatch(
      /^\/\*\*\n \* Definition for singly-linked list\.\n \* function ListNode\(val, next\) \{\n[^]*\/\*\*\n \* @param \{ListNode\} head\n \* @return \{ListNode\}\n \*\/\nvar reverseList = function\(head\) \{\n {4}\n\};$/,
    );
    expect(starterCode(tree, 'typescript')).toMatch(
      / \* class TreeNode \{\n[^]* \*\/\n\nfunction maxDepth\(root: TreeNode \| null\): number \{\n {4}\n\};$/,
    );
  });

  it('c', () => {
    expect(starterCode(list, 'c')).toMatch(
      /struct ListNode\* reverseList\(struct ListNode\* head\) \{\n {4}\n\}$/,
    );
  });
});

describe('LeetCode spellings of other types', async () => {
  const anagrams = await load('group-anagrams');
  const intervals = await load('merge-intervals');
  const islands = await load('number-of-islands');
  const median = await load('median-of-two-sorted-arrays');

  it('python', () => {
    expect(starterCode(anagrams, 'python')).toContain(
      'def groupAnagrams(self, strs: List[str]) -> List[List[str]]:',
    );
    expect(starterCode(islands, 'python')).toContain('def numIslands(self, grid: List[List[str]]) -> int:');
    expect(starterCode(median, 'python')).toContain('-> float:');
  });

  it('java', () => {
    expect(starterCode(anagrams, 'java')).toContain(
      'public List<List<String>> groupAnagrams(String[] strs) {',
    );
    expect(starterCode(intervals, 'java')).toContain('public int[][] merge(int[][] intervals) {');
    expect(starterCode(islands, 'java')).toContain('public int numIslands(char[][] grid) {');
  });

  it('cpp', () => {
    expect(starterCode(anagrams, 'cpp')).toContain(
      'vector<vector<string>> groupAnagrams(vector<string>& strs) {',
    );
    expect(starterCode(islands, 'cpp')).toContain('int numIslands(vector<vector<char>>& grid) {');
    expect(starterCode(median, 'cpp')).toContain(
      'double findMedianSortedArrays(vector<int>& nums1, vector<int>& nums2) {',
    );
  });

  it('javascript and typescript', () => {
    expect(starterCode(islands, 'javascript')).toContain(
      ' * @param {character[][]} grid\n * @return {number}',
    );
    expect(starterCode(anagrams, 'javascript')).toContain(' * @return {string[][]}');
    expect(starterCode(anagrams, 'typescript')).toBe(
      'function groupAnagrams(strs: string[]): string[][] {\n    \n};',
    );
  });

  it('rust: snake case, Vec, Option<Box<ListNode>>, Option<Rc<RefCell<TreeNode>>>', async () => {
    expect(starterCode(anagrams, 'rust')).toBe(
      'impl Solution {\n    pub fn group_anagrams(strs: Vec<String>) -> Vec<Vec<String>> {\n        \n    }\n}',
    );
    expect(starterCode(islands, 'rust')).toContain('pub fn num_islands(grid: Vec<Vec<char>>) -> i32 {');
    expect(starterCode(median, 'rust')).toContain(
      'pub fn find_median_sorted_arrays(nums1: Vec<i32>, nums2: Vec<i32>) -> f64 {',
    );
    expect(starterCode(await load('reverse-linked-list'), 'rust')).toMatch(
      /^\/\/ Definition for singly-linked list\.\n[^]*\/\/ }\n\nimpl Solution \{\n {4}pub fn reverse_list\(head: Option<Box<ListNode>>\) -> Option<Box<ListNode>> \{/,
    );
    expect(starterCode(await load('maximum-depth-of-binary-tree'), 'rust')).toMatch(
      /\nuse std::rc::Rc;\nuse std::cell::RefCell;\n\nimpl Solution \{\n {4}pub fn max_depth\(root: Option<Rc<RefCell<TreeNode>>>\) -> i32 \{/,
    );
  });

  it('csharp: PascalCase methods, jagged arrays, IList', () => {
    expect(starterCode(anagrams, 'csharp')).toBe(
      'public class Solution {\n    public IList<IList<string>> GroupAnagrams(string[] strs) {\n        \n    }\n}',
    );
    expect(starterCode(islands, 'csharp')).toContain('public int NumIslands(char[][] grid) {');
    expect(starterCode(intervals, 'csharp')).toContain('public int[][] Merge(int[][] intervals) {');
  });

  it('scala: object Solution, Array, List for lists, LeetCode node classes', async () => {
    expect(starterCode(anagrams, 'scala')).toBe(
      'object Solution {\n    def groupAnagrams(strs: Array[String]): List[List[String]] = {\n        \n    }\n}',
    );
    expect(starterCode(islands, 'scala')).toContain('def numIslands(grid: Array[Array[Char]]): Int = {');
    expect(starterCode(intervals, 'scala')).toContain(
      'def merge(intervals: Array[Array[Int]]): Array[Array[Int]] = {',
    );
    expect(starterCode(median, 'scala')).toContain(
      'def findMedianSortedArrays(nums1: Array[Int], nums2: Array[Int]): Double = {',
    );
    expect(starterCode(await load('word-break'), 'scala')).toContain(
      'def wordBreak(s: String, wordDict: List[String]): Boolean = {',
    );
    expect(starterCode(await load('reverse-linked-list'), 'scala')).toBe(
      '/**\n * Definition for singly-linked list.\n * class ListNode(_x: Int = 0, _next: ListNode = null) {\n' +
        ' *   var next: ListNode = _next\n *   var x: Int = _x\n * }\n */\n' +
        'object Solution {\n    def reverseList(head: ListNode): ListNode = {\n        \n    }\n}',
    );
    expect(starterCode(await load('maximum-depth-of-binary-tree'), 'scala')).toBe(
      '/**\n * Definition for a binary tree node.\n' +
        ' * class TreeNode(_value: Int = 0, _left: TreeNode = null, _right: TreeNode = null) {\n' +
        ' *   var value: Int = _value\n *   var left: TreeNode = _left\n *   var right: TreeNode = _right\n * }\n */\n' +
        'object Solution {\n    def maxDepth(root: TreeNode): Int = {\n        \n    }\n}',
    );
  });

  it('kotlin: IntArray, Array<CharArray>, List<List<String>>, nullable nodes', async () => {
    expect(starterCode(anagrams, 'kotlin')).toBe(
      'class Solution {\n    fun groupAnagrams(strs: Array<String>): List<List<String>> {\n        \n    }\n}',
    );
    expect(starterCode(islands, 'kotlin')).toContain('fun numIslands(grid: Array<CharArray>): Int {');
    expect(starterCode(intervals, 'kotlin')).toContain(
      'fun merge(intervals: Array<IntArray>): Array<IntArray> {',
    );
    expect(starterCode(median, 'kotlin')).toContain(
      'fun findMedianSortedArrays(nums1: IntArray, nums2: IntArray): Double {',
    );
    expect(starterCode(await load('reverse-linked-list'), 'kotlin')).toBe(
      '/**\n * Example:\n * var li = ListNode(5)\n * var v = li.`val`\n * Definition for singly-linked list.\n' +
        ' * class ListNode(var `val`: Int) {\n *     var next: ListNode? = null\n * }\n */\n' +
        'class Solution {\n    fun reverseList(head: ListNode?): ListNode? {\n        \n    }\n}',
    );
    expect(starterCode(await load('maximum-depth-of-binary-tree'), 'kotlin')).toMatch(
      /^\/\*\*\n \* Example:\n \* var ti = TreeNode\(5\)\n[^]* \* class TreeNode\(var `val`: Int\) \{\n \* {5}var left: TreeNode\? = null\n \* {5}var right: TreeNode\? = null\n \* \}\n \*\/\nclass Solution \{\n {4}fun maxDepth\(root: TreeNode\?\): Int \{/,
    );
  });

  it('c: sizes, column sizes and returned sizes', () => {
    expect(starterCode(intervals, 'c')).toBe(
      '/**\n * Return an array of arrays of size *returnSize.\n * The sizes of the arrays are returned as *returnColumnSizes array.\n' +
        ' * Note: Both returned array and *columnSizes array must be malloced, assume caller calls free().\n */\n' +
        'int** merge(int** intervals, int intervalsSize, int* intervalsColSize, int* returnSize, int** returnColumnSizes) {\n    \n}',
    );
    expect(starterCode(anagrams, 'c')).toContain(
      'char*** groupAnagrams(char** strs, int strsSize, int* returnSize, int** returnColumnSizes) {',
    );
    expect(starterCode(islands, 'c')).toBe(
      'int numIslands(char** grid, int gridSize, int* gridColSize) {\n    \n}',
    );
  });
});

describe('stdio problems', async () => {
  const aPlusB = await load('a-plus-b');
  it('start from a program that reads stdin', () => {
    expect(starterCode(aPlusB, 'cpp')).toContain('int main() {');
    expect(starterCode(aPlusB, 'java')).toContain('public class Main {');
  });
});
