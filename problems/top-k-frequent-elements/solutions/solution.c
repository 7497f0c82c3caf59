/**
 * Note: The returned array must be malloced, assume caller calls free().
 */
int* topKFrequent(int* nums, int numsSize, int k, int* returnSize) {
    /* Values lie in [-10^4, 10^4]: count them directly, then bucket the counts. */
    enum { OFFSET = 10000, RANGE = 20001 };
    int* counts = calloc(RANGE, sizeof(int));
    for (int i = 0; i < numsSize; i++) counts[nums[i] + OFFSET]++;
    /* withCount[f] = how many distinct values occur exactly f times. */
    int* withCount = calloc(numsSize + 1, sizeof(int));
    for (int v = 0; v < RANGE; v++)
        if (counts[v] > 0) withCount[counts[v]]++;
    /* The smallest frequency that still keeps k values (the answer is unique, so exactly k). */
    int threshold = numsSize, taken = 0;
    while (threshold > 1 && taken + withCount[threshold] < k) taken += withCount[threshold--];
    int* answer = malloc(sizeof(int) * k);
    int size = 0;
    for (int v = 0; v < RANGE && size < k; v++)
        if (counts[v] >= threshold && counts[v] > 0) answer[size++] = v - OFFSET;
    free(counts);
    free(withCount);
    *returnSize = size;
    return answer;
}
