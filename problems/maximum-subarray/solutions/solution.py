class Solution:
    def maxSubArray(self, nums: List[int]) -> int:
        best = current = nums[0]
        for x in nums[1:]:
            current = x if current < 0 else current + x
            if current > best:
                best = current
        return best
