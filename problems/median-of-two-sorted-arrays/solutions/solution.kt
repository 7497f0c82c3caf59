class Solution {
    fun findMedianSortedArrays(nums1: IntArray, nums2: IntArray): Double {
        if (nums1.size > nums2.size) return findMedianSortedArrays(nums2, nums1)
        val m = nums1.size
        val n = nums2.size
        var lo = 0
        var hi = m
        while (true) {
            val i = (lo + hi) / 2
            val j = (m + n + 1) / 2 - i
            val leftA = if (i == 0) Long.MIN_VALUE else nums1[i - 1].toLong()
            val rightA = if (i == m) Long.MAX_VALUE else nums1[i].toLong()
            val leftB = if (j == 0) Long.MIN_VALUE else nums2[j - 1].toLong()
            val rightB = if (j == n) Long.MAX_VALUE else nums2[j].toLong()
            when {
                leftA > rightB -> hi = i - 1
                leftB > rightA -> lo = i + 1
                (m + n) % 2 == 1 -> return max(leftA, leftB).toDouble()
                else -> return (max(leftA, leftB) + min(rightA, rightB)) / 2.0
            }
        }
    }
}
