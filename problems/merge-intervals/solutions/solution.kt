class Solution {
    fun merge(intervals: Array<IntArray>): Array<IntArray> {
        intervals.sortBy { it[0] }
        val merged = ArrayList<IntArray>()
        for (interval in intervals) {
            val last = merged.lastOrNull()
            if (last != null && interval[0] <= last[1]) last[1] = maxOf(last[1], interval[1])
            else merged.add(intArrayOf(interval[0], interval[1]))
        }
        return merged.toTypedArray()
    }
}
