double findMedianSortedArrays(int* nums1, int nums1Size, int* nums2, int nums2Size) {
    int total = nums1Size + nums2Size;
    int i = 0, j = 0, previous = 0, current = 0;
    for (int k = 0; k <= total / 2; k++) {
        previous = current;
        if (j >= nums2Size || (i < nums1Size && nums1[i] <= nums2[j])) current = nums1[i++];
        else current = nums2[j++];
    }
    return total % 2 ? current : (previous + (double)current) / 2;
}
