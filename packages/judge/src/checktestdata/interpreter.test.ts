/** The checktestdata interpreter: each command and function, big numbers, float formats, strict whitespace. */
import { describe, expect, it } from 'vitest';
import { runChecktestdata } from './main.js';

/** The exit code of checking `data` with `script` (42 valid, 43 invalid, 3 parse error, 1 script error). */
const code = (script: string, data: string): number => runChecktestdata(script, data).code;
const message = (script: string, data: string): string => runChecktestdata(script, data).message;

describe('checktestdata', () => {
  it('matches whitespace strictly: SPACE is one space, NEWLINE one \\n, and the data must end', () => {
    const script = 'INT(1,9) SPACE INT(1,9) NEWLINE';
    expect(code(script, '1 2\n')).toBe(42);
    expect(code(script, '1  2\n')).toBe(43);
    expect(code(script, '1\t2\n')).toBe(43);
    expect(code(script, '1 2\r\n')).toBe(43);
    expect(code(script, '1 2')).toBe(43);
    expect(code(script, '1 2\n\n')).toBe(43);
    expect(code(script, ' 1 2\n')).toBe(43);
    expect(code('NEWLINE EOF', '\n')).toBe(42);
  });

  it('names the line, the character and the command that did not match', () => {
    expect(message('INT(1,9) NEWLINE INT(1,9) NEWLINE', '1\n12\n')).toMatch(
      /line 2 character 3 of testdata doesn't match INT\(1,9\) \(script line 1\): value out of range/,
    );
  });

  it('reads integers beyond 2^64 exactly, without leading zeros or -0', () => {
    const script = 'INT(-2^70, 2^70, n) NEWLINE ASSERT(n % 2 != 0) ASSERT(n * n > 10^40)';
    expect(code(script, `${2n ** 70n - 1n}\n`)).toBe(42);
    expect(code(script, `${2n ** 70n + 1n}\n`)).toBe(43);
    expect(code(script, `${-(2n ** 70n) + 1n}\n`)).toBe(42);
    expect(code('INT(0, 10)', '05')).toBe(43);
    expect(code('INT(-5, 5)', '-0')).toBe(43);
    expect(code('INT(-5, 5)', '0')).toBe(42);
    expect(code('INT(-5, 5)', '+3')).toBe(43);
    expect(code('INT(-5, 5)', '-')).toBe(43);
    expect(
      code('SET(x = 18446744073709551616) ASSERT(x - 1 == 2^64 - 1 && x / 3 == 6148914691236517205)', ''),
    ).toBe(42);
  });

  it('evaluates with checktestdata precedence and integer division', () => {
    const ok = (test: string): number => code(`ASSERT(${test})`, '');
    expect(ok('-2^2 == -4')).toBe(42);
    expect(ok('2^3^2 == 64')).toBe(42);
    expect(ok('7 / 2 == 3 && -7 / 2 == -3 && -7 % 2 == -1 && 7 % -2 == 1')).toBe(42);
    expect(ok('1 + 2 * 3 == 7 && (1 + 2) * 3 == 9')).toBe(42);
    expect(ok('7.0 / 2 == 3.5 && 0.1 + 0.2 == 0.3')).toBe(42);
    expect(ok('!(1 > 2) && "abc" < "abd"')).toBe(42);
    // `!` takes the whole test after it, `&&` and `||` one level, from the left.
    expect(ok('!1 == 2 && 1 == 2')).toBe(42);
    expect(ok('1 == 1 || 1 == 2 && 1 == 2')).toBe(43);
    expect(ok('(1 + 1) == 2')).toBe(42);
    expect(ok('((1 < 2))')).toBe(42);
    expect(code('ASSERT(1.5 % 2 == 1)', '')).toBe(1);
    expect(code('ASSERT("a" < 1)', '')).toBe(1);
    expect(code('ASSERT(1 / 0 == 1)', '')).toBe(1);
    expect(code('ASSERT(2 ^ -1 == 1)', '')).toBe(1);
  });

  it('reads floats in fixed and scientific notation, with FIXED, SCIENTIFIC and FLOATP', () => {
    const float = 'FLOAT(-1e3, 1e3, x) NEWLINE';
    for (const good of ['0', '-0.5', '12.25', '1e2', '1.5E-3', '-0.0', '1e+2']) {
      expect(code(float, `${good}\n`), good).toBe(42);
    }
    for (const bad of ['.5', '1.', '01.5', '1e', '1e02', '1001', '+1', '1,5', 'e2']) {
      expect(code(float, `${bad}\n`), bad).toBe(43);
    }
    expect(code('FLOAT(0, 10, x, FIXED)', '1e1')).toBe(43);
    expect(code('FLOAT(0, 10, x, FIXED)', '1.5')).toBe(42);
    expect(code('FLOAT(0, 10, x, SCIENTIFIC)', '1.5')).toBe(43);
    expect(code('FLOAT(0, 10, x, SCIENTIFIC)', '1.5e0')).toBe(42);
    expect(code('FLOATP(0, 10, 2, 3)', '1.25')).toBe(42);
    expect(code('FLOATP(0, 10, 2, 3)', '1.2')).toBe(43);
    expect(code('FLOATP(0, 10, 2, 3)', '1.2345')).toBe(43);
    expect(code('FLOATP(0, 10, 0, 0)', '7')).toBe(42);
    expect(code('FLOATP(0, 10, 1, 2, x, SCIENTIFIC)', '2.5e0')).toBe(42);
    expect(code('FLOATP(0, 100, 1, 2, x, SCIENTIFIC)', '25.0e0')).toBe(43);
    // The value read is exact: 0.1 is 1/10, not the double nearest it.
    expect(code('FLOAT(0, 1, x) ASSERT(x * 10 == 1)', '0.1')).toBe(42);
    expect(code('FLOAT(0.1, 1)', '0.09999999999999999999999')).toBe(43);
  });

  it('matches STRING and REGEX (POSIX classes, dot across newlines) and stores what they read', () => {
    expect(code('STRING("hello") NEWLINE', 'hello\n')).toBe(42);
    expect(code('STRING("hello")', 'help')).toBe(43);
    expect(code('STRING("tab\\there")', 'tab\there')).toBe(42);
    expect(code('REGEX("[a-z]+", w) ASSERT(w == "abc" && STRLEN(w) == 3) NEWLINE', 'abc\n')).toBe(42);
    expect(code('REGEX("[[:digit:]]{2}x") EOF', '12x')).toBe(42);
    expect(code('REGEX("a.b")', 'a\nb')).toBe(42);
    expect(code('REGEX("[^\\n]*") NEWLINE', 'x y\n')).toBe(42);
    expect(code('REGEX("[0-9]")', 'x')).toBe(43);
    expect(code('REGEX("\\\\({1,5}\\\\.{1,5}") NEWLINE', '(((.\n')).toBe(42);
  });

  it('repeats with REP and REPI, matching the separator between iterations', () => {
    const script = 'INT(1, 100, n) NEWLINE REPI(i, n, SPACE) INT(1, 100, a[i]) END NEWLINE ASSERT(i == n)';
    expect(code(script, '3\n5 6 7\n')).toBe(42);
    expect(code(script, '3\n5 6 7 \n')).toBe(43);
    expect(code(script, '3\n5 6\n')).toBe(43);
    expect(code('REP(0, SPACE) INT(1,2) END', '')).toBe(42);
    expect(code('REP(3, NEWLINE) STRING("ab") END', 'ab\nab\nab')).toBe(42);
    expect(code('REP(-1) END', '')).toBe(1);
  });

  it('loops with WHILE and WHILEI and branches with IF … ELSE', () => {
    const lines = 'WHILEI(k, !ISEOF, NEWLINE) INT(0, 9, d[k]) END ASSERT(k == 3)';
    expect(code(lines, '1\n2\n3')).toBe(42);
    expect(code(lines, '1\n2')).toBe(43);
    const sign = 'WHILE(!ISEOF) IF(MATCH("-")) STRING("-") ELSE STRING("+") END INT(0, 9) NEWLINE END';
    expect(code(sign, '-1\n+2\n')).toBe(42);
    expect(code(sign, '*1\n')).toBe(43);
    expect(code('IF(1 > 2) STRING("a") END STRING("b")', 'b')).toBe(42);
  });

  it('checks arrays with UNIQUE and INARRAY, indexed by one or more expressions, and UNSET forgets them', () => {
    const points =
      'INT(1, 10, n) NEWLINE REPI(i, n) INT(0, 9, x[i]) SPACE INT(0, 9, y[i]) NEWLINE END ASSERT(UNIQUE(x, y))';
    expect(code(points, '3\n1 1\n1 2\n2 1\n')).toBe(42);
    expect(message(points, '3\n1 1\n1 2\n1 1\n')).toMatch(/non-unique tuple \(1,1\)/);
    const grid =
      'REPI(i, 2, SPACE) REPI(j, 2, SPACE) INT(0, 9, g[i, j]) END END ASSERT(g[1, 0] == 3 && INARRAY(4, g) && !INARRAY(5, g))';
    expect(code(grid, '1 2 3 4')).toBe(42);
    expect(code(grid, '1 2 5 4')).toBe(43);
    expect(code('SET(a[1] = 2) UNSET(a) ASSERT(INARRAY(2, a))', '')).toBe(1);
    expect(code('ASSERT(x == 1)', '')).toBe(1);
  });

  it('reads comments, string escapes and octal literals as DOMjudge does', () => {
    expect(code('# a comment\nSTRING("a\\101\\"\\\\") # more\n', 'aA"\\')).toBe(42);
    expect(code('SET(x = 010) ASSERT(x == 8)', '')).toBe(42);
    expect(code('STRING("a\\\nb")', 'ab')).toBe(42);
  });

  it('refuses scripts that do not parse, naming the line', () => {
    expect(runChecktestdata('INT(1,2)\nREP(3) SPACE\n', '').message).toMatch(/unclosed block/);
    expect(runChecktestdata('END', '').code).toBe(3);
    expect(runChecktestdata('IF(1<2) ELSE ELSE END', '').code).toBe(3);
    expect(runChecktestdata('REP(2) ELSE END', '').code).toBe(3);
    expect(runChecktestdata('INT(1)', '').code).toBe(3);
    expect(runChecktestdata('\n\nFLOAT(0, 1, x, EXACT)', '').message).toMatch(/line 3/);
    expect(runChecktestdata('STRING("abc', '').code).toBe(3);
    expect(runChecktestdata('int(1,2)', '').code).toBe(3);
    expect(runChecktestdata('REP(2, REP(1) END) END', '').code).toBe(3);
    expect(runChecktestdata('INT(1,2)', null)).toEqual({ code: 0, message: '' });
  });
});
