int firstMissingPositive(int* nums, int numsSize) {
    /* Place each value v in 1..n at index v - 1 by swapping; the first mismatch is the answer. */
    for (int i = 0; i < numsSize; i++) {
        while (nums[i] > 0 && nums[i] <= numsSize && nums[nums[i] - 1] != nums[i]) {
            int target = nums[i] - 1;
            int held = nums[target];
            nums[target] = nums[i];
            nums[i] = held;
        }
    }
    for (int i = 0; i < numsSize; i++)
        if (nums[i] != i + 1) return i + 1;
    return numsSize + 1;
}
