/**
 * Return an array of arrays of size *returnSize.
 * The sizes of the arrays are returned as *returnColumnSizes array.
 * Note: Both returned array and *columnSizes array must be malloced, assume caller calls free().
 */
typedef struct {
    char* key;
    int index;
} Entry;

static int byKey(const void* a, const void* b) {
    const Entry* x = a;
    const Entry* y = b;
    int c = strcmp(x->key, y->key);
    return c != 0 ? c : x->index - y->index;
}

static int byChar(const void* a, const void* b) { return *(const char*)a - *(const char*)b; }

char*** groupAnagrams(char** strs, int strsSize, int* returnSize, int** returnColumnSizes) {
    /* Sort (sorted word, position) pairs; equal keys end up next to each other. */
    Entry* entries = malloc(sizeof(Entry) * strsSize);
    for (int i = 0; i < strsSize; i++) {
        entries[i].key = strdup(strs[i]);
        qsort(entries[i].key, strlen(entries[i].key), 1, byChar);
        entries[i].index = i;
    }
    qsort(entries, strsSize, sizeof(Entry), byKey);
    char*** groups = malloc(sizeof(char**) * strsSize);
    *returnColumnSizes = malloc(sizeof(int) * strsSize);
    *returnSize = 0;
    for (int i = 0; i < strsSize;) {
        int j = i;
        while (j < strsSize && strcmp(entries[j].key, entries[i].key) == 0) j++;
        char** group = malloc(sizeof(char*) * (j - i));
        for (int k = i; k < j; k++) group[k - i] = strs[entries[k].index];
        groups[*returnSize] = group;
        (*returnColumnSizes)[*returnSize] = j - i;
        (*returnSize)++;
        i = j;
    }
    for (int i = 0; i < strsSize; i++) free(entries[i].key);
    free(entries);
    return groups;
}
