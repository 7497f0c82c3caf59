/* eslint-disable */
/**
 * @param {string} s
 * @return {boolean}
 */
var isValid = function (s) {
  const closing = { ')': '(', ']': '[', '}': '{' };
  const stack = [];
  for (const c of s) {
    if (c in closing) {
      if (stack.pop() !== closing[c]) return false;
    } else stack.push(c);
  }
  return stack.length === 0;
};
