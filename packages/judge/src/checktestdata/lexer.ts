/**
 * Splits a checktestdata script into tokens as DOMjudge's scanner does: upper-case keywords (longest match),
 * lower-case variable names, integer and float literals, strings with escapes, operators; whitespace and
 * `#` comments are skipped. The script is read as bytes (latin1), like the data.
 */
import { CtdParseError } from './errors.js';

export type Token =
  | { type: 'keyword'; value: string; start: number; end: number; line: number }
  | { type: 'name'; value: string; start: number; end: number; line: number }
  | { type: 'int'; value: string; start: number; end: number; line: number }
  | { type: 'float'; value: string; start: number; end: number; line: number }
  | { type: 'string'; value: string; start: number; end: number; line: number }
  | { type: 'op'; value: string; start: number; end: number; line: number }
  | { type: 'end'; value: ''; start: number; end: number; line: number };

// Longest first, so that REPI wins over REP, FLOATP over FLOAT, …
const KEYWORDS = [
  'ISEOF',
  'MATCH',
  'UNIQUE',
  'INARRAY',
  'STRLEN',
  'SPACE',
  'NEWLINE',
  'EOF',
  'INT',
  'FLOAT',
  'FLOATP',
  'STRING',
  'REGEX',
  'ASSERT',
  'SET',
  'UNSET',
  'REP',
  'WHILE',
  'REPI',
  'WHILEI',
  'IF',
  'ELSE',
  'END',
  'FIXED',
  'SCIENTIFIC',
].sort((a, b) => b.length - a.length);

const TWO_CHAR_OPS = ['&&', '||', '<=', '>=', '==', '!='];

/** A string literal's body with its escapes replaced (`\n`, `\t`, `\r`, `\b`, `\f`, `\"`, `\\`, octal, line continuation). */
function unescape(body: string, line: number): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== '\\' || i + 1 >= body.length) {
      out += c;
      continue;
    }
    const next = body[i + 1] as string;
    const octal = /^[0-7]{1,3}/.exec(body.slice(i + 1, i + 4));
    if (octal !== null) {
      const code = parseInt(octal[0], 8);
      if (code >= 256) throw new CtdParseError(`bad escape sequence '\\${octal[0]}' on line ${line}`);
      out += String.fromCharCode(code);
      i += octal[0].length;
    } else if ('ntrbf"\\'.includes(next)) {
      out += { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\' }[next];
      i++;
    } else if (next === '\n') {
      i++; // line continuation
    } else {
      out += c; // any other backslash is literal, and so is the character after it
    }
  }
  return out;
}

export function tokenize(script: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < script.length) {
    const c = script[i] as string;
    const start = i;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      if (c === '\n') line++;
      i++;
      continue;
    }
    if (c === '#') {
      while (i < script.length && script[i] !== '\n') i++;
      continue;
    }
    if (c >= 'A' && c <= 'Z') {
      const keyword = KEYWORDS.find((k) => script.startsWith(k, i));
      if (keyword !== undefined) {
        i += keyword.length;
        tokens.push({ type: 'keyword', value: keyword, start, end: i, line });
        continue;
      }
    }
    if (c >= 'a' && c <= 'z') {
      const name = /^[a-z][a-z0-9]*/.exec(script.slice(i, i + 4096))?.[0] as string;
      i += name.length;
      tokens.push({ type: 'name', value: name, start, end: i, line });
      continue;
    }
    if (c >= '0' && c <= '9') {
      const rest = script.slice(i);
      const float = /^[0-9]+\.[0-9]*([eE][+-]?[0-9]+)?/.exec(rest) ?? /^[0-9]+[eE][+-]?[0-9]+/.exec(rest);
      const text = float?.[0] ?? (/^[0-9]+/.exec(rest)?.[0] as string);
      i += text.length;
      tokens.push({ type: float ? 'float' : 'int', value: text, start, end: i, line });
      continue;
    }
    if (c === '"') {
      const first = line;
      let j = i + 1;
      while (j < script.length && script[j] !== '"') {
        if (script[j] === '\n') line++;
        if (script[j] === '\\' && j + 1 < script.length) {
          if (script[j + 1] === '\n') line++;
          j++;
        }
        j++;
      }
      if (j >= script.length) throw new CtdParseError(`unterminated string starting on line ${first}`);
      tokens.push({
        type: 'string',
        value: unescape(script.slice(i + 1, j), first),
        start,
        end: j + 1,
        line: first,
      });
      i = j + 1;
      continue;
    }
    const two = script.slice(i, i + 2);
    const op = TWO_CHAR_OPS.includes(two) ? two : c;
    i += op.length;
    tokens.push({ type: 'op', value: op, start, end: i, line });
  }
  tokens.push({ type: 'end', value: '', start: script.length, end: script.length, line });
  return tokens;
}
