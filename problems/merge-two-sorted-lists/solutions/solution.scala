/**
 * Definition for singly-linked list.
 * class ListNode(_x: Int = 0, _next: ListNode = null) {
 *   var next: ListNode = _next
 *   var x: Int = _x
 * }
 */
object Solution {
    def mergeTwoLists(list1: ListNode, list2: ListNode): ListNode = {
        val dummy = new ListNode()
        var tail = dummy
        var a = list1
        var b = list2
        while (a != null && b != null) {
            if (a.x <= b.x) {
                tail.next = a
                a = a.next
            } else {
                tail.next = b
                b = b.next
            }
            tail = tail.next
        }
        tail.next = if (a != null) a else b
        dummy.next
    }
}
