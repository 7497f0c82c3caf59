class Solution {
    public double findMedianSortedArrays(int[] nums1, int[] nums2) {
        int total = nums1.length + nums2.length;
        int i = 0, j = 0, previous = 0, current = 0;
        for (int k = 0; k <= total / 2; k++) {
            previous = current;
            if (j >= nums2.length || (i < nums1.length && nums1[i] <= nums2[j])) current = nums1[i++];
            else current = nums2[j++];
        }
        return total % 2 == 1 ? current : (previous + (double) current) / 2;
    }
}
