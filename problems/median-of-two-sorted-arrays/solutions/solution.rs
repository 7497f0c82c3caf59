impl Solution {
    pub fn find_median_sorted_arrays(nums1: Vec<i32>, nums2: Vec<i32>) -> f64 {
        let (a, b) = if nums1.len() <= nums2.len() { (nums1, nums2) } else { (nums2, nums1) };
        let (m, n) = (a.len(), b.len());
        let half = (m + n + 1) / 2;
        let (mut lo, mut hi) = (0, m);
        loop {
            let i = (lo + hi) / 2;
            let j = half - i;
            let a_left = if i == 0 { i64::MIN } else { a[i - 1] as i64 };
            let a_right = if i == m { i64::MAX } else { a[i] as i64 };
            let b_left = if j == 0 { i64::MIN } else { b[j - 1] as i64 };
            let b_right = if j == n { i64::MAX } else { b[j] as i64 };
            if a_left <= b_right && b_left <= a_right {
                let left = a_left.max(b_left) as f64;
                if (m + n) % 2 == 1 {
                    return left;
                }
                return (left + a_right.min(b_right) as f64) / 2.0;
            } else if a_left > b_right {
                hi = i - 1;
            } else {
                lo = i + 1;
            }
        }
    }
}
