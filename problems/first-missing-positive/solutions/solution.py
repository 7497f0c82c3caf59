class Solution:
    def firstMissingPositive(self, nums: List[int]) -> int:
        # Cyclic sort: put each value v in 1..n at position v - 1.
        n = len(nums)
        for i in range(n):
            while 1 <= nums[i] <= n and nums[nums[i] - 1] != nums[i]:
                j = nums[i] - 1
                nums[i], nums[j] = nums[j], nums[i]
        for i in range(n):
            if nums[i] != i + 1:
                return i + 1
        return n + 1
