/**
 * LeetCode-style solutions, as users paste them, for the problem-judging tests: right ones (that
 * also print), wrong ones, crashing ones and ones that do not compile, in all six languages.
 */
/** The languages these solutions are written in (each has a function part). */
export type SolutionLanguage =
  | 'python'
  | 'javascript'
  | 'typescript'
  | 'cpp'
  | 'c'
  | 'java'
  | 'go'
  | 'ruby'
  | 'php'
  | 'rust'
  | 'csharp'
  | 'scala'
  | 'kotlin';

export type PerLanguage = Record<SolutionLanguage, string>;

/** Correct, and prints `checking <n>` on every call. */
export const TWO_SUM_OK: PerLanguage = {
  python: `class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        print("checking", len(nums))
        seen = {}
        for i, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], i]
            seen[x] = i
`,
  javascript: `/**
 * @param {number[]} nums
 * @param {number} target
 * @return {number[]}
 */
var twoSum = function(nums, target) {
    console.log("checking", nums.length);
    const seen = new Map();
    for (let i = 0; i < nums.length; i++) {
        if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];
        seen.set(nums[i], i);
    }
};`,
  typescript: `function twoSum(nums: number[], target: number): number[] {
    console.log("checking", nums.length);
    const seen = new Map<number, number>();
    for (let i = 0; i < nums.length; i++) {
        const j = seen.get(target - nums[i]);
        if (j !== undefined) return [j, i];
        seen.set(nums[i], i);
    }
    return [];
};`,
  cpp: `class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
        cout << "checking " << nums.size() << endl;
        unordered_map<int, int> seen;
        for (int i = 0; i < nums.size(); i++) {
            if (seen.count(target - nums[i])) return {seen[target - nums[i]], i};
            seen[nums[i]] = i;
        }
        return {};
    }
};`,
  c: `/**
 * Note: The returned array must be malloced, assume caller calls free().
 */
int* twoSum(int* nums, int numsSize, int target, int* returnSize) {
    printf("checking %d\\n", numsSize);
    int* answer = malloc(2 * sizeof(int));
    *returnSize = 2;
    /* Sort positions by value, then walk in from both ends. */
    int* order = malloc(numsSize * sizeof(int));
    for (int i = 0; i < numsSize; i++) order[i] = i;
    for (int gap = numsSize / 2; gap > 0; gap /= 2)
        for (int i = gap; i < numsSize; i++)
            for (int j = i; j >= gap && nums[order[j - gap]] > nums[order[j]]; j -= gap) {
                int t = order[j]; order[j] = order[j - gap]; order[j - gap] = t;
            }
    int lo = 0, hi = numsSize - 1;
    while (lo < hi) {
        long long sum = (long long)nums[order[lo]] + nums[order[hi]];
        if (sum == target) break;
        if (sum < target) lo++; else hi--;
    }
    answer[0] = order[lo];
    answer[1] = order[hi];
    free(order);
    return answer;
}`,
  java: `class Solution {
    public int[] twoSum(int[] nums, int target) {
        System.out.println("checking " + nums.length);
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; i < nums.length; i++) {
            if (seen.containsKey(target - nums[i])) return new int[] { seen.get(target - nums[i]), i };
            seen.put(nums[i], i);
        }
        return new int[0];
    }
}`,
  go: `func twoSum(nums []int, target int) []int {
    fmt.Println("checking", len(nums))
    seen := map[int]int{}
    for i, x := range nums {
        if j, ok := seen[target-x]; ok {
            return []int{j, i}
        }
        seen[x] = i
    }
    return nil
}`,
  ruby: `# @param {Integer[]} nums
# @param {Integer} target
# @return {Integer[]}
def two_sum(nums, target)
    puts "checking #{nums.length}"
    seen = {}
    nums.each_with_index do |x, i|
        return [seen[target - x], i] if seen.key?(target - x)
        seen[x] = i
    end
end`,
  php: `class Solution {

    /**
     * @param Integer[] $nums
     * @param Integer $target
     * @return Integer[]
     */
    function twoSum($nums, $target) {
        echo "checking " . count($nums) . "\\n";
        $seen = [];
        foreach ($nums as $i => $x) {
            if (isset($seen[$target - $x])) return [$seen[$target - $x], $i];
            $seen[$x] = $i;
        }
        return [];
    }
}`,
  rust: 'use std::collections::HashMap;\n\nimpl Solution {\n    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {\n        println!("checking {}", nums.len());\n        let mut seen = HashMap::new();\n        for (i, &x) in nums.iter().enumerate() {\n            if let Some(&j) = seen.get(&(target - x)) {\n                return vec![j, i as i32];\n            }\n            seen.insert(x, i as i32);\n        }\n        vec![]\n    }\n}',
  csharp:
    'public class Solution {\n    public int[] TwoSum(int[] nums, int target) {\n        Console.WriteLine("checking " + nums.Length);\n        var seen = new Dictionary<int, int>();\n        for (int i = 0; i < nums.Length; i++) {\n            if (seen.ContainsKey(target - nums[i])) return new int[] { seen[target - nums[i]], i };\n            seen[nums[i]] = i;\n        }\n        return new int[0];\n    }\n}',
  scala: `object Solution {
    def twoSum(nums: Array[Int], target: Int): Array[Int] = {
        println("checking " + nums.length)
        val seen = scala.collection.mutable.HashMap[Int, Int]()
        for (i <- nums.indices) {
            if (seen.contains(target - nums(i))) return Array(seen(target - nums(i)), i)
            seen(nums(i)) = i
        }
        Array()
    }
}`,
  kotlin:
    'class Solution {\n    fun twoSum(nums: IntArray, target: Int): IntArray {\n        println("checking " + nums.size)\n        val seen = HashMap<Int, Int>()\n        for (i in nums.indices) {\n            val j = seen[target - nums[i]]\n            if (j != null) return intArrayOf(j, i)\n            seen[nums[i]] = i\n        }\n        return intArrayOf()\n    }\n}',
};

/** Always answers [0,1]: right on the first sample only. */
export const TWO_SUM_WRONG: PerLanguage = {
  python:
    'class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        return [0, 1]\n',
  javascript: 'var twoSum = function(nums, target) {\n    return [0, 1];\n};',
  typescript: 'const twoSum = (nums: number[], target: number): number[] => [0, 1];',
  cpp: 'class Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) {\n        return {0, 1};\n    }\n};',
  c: 'int* twoSum(int* nums, int numsSize, int target, int* returnSize) {\n    int* a = malloc(8);\n    a[0] = 0;\n    a[1] = 1;\n    *returnSize = 2;\n    return a;\n}',
  java: 'public class Solution {\n    public int[] twoSum(int[] nums, int target) {\n        return new int[] {0, 1};\n    }\n}',
  go: 'func twoSum(nums []int, target int) []int {\n    return []int{0, 1}\n}',
  ruby: 'def two_sum(nums, target)\n    [0, 1]\nend',
  php: 'class Solution {\n    function twoSum($nums, $target) {\n        return [0, 1];\n    }\n}',
  rust: 'impl Solution {\n    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {\n        vec![0, 1]\n    }\n}',
  csharp:
    'public class Solution {\n    public int[] TwoSum(int[] nums, int target) {\n        return new int[] { 0, 1 };\n    }\n}',
  scala:
    'object Solution {\n    def twoSum(nums: Array[Int], target: Int): Array[Int] = {\n        Array(0, 1)\n    }\n}',
  kotlin:
    'class Solution {\n    fun twoSum(nums: IntArray, target: Int): IntArray {\n        return intArrayOf(0, 1)\n    }\n}',
};

/** Fails at run time on the first call. */
export const TWO_SUM_CRASH: PerLanguage = {
  python:
    'class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        return [nums[len(nums)]]\n',
  javascript: 'var twoSum = function(nums, target) {\n    throw new Error("boom");\n};',
  typescript:
    'function twoSum(nums: number[], target: number): number[] {\n    throw new RangeError("boom");\n}',
  cpp: 'class Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) {\n        throw runtime_error("boom");\n    }\n};',
  c: 'int* twoSum(int* nums, int numsSize, int target, int* returnSize) {\n    int* p = NULL;\n    *returnSize = *p;\n    return p;\n}',
  java: 'class Solution {\n    public int[] twoSum(int[] nums, int target) {\n        return new int[] { nums[nums.length] };\n    }\n}',
  go: 'func twoSum(nums []int, target int) []int {\n    return []int{nums[len(nums)]}\n}',
  ruby: 'def two_sum(nums, target)\n    nums.fetch(nums.length)\nend',
  php: 'class Solution {\n    function twoSum($nums, $target) {\n        throw new OutOfRangeException("boom");\n    }\n}',
  rust: 'impl Solution {\n    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {\n        vec![nums[nums.len()]]\n    }\n}',
  csharp:
    'public class Solution {\n    public int[] TwoSum(int[] nums, int target) {\n        return new int[] { nums[nums.Length] };\n    }\n}',
  scala:
    'object Solution {\n    def twoSum(nums: Array[Int], target: Int): Array[Int] = {\n        Array(nums(nums.length))\n    }\n}',
  kotlin:
    'class Solution {\n    fun twoSum(nums: IntArray, target: Int): IntArray {\n        return intArrayOf(nums[nums.size])\n    }\n}',
};

/** Does not compile; the error is on line 3 of the user's code. */
export const TWO_SUM_BROKEN: PerLanguage = {
  python:
    'class Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        return [0, 1\n',
  javascript: 'var twoSum = function(nums, target) {\n    const a = 1;\n    return [0, 1;\n};',
  typescript:
    'function twoSum(nums: number[], target: number): number[] {\n    const a = 1;\n    return [0, 1;\n}',
  cpp: 'class Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) { return undefinedName; }\n};',
  c: 'int* twoSum(int* nums, int numsSize, int target, int* returnSize) {\n    *returnSize = 0;\n    return undefinedName;\n}',
  java: 'class Solution {\n    public int[] twoSum(int[] nums, int target) {\n        return undefinedName;\n    }\n}',
  go: 'import "sort"\n\nfunc twoSum(nums []int, target int) []int { return undefinedName }',
  ruby: 'def two_sum(nums, target)\n    a = 1\n    a = )\nend',
  php: 'class Solution {\n    function twoSum($nums, $target) {\n        return [0, 1;\n    }\n}',
  rust: 'impl Solution {\n    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {\n        undefined_name\n    }\n}',
  csharp:
    'public class Solution {\n    public int[] TwoSum(int[] nums, int target) {\n        return undefinedName;\n    }\n}',
  scala:
    'object Solution {\n    def twoSum(nums: Array[Int], target: Int): Array[Int] = {\n        undefinedName\n    }\n}',
  kotlin:
    'class Solution {\n    fun twoSum(nums: IntArray, target: Int): IntArray {\n        return undefinedName\n    }\n}',
};

/** Checks every pair: O(n²), too slow for n = 10^4 in Python. */
export const TWO_SUM_SLOW_PYTHON = `class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        for i in range(len(nums)):
            for j in range(i + 1, len(nums)):
                if nums[i] + nums[j] == target:
                    return [i, j]
`;

export const REVERSE_LIST_OK: PerLanguage = {
  python: `# Definition for singly-linked list.
# class ListNode:
#     def __init__(self, val=0, next=None):
#         self.val = val
#         self.next = next
class Solution:
    def reverseList(self, head: Optional[ListNode]) -> Optional[ListNode]:
        if not head or not head.next:
            return head
        rest = self.reverseList(head.next)
        head.next.next = head
        head.next = None
        return rest
`,
  javascript: `/**
 * @param {ListNode} head
 * @return {ListNode}
 */
var reverseList = function(head) {
    let prev = null;
    while (head) {
        const next = head.next;
        head.next = prev;
        prev = head;
        head = next;
    }
    return prev;
};`,
  typescript: `function reverseList(head: ListNode | null): ListNode | null {
    let prev: ListNode | null = null;
    while (head) {
        prev = new ListNode(head.val, prev);
        head = head.next;
    }
    return prev;
};`,
  cpp: `class Solution {
public:
    ListNode* reverseList(ListNode* head) {
        ListNode* prev = nullptr;
        while (head) {
            prev = new ListNode(head->val, prev);
            head = head->next;
        }
        return prev;
    }
};`,
  c: `struct ListNode* reverseList(struct ListNode* head) {
    struct ListNode* prev = NULL;
    while (head) {
        struct ListNode* next = head->next;
        head->next = prev;
        prev = head;
        head = next;
    }
    return prev;
}`,
  java: `class Solution {
    public ListNode reverseList(ListNode head) {
        ListNode prev = null;
        while (head != null) {
            prev = new ListNode(head.val, prev);
            head = head.next;
        }
        return prev;
    }
}`,
  go: `/**
 * Definition for singly-linked list.
 * type ListNode struct {
 *     Val int
 *     Next *ListNode
 * }
 */
func reverseList(head *ListNode) *ListNode {
    var prev *ListNode
    for head != nil {
        head, head.Next, prev = head.Next, prev, head
    }
    return prev
}`,
  ruby: `# Definition for singly-linked list.
# class ListNode
#     attr_accessor :val, :next
#     def initialize(val = 0, _next = nil)
#         @val = val
#         @next = _next
#     end
# end
# @param {ListNode} head
# @return {ListNode}
def reverse_list(head)
    prev = nil
    head, head.next, prev = head.next, prev, head while head
    prev
end`,
  php: `/**
 * Definition for a singly-linked list.
 * class ListNode {
 *     public $val = 0;
 *     public $next = null;
 *     function __construct($val = 0, $next = null) {
 *         $this->val = $val;
 *         $this->next = $next;
 *     }
 * }
 */
class Solution {
    function reverseList($head) {
        $prev = null;
        while ($head !== null) {
            $next = $head->next;
            $head->next = $prev;
            $prev = $head;
            $head = $next;
        }
        return $prev;
    }
}`,
  rust: '// Definition for singly-linked list.\n// #[derive(PartialEq, Eq, Clone, Debug)]\n// pub struct ListNode {\n//   pub val: i32,\n//   pub next: Option<Box<ListNode>>\n// }\nimpl Solution {\n    pub fn reverse_list(head: Option<Box<ListNode>>) -> Option<Box<ListNode>> {\n        let (mut prev, mut head) = (None, head);\n        while let Some(mut node) = head {\n            head = node.next.take();\n            node.next = prev;\n            prev = Some(node);\n        }\n        prev\n    }\n}',
  csharp:
    'public class Solution {\n    public ListNode ReverseList(ListNode head) {\n        ListNode prev = null;\n        while (head != null) {\n            prev = new ListNode(head.val, prev);\n            head = head.next;\n        }\n        return prev;\n    }\n}',
  scala: `/**
 * Definition for singly-linked list.
 * class ListNode(_x: Int = 0, _next: ListNode = null) {
 *   var next: ListNode = _next
 *   var x: Int = _x
 * }
 */
object Solution {
    def reverseList(head: ListNode): ListNode = {
        var prev: ListNode = null
        var node = head
        while (node != null) {
            prev = new ListNode(node.x, prev)
            node = node.next
        }
        prev
    }
}`,
  kotlin:
    '/**\n * Example:\n * var li = ListNode(5)\n * var v = li.`val`\n * Definition for singly-linked list.\n * class ListNode(var `val`: Int) {\n *     var next: ListNode? = null\n * }\n */\nclass Solution {\n    fun reverseList(head: ListNode?): ListNode? {\n        var prev: ListNode? = null\n        var node = head\n        while (node != null) {\n            val next = node.next\n            node.next = prev\n            prev = node\n            node = next\n        }\n        return prev\n    }\n}',
};

/** Returns the list unchanged. */
export const REVERSE_LIST_WRONG: PerLanguage = {
  python:
    'class Solution:\n    def reverseList(self, head: Optional[ListNode]) -> Optional[ListNode]:\n        return head\n',
  javascript: 'var reverseList = function(head) {\n    return head;\n};',
  typescript: 'function reverseList(head: ListNode | null): ListNode | null {\n    return head;\n};',
  cpp: 'class Solution {\npublic:\n    ListNode* reverseList(ListNode* head) {\n        return head;\n    }\n};',
  c: 'struct ListNode* reverseList(struct ListNode* head) {\n    return head;\n}',
  java: 'class Solution {\n    public ListNode reverseList(ListNode head) {\n        return head;\n    }\n}',
  go: 'func reverseList(head *ListNode) *ListNode {\n    return head\n}',
  ruby: 'def reverse_list(head)\n    head\nend',
  php: 'class Solution {\n    function reverseList($head) {\n        return $head;\n    }\n}',
  rust: 'impl Solution {\n    pub fn reverse_list(head: Option<Box<ListNode>>) -> Option<Box<ListNode>> {\n        head\n    }\n}',
  csharp:
    'public class Solution {\n    public ListNode ReverseList(ListNode head) {\n        return head;\n    }\n}',
  scala: 'object Solution {\n    def reverseList(head: ListNode): ListNode = {\n        head\n    }\n}',
  kotlin:
    'class Solution {\n    fun reverseList(head: ListNode?): ListNode? {\n        return head\n    }\n}',
};

export const MAX_DEPTH_OK: PerLanguage = {
  python: `class Solution:
    def maxDepth(self, root: Optional[TreeNode]) -> int:
        if not root:
            return 0
        return 1 + max(self.maxDepth(root.left), self.maxDepth(root.right))
`,
  javascript:
    'var maxDepth = function(root) {\n    return root ? 1 + Math.max(maxDepth(root.left), maxDepth(root.right)) : 0;\n};',
  typescript: `function maxDepth(root: TreeNode | null): number {
    if (root === null) return 0;
    return 1 + Math.max(maxDepth(root.left), maxDepth(root.right));
};`,
  cpp: `/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     TreeNode *left;
 *     TreeNode *right;
 * };
 */
class Solution {
public:
    int maxDepth(TreeNode* root) {
        if (!root) return 0;
        return 1 + max(maxDepth(root->left), maxDepth(root->right));
    }
};`,
  c: `int maxDepth(struct TreeNode* root) {
    if (!root) return 0;
    int l = maxDepth(root->left), r = maxDepth(root->right);
    return 1 + (l > r ? l : r);
}`,
  java: `class Solution {
    public int maxDepth(TreeNode root) {
        return root == null ? 0 : 1 + Math.max(maxDepth(root.left), maxDepth(root.right));
    }
}`,
  go: `func maxDepth(root *TreeNode) int {
    if root == nil {
        return 0
    }
    return 1 + max(maxDepth(root.Left), maxDepth(root.Right))
}

func max(a, b int) int {
    if a > b {
        return a
    }
    return b
}`,
  ruby: `def max_depth(root)
    root.nil? ? 0 : 1 + [max_depth(root.left), max_depth(root.right)].max
end`,
  php: `class Solution {
    function maxDepth($root) {
        return $root === null ? 0 : 1 + max($this->maxDepth($root->left), $this->maxDepth($root->right));
    }
}`,
  rust: 'use std::rc::Rc;\nuse std::cell::RefCell;\nimpl Solution {\n    pub fn max_depth(root: Option<Rc<RefCell<TreeNode>>>) -> i32 {\n        match root {\n            None => 0,\n            Some(node) => {\n                let node = node.borrow();\n                1 + Self::max_depth(node.left.clone()).max(Self::max_depth(node.right.clone()))\n            }\n        }\n    }\n}',
  csharp:
    'public class Solution {\n    public int MaxDepth(TreeNode root) {\n        return root == null ? 0 : 1 + Math.Max(MaxDepth(root.left), MaxDepth(root.right));\n    }\n}',
  scala: `object Solution {
    def maxDepth(root: TreeNode): Int = {
        if (root == null) 0 else 1 + math.max(maxDepth(root.left), maxDepth(root.right))
    }
}`,
  kotlin:
    'class Solution {\n    fun maxDepth(root: TreeNode?): Int {\n        if (root == null) return 0\n        return 1 + maxOf(maxDepth(root.left), maxDepth(root.right))\n    }\n}',
};
