object Solution {
    def merge(intervals: Array[Array[Int]]): Array[Array[Int]] = {
        val sorted = intervals.sortBy(_(0))
        val merged = scala.collection.mutable.ArrayBuffer[Array[Int]]()
        for (interval <- sorted) {
            if (merged.nonEmpty && merged.last(1) >= interval(0)) {
                merged.last(1) = math.max(merged.last(1), interval(1))
            } else {
                merged += Array(interval(0), interval(1))
            }
        }
        merged.toArray
    }
}
