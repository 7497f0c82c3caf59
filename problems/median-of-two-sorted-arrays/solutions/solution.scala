object Solution {
    def findMedianSortedArrays(nums1: Array[Int], nums2: Array[Int]): Double = {
        // Binary search for the split of the shorter array: O(log(min(m, n))).
        if (nums1.length > nums2.length) return findMedianSortedArrays(nums2, nums1)
        val m = nums1.length
        val n = nums2.length
        val half = (m + n + 1) / 2
        var lo = 0
        var hi = m
        while (lo <= hi) {
            val i = (lo + hi) / 2
            val j = half - i
            val left1 = if (i == 0) Long.MinValue else nums1(i - 1).toLong
            val right1 = if (i == m) Long.MaxValue else nums1(i).toLong
            val left2 = if (j == 0) Long.MinValue else nums2(j - 1).toLong
            val right2 = if (j == n) Long.MaxValue else nums2(j).toLong
            if (left1 <= right2 && left2 <= right1) {
                val left = math.max(left1, left2)
                if ((m + n) % 2 == 1) return left.toDouble
                return (left + math.min(right1, right2)) / 2.0
            } else if (left1 > right2) hi = i - 1
            else lo = i + 1
        }
        0.0
    }
}
