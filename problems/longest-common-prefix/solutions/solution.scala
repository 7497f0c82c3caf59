object Solution {
    def longestCommonPrefix(strs: Array[String]): String = {
        var prefix = strs(0)
        for (s <- strs) {
            while (!s.startsWith(prefix)) prefix = prefix.substring(0, prefix.length - 1)
        }
        prefix
    }
}
