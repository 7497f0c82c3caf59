int rob(int* nums, int numsSize) {
    /* skip: best total without the previous house; take: best total up to the previous house. */
    int skip = 0, take = 0;
    for (int i = 0; i < numsSize; i++) {
        int next = skip + nums[i] > take ? skip + nums[i] : take;
        skip = take;
        take = next;
    }
    return take;
}
