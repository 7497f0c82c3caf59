/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     TreeNode *left;
 *     TreeNode *right;
 *     TreeNode() : val(0), left(nullptr), right(nullptr) {}
 *     TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
 *     TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
 * };
 */
class Solution {
public:
    vector<vector<int>> levelOrder(TreeNode* root) {
        // Depth first, appending each value to the list of its depth.
        vector<vector<int>> result;
        visit(root, 0, result);
        return result;
    }

private:
    void visit(TreeNode* node, int depth, vector<vector<int>>& result) {
        if (node == nullptr) return;
        if ((int)result.size() == depth) result.emplace_back();
        result[depth].push_back(node->val);
        visit(node->left, depth + 1, result);
        visit(node->right, depth + 1, result);
    }
};
