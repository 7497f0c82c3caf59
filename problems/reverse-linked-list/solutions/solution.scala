/**
 * Definition for singly-linked list.
 * class ListNode(_x: Int = 0, _next: ListNode = null) {
 *   var next: ListNode = _next
 *   var x: Int = _x
 * }
 */
object Solution {
    def reverseList(head: ListNode): ListNode = {
        var prev: ListNode = null
        var node = head
        while (node != null) {
            val next = node.next
            node.next = prev
            prev = node
            node = next
        }
        prev
    }
}
