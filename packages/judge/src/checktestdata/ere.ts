/**
 * POSIX extended regular expressions (what checktestdata's REGEX takes) as JavaScript regular expressions:
 * bracket expressions keep backslashes literal and know the `[:class:]` names, `.` matches a newline too, and
 * the match must start at the read position. JavaScript picks the first alternative that matches where POSIX
 * picks the longest match (`a|ab` on "ab" matches "a" here); greedy repetition is the same.
 */
import { CtdScriptError } from './errors.js';

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: '0-9a-zA-Z',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  xdigit: '0-9A-Fa-f',
};

/** One bracket expression starting at `[` (index i): its JavaScript form and the index after its `]`. */
function bracket(ere: string, i: number): [string, number] {
  let j = i + 1;
  let out = '[';
  if (ere[j] === '^') {
    out += '^';
    j++;
  }
  let first = true;
  while (j < ere.length && (ere[j] !== ']' || first)) {
    first = false;
    const c = ere[j] as string;
    if (c === '[' && ere[j + 1] === ':') {
      const end = ere.indexOf(':]', j + 2);
      const name = end === -1 ? undefined : ere.slice(j + 2, end);
      const range = name === undefined ? undefined : CLASSES[name];
      if (range === undefined) throw new CtdScriptError(`invalid character class in regex '${ere}'`);
      out += range;
      j = end + 2;
      continue;
    }
    // Inside brackets every other character is itself; JavaScript needs `\`, `]`, `[` and `^` escaped.
    out += c === '\\' || c === ']' || c === '[' || c === '^' ? `\\${c}` : c;
    j++;
  }
  if (j >= ere.length) throw new CtdScriptError(`unmatched [ in regex '${ere}'`);
  return [`${out}]`, j + 1];
}

/** The JavaScript regular expression (sticky, dot matching newlines) for a POSIX extended one. */
export function compileEre(ere: string): RegExp {
  let out = '';
  for (let i = 0; i < ere.length;) {
    const c = ere[i] as string;
    if (c === '[') {
      const [part, next] = bracket(ere, i);
      out += part;
      i = next;
    } else if (c === '\\' && i + 1 < ere.length) {
      const next = ere[i + 1] as string;
      // An escaped character is that character (JavaScript's \d, \w, \b, … are not POSIX).
      out += /[a-zA-Z0-9]/.test(next) ? next : `\\${next}`;
      i += 2;
    } else if (c === '/' || c === '-') {
      out += `\\${c}`;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  try {
    return new RegExp(out, 'ys');
  } catch (error) {
    throw new CtdScriptError(`invalid regex '${ere}': ${(error as Error).message}`);
  }
}
