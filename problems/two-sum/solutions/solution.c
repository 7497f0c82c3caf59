/**
 * Note: The returned array must be malloced, assume caller calls free().
 */
int* twoSum(int* nums, int numsSize, int target, int* returnSize) {
    /* Open addressing: keys are values, slots hold index + 1 (0 = empty). */
    int capacity = 1;
    while (capacity < numsSize * 2) capacity <<= 1;
    int* keys = malloc(sizeof(int) * capacity);
    int* slots = calloc(capacity, sizeof(int));
    int* answer = malloc(sizeof(int) * 2);
    *returnSize = 0;
    for (int i = 0; i < numsSize; i++) {
        int want = target - nums[i];
        for (unsigned h = (unsigned)want * 2654435761u & (capacity - 1); slots[h]; h = (h + 1) & (capacity - 1)) {
            if (keys[h] == want) {
                answer[0] = slots[h] - 1;
                answer[1] = i;
                *returnSize = 2;
                free(keys);
                free(slots);
                return answer;
            }
        }
        unsigned h = (unsigned)nums[i] * 2654435761u & (capacity - 1);
        while (slots[h]) h = (h + 1) & (capacity - 1);
        keys[h] = nums[i];
        slots[h] = i + 1;
    }
    free(keys);
    free(slots);
    return answer;
}
