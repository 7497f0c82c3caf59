class Solution:
    def singleNumber(self, nums: List[int]) -> int:
        # x ^ x == 0, so every pair cancels out.
        return reduce(operator.xor, nums)
