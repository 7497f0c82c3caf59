class Solution {
    fun groupAnagrams(strs: Array<String>): List<List<String>> {
        val groups = LinkedHashMap<String, MutableList<String>>()
        for (word in strs) {
            val key = String(word.toCharArray().apply { sort() })
            groups.getOrPut(key) { mutableListOf() }.add(word)
        }
        return groups.values.toList()
    }
}
