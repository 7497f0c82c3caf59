class Solution {
    fun twoSum(nums: IntArray, target: Int): IntArray {
        val seen = HashMap<Int, Int>()
        for (i in nums.indices) {
            val j = seen[target - nums[i]]
            if (j != null) return intArrayOf(j, i)
            seen[nums[i]] = i
        }
        return intArrayOf()
    }
}
