/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     struct TreeNode *left;
 *     struct TreeNode *right;
 * };
 */
/**
 * Return an array of arrays of size *returnSize.
 * The sizes of the arrays are returned as *returnColumnSizes array.
 * Note: Both returned array and *columnSizes array must be malloced, assume caller calls free().
 */
int** levelOrder(struct TreeNode* root, int* returnSize, int** returnColumnSizes) {
    /* At most 2000 nodes, so at most 2000 levels. */
    struct TreeNode* queue[2000];
    int** levels = malloc(sizeof(int*) * 2000);
    *returnColumnSizes = malloc(sizeof(int) * 2000);
    *returnSize = 0;
    int head = 0, tail = 0;
    if (root) queue[tail++] = root;
    while (head < tail) {
        int end = tail, count = end - head;
        int* level = malloc(sizeof(int) * count);
        for (int i = 0; head < end; head++, i++) {
            struct TreeNode* node = queue[head];
            level[i] = node->val;
            if (node->left) queue[tail++] = node->left;
            if (node->right) queue[tail++] = node->right;
        }
        levels[*returnSize] = level;
        (*returnColumnSizes)[*returnSize] = count;
        (*returnSize)++;
    }
    return levels;
}
