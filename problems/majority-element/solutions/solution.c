int majorityElement(int* nums, int numsSize) {
    /* Boyer-Moore voting: the majority value survives all cancellations. */
    int candidate = nums[0], count = 0;
    for (int i = 0; i < numsSize; i++) {
        if (count == 0) candidate = nums[i];
        count += nums[i] == candidate ? 1 : -1;
    }
    return candidate;
}
