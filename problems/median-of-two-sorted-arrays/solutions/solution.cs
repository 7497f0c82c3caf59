public class Solution {
    public double FindMedianSortedArrays(int[] nums1, int[] nums2) {
        if (nums1.Length > nums2.Length) return FindMedianSortedArrays(nums2, nums1);
        int m = nums1.Length, n = nums2.Length, half = (m + n + 1) / 2;
        int lo = 0, hi = m;
        while (true) {
            int i = (lo + hi) / 2, j = half - i;
            long aLeft = i == 0 ? long.MinValue : nums1[i - 1];
            long aRight = i == m ? long.MaxValue : nums1[i];
            long bLeft = j == 0 ? long.MinValue : nums2[j - 1];
            long bRight = j == n ? long.MaxValue : nums2[j];
            if (aLeft <= bRight && bLeft <= aRight) {
                double left = Math.Max(aLeft, bLeft);
                if ((m + n) % 2 == 1) return left;
                return (left + Math.Min(aRight, bRight)) / 2.0;
            }
            if (aLeft > bRight) hi = i - 1;
            else lo = i + 1;
        }
    }
}
