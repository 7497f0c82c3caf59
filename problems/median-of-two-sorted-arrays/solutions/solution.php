class Solution {
    function findMedianSortedArrays($nums1, $nums2) {
        $merged = array_merge($nums1, $nums2);
        sort($merged);
        $n = count($merged);
        return $n % 2 === 1 ? (float) $merged[intdiv($n, 2)] : ($merged[$n / 2 - 1] + $merged[$n / 2]) / 2.0;
    }
}
