class Solution {
    function levelOrder($root) {
        $result = [];
        $level = $root === null ? [] : [$root];
        while (count($level) > 0) {
            $values = [];
            $next = [];
            foreach ($level as $node) {
                $values[] = $node->val;
                if ($node->left !== null) $next[] = $node->left;
                if ($node->right !== null) $next[] = $node->right;
            }
            $result[] = $values;
            $level = $next;
        }
        return $result;
    }
}
