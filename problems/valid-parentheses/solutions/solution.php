class Solution {
    function isValid($s) {
        $pairs = [')' => '(', ']' => '[', '}' => '{'];
        $stack = [];
        foreach (str_split($s) as $c) {
            if (isset($pairs[$c])) {
                if (array_pop($stack) !== $pairs[$c]) return false;
            } else {
                $stack[] = $c;
            }
        }
        return count($stack) === 0;
    }
}
