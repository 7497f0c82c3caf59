object Solution {
    def wordBreak(s: String, wordDict: List[String]): Boolean = {
        val words = wordDict.toSet
        val ok = new Array[Boolean](s.length + 1)
        ok(0) = true
        for (end <- 1 to s.length; start <- 0 until end if !ok(end)) {
            if (ok(start) && words.contains(s.substring(start, end))) ok(end) = true
        }
        ok(s.length)
    }
}
