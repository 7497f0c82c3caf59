class Solution {
    function groupAnagrams($strs) {
        $groups = [];
        foreach ($strs as $s) {
            $chars = str_split($s);
            sort($chars);
            $groups['k' . implode('', $chars)][] = $s;
        }
        return array_values($groups);
    }
}
