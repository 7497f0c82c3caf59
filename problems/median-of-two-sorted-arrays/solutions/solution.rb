# @param {Integer[]} nums1
# @param {Integer[]} nums2
# @return {Float}
def find_median_sorted_arrays(nums1, nums2)
  merged = (nums1 + nums2).sort
  n = merged.length
  n.odd? ? merged[n / 2].to_f : (merged[n / 2 - 1] + merged[n / 2]) / 2.0
end
