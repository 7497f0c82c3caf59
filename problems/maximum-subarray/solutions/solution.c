int maxSubArray(int* nums, int numsSize) {
    /* Kadane: the best sum of a run ending here either extends the previous run or starts anew. */
    int current = nums[0], best = nums[0];
    for (int i = 1; i < numsSize; i++) {
        current = current > 0 ? current + nums[i] : nums[i];
        if (current > best) best = current;
    }
    return best;
}
