class Solution {
    function wordBreak($s, $wordDict) {
        $words = array_flip($wordDict);
        $n = strlen($s);
        $ok = array_fill(0, $n + 1, false);
        $ok[0] = true;
        for ($end = 1; $end <= $n; $end++) {
            for ($start = 0; $start < $end && !$ok[$end]; $start++) {
                $ok[$end] = $ok[$start] && isset($words[substr($s, $start, $end - $start)]);
            }
        }
        return $ok[$n];
    }
}
