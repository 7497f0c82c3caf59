/* eslint-disable */
/**
 * @param {number} x
 * @return {boolean}
 */
var isPalindrome = function (x) {
  const s = String(x);
  return s === s.split('').reverse().join('');
};
