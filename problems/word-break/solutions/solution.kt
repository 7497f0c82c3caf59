class Solution {
    fun wordBreak(s: String, wordDict: List<String>): Boolean {
        val words = wordDict.toHashSet()
        val can = BooleanArray(s.length + 1)
        can[0] = true
        for (end in 1..s.length) {
            for (start in 0 until end) {
                if (can[start] && s.substring(start, end) in words) {
                    can[end] = true
                    break
                }
            }
        }
        return can[s.length]
    }
}
