/* eslint-disable */
function isValid(s: string): boolean {
  const closing: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: string[] = [];
  for (const c of s) {
    if (c in closing) {
      if (stack.pop() !== closing[c]) return false;
    } else stack.push(c);
  }
  return stack.length === 0;
}
