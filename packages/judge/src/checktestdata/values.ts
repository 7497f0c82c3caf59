/**
 * checktestdata's values: arbitrary-size integers (BigInt), floats (kept as exact fractions of BigInts, where
 * DOMjudge uses 256-bit GMP floats) and strings (bytes, as latin1 text), with the language's arithmetic
 * and comparisons. Integers turn into floats when mixed with them; strings only compare with strings.
 */
import { CtdMismatch, CtdScriptError } from './errors.js';

export type Value =
  | { kind: 'int'; value: bigint }
  | { kind: 'float'; num: bigint; den: bigint }
  | { kind: 'string'; value: string };

export const int = (value: bigint): Value => ({ kind: 'int', value });

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** A float num/den in lowest terms with a positive denominator. */
export function float(num: bigint, den: bigint): Value {
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num, den);
  return g > 1n ? { kind: 'float', num: num / g, den: den / g } : { kind: 'float', num, den };
}

/** Decimal exponents past this are refused (they would take unbounded memory as exact fractions). */
export const MAX_EXPONENT = 100_000;

/**
 * The value of a decimal float text (`-?digits[.digits][e[+-]digits]`); `onHuge` is thrown when the
 * exponent is beyond MAX_EXPONENT.
 */
export function parseFloatText(
  text: string,
  onHuge: (message: string) => Error = (m) => new CtdMismatch(m),
): Value {
  const match = /^(-?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(text);
  if (match === null) throw new CtdScriptError(`cannot read float '${text}'`);
  const [, sign, whole = '', fraction = '', exponentText = '0'] = match;
  const exponent = BigInt(exponentText) - BigInt(fraction.length);
  if (exponent > BigInt(MAX_EXPONENT) || exponent < -BigInt(MAX_EXPONENT)) {
    throw onHuge(`float exponent of '${text.slice(0, 60)}' is beyond ±${MAX_EXPONENT}`);
  }
  let num = BigInt(`${whole}${fraction}` || '0');
  if (sign === '-') num = -num;
  const e = Number(exponent);
  return e >= 0 ? float(num * 10n ** BigInt(e), 1n) : float(num, 10n ** BigInt(-e));
}

function describe(value: Value): string {
  return value.kind === 'string' ? JSON.stringify(value.value) : show(value);
}

/** A value as text for messages (floats to 15 significant digits). */
export function show(value: Value): string {
  switch (value.kind) {
    case 'int':
    case 'string':
      return String(value.value);
    case 'float': {
      if (value.den === 1n) return String(value.num);
      return String(Number(value.num) / Number(value.den)).replace(/^NaN$/, `${value.num}/${value.den}`);
    }
  }
}

function asFraction(value: Value, op: string, other: Value): [bigint, bigint] {
  if (value.kind === 'int') return [value.value, 1n];
  if (value.kind === 'float') return [value.num, value.den];
  throw new CtdScriptError(`cannot compute ${describe(value)} ${op} ${describe(other)}: a string`);
}

export function arithmetic(op: '+' | '-' | '*' | '/' | '%' | '^', a: Value, b: Value): Value {
  if (op === '^') return power(a, b);
  if (a.kind === 'int' && b.kind === 'int') {
    const x = a.value;
    const y = b.value;
    if ((op === '/' || op === '%') && y === 0n) throw new CtdScriptError(`division by zero in ${x} ${op} 0`);
    // Integer division truncates toward zero, and % takes the sign of the dividend (as C and GMP's tdiv).
    return int(op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : op === '/' ? x / y : x % y);
  }
  if (op === '%')
    throw new CtdScriptError(`can only use modulo on integers: ${describe(a)} % ${describe(b)}`);
  const [an, ad] = asFraction(a, op, b);
  const [bn, bd] = asFraction(b, op, a);
  switch (op) {
    case '+':
      return float(an * bd + bn * ad, ad * bd);
    case '-':
      return float(an * bd - bn * ad, ad * bd);
    case '*':
      return float(an * bn, ad * bd);
    case '/':
      if (bn === 0n) throw new CtdScriptError(`division by zero in ${describe(a)} / ${describe(b)}`);
      return float(an * bd, ad * bn);
  }
}

function power(base: Value, exponent: Value): Value {
  if (exponent.kind !== 'int') throw new CtdScriptError('only integer exponents allowed');
  if (exponent.value < 0n || exponent.value >= 2n ** 64n) {
    throw new CtdScriptError(`integer exponent ${exponent.value} does not fit in unsigned long`);
  }
  if (base.kind === 'int') return int(base.value ** exponent.value);
  if (base.kind === 'float') return float(base.num ** exponent.value, base.den ** exponent.value);
  throw new CtdScriptError('exponentiation base must be of arithmetic type');
}

export function negate(value: Value): Value {
  return arithmetic('-', int(0n), value);
}

/** Sign of a - b; strings compare by bytes, with strings only. */
export function compareValues(a: Value, b: Value, op = 'compare'): number {
  if (a.kind === 'string' || b.kind === 'string') {
    if (a.kind !== 'string' || b.kind !== 'string') {
      throw new CtdScriptError(`cannot compute ${describe(a)} ${op} ${describe(b)}`);
    }
    return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  }
  if (a.kind === 'int' && b.kind === 'int') return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  const [an, ad] = asFraction(a, op, b);
  const [bn, bd] = asFraction(b, op, a);
  const d = an * bd - bn * ad;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** A key that is the same for equal values (an integer equals the float of the same value, as in DOMjudge). */
export function valueKey(value: Value): string {
  switch (value.kind) {
    case 'int':
      return `n${value.value}/1`;
    case 'float':
      return `n${value.num}/${value.den}`;
    case 'string':
      return `s${value.value}`;
  }
}

/** The value as an integer, or a script error naming what needed one. */
export function asInt(value: Value, what: string): bigint {
  if (value.kind !== 'int') throw new CtdScriptError(`${what} must be an integer, not ${describe(value)}`);
  return value.value;
}

export function asString(value: Value, what: string): string {
  if (value.kind !== 'string') throw new CtdScriptError(`${what} must be a string, not ${describe(value)}`);
  return value.value;
}
