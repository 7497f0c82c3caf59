/**
 * Note: The returned array must be malloced, assume caller calls free().
 */
int* maxSlidingWindow(int* nums, int numsSize, int k, int* returnSize) {
    int* window = malloc(sizeof(int) * numsSize);
    int* result = malloc(sizeof(int) * (numsSize - k + 1));
    int head = 0, tail = 0;
    *returnSize = 0;
    for (int i = 0; i < numsSize; i++) {
        while (tail > head && nums[window[tail - 1]] <= nums[i]) tail--;
        window[tail++] = i;
        if (window[head] <= i - k) head++;
        if (i >= k - 1) result[(*returnSize)++] = nums[window[head]];
    }
    free(window);
    return result;
}
