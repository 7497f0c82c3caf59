/* eslint-disable */
/**
 * Definition for singly-linked list.
 * class ListNode {
 *     val: number
 *     next: ListNode | null
 *     constructor(val?: number, next?: ListNode | null) {
 *         this.val = (val===undefined ? 0 : val)
 *         this.next = (next===undefined ? null : next)
 *     }
 * }
 */

function reverseList(head: ListNode | null): ListNode | null {
  // Recursive on purpose: 5000 nodes deep must work.
  if (head === null || head.next === null) return head;
  const rest = reverseList(head.next);
  head.next.next = head;
  head.next = null;
  return rest;
}
