static int ascending(const void* a, const void* b) {
    int x = *(const int*)a, y = *(const int*)b;
    return (x > y) - (x < y);
}

bool containsDuplicate(int* nums, int numsSize) {
    int* sorted = malloc(sizeof(int) * numsSize);
    memcpy(sorted, nums, sizeof(int) * numsSize);
    qsort(sorted, numsSize, sizeof(int), ascending);
    bool found = false;
    for (int i = 1; i < numsSize && !found; i++)
        if (sorted[i] == sorted[i - 1]) found = true;
    free(sorted);
    return found;
}
