bool canJump(int* nums, int numsSize) {
    /* Track the furthest reachable index; fail if we ever stand beyond it. */
    int furthest = 0;
    for (int i = 0; i < numsSize; i++) {
        if (i > furthest) return false;
        if (i + nums[i] > furthest) furthest = i + nums[i];
        if (furthest >= numsSize - 1) return true;
    }
    return true;
}
