/**
 * Light scans of user code: whether it defines `ListNode`/`TreeNode` itself (so the harness
 * must not define them again). Comments are removed first, because LeetCode's starter code
 * carries the definitions inside a comment.
 */

/** C, C++, Java, JavaScript and TypeScript source without comments (string literals kept). */
export function stripComments(code: string): string {
  let out = '';
  let i = 0;
  while (i < code.length) {
    const c = code[i];
    const next = code[i + 1];
    if (c === '/' && next === '/') {
      while (i < code.length && code[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2);
      i = end < 0 ? code.length : end + 2;
      out += ' ';
    } else if (c === '"' || c === "'" || c === '`') {
      const start = i++;
      while (i < code.length && code[i] !== c && code[i] !== '\n') i += code[i] === '\\' ? 2 : 1;
      out += code.slice(start, ++i);
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const DEFINES: Record<'c-like' | 'java' | 'js', (name: string) => RegExp> = {
  'c-like': (name) => new RegExp(`\\b(?:struct|class)\\s+${name}\\s*\\{`),
  java: (name) => new RegExp(`\\b(?:class|record|interface)\\s+${name}\\b`),
  js: (name) => new RegExp(`\\b(?:class|function)\\s+${name}\\b|\\b(?:var|let|const)\\s+${name}\\b`),
};

/** True when the (comment-free) code defines `name` as a type. */
export function definesType(code: string, name: string, style: keyof typeof DEFINES): boolean {
  return DEFINES[style](name).test(stripComments(code));
}
