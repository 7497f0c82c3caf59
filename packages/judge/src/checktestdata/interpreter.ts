/**
 * Runs a parsed checktestdata script over test data, as DOMjudge's checktestdata does (without its
 * `--whitespace-ok`): every byte is matched exactly (SPACE is one space, NEWLINE one '\n'), and an implicit
 * EOF ends the script. Returns when the data matches; throws `CtdMismatch` (line, character, command) when it
 * does not, `CtdScriptError` when the script itself fails.
 */
import type { Command, Expr, SimpleCommand, Test, VarRef } from './ast.js';
import { DataReader } from './data-reader.js';
import { compileEre } from './ere.js';
import { CtdMismatch, CtdScriptError } from './errors.js';
import {
  arithmetic,
  asInt,
  asString,
  compareValues,
  int,
  negate,
  parseFloatText,
  show,
  valueKey,
  type Value,
} from './values.js';

/** One variable: its values by index tuple (the empty tuple for a plain variable). */
type Variable = Map<string, { index: bigint[]; value: Value }>;

const isDigit = (c: string): boolean => c >= '0' && c <= '9';

export class Checker {
  private readonly data: DataReader;
  private readonly variables = new Map<string, Variable>();
  private readonly regexes = new Map<string, RegExp>();
  private current: { text: string; line: number } | undefined;

  constructor(data: string) {
    this.data = new DataReader(data);
  }

  /** Checks the data against the whole script, then that it ends there. */
  run(commands: Command[]): void {
    this.block(commands);
    this.current = { text: 'EOF (implicit, at the end of the script)', line: 0 };
    if (!this.data.eof()) this.mismatch('');
  }

  private mismatch(message: string): never {
    const { line, character } = this.data.where();
    const command =
      this.current === undefined ? '' : ` ${this.current.text} (script line ${this.current.line})`;
    throw new CtdMismatch(
      `${this.data.context()}\nline ${line} character ${character} of testdata doesn't match${command}` +
        (message ? `: ${message}` : ''),
    );
  }

  private block(commands: Command[]): void {
    for (const command of commands) this.command(command);
  }

  private command(command: Command): void {
    this.current = command;
    switch (command.kind) {
      case 'REP': {
        const times = this.eval(command.count);
        const count = asInt(times, `the count of ${command.text}`);
        if (count < 0n || count >= 2n ** 64n)
          throw new CtdScriptError(`'${count}' does not fit in an unsigned long in ${command.text}`);
        this.loop(command, () => true, count);
        return;
      }
      case 'WHILE':
        this.loop(command, () => this.test(command.test), null);
        return;
      case 'IF':
        this.block(this.test(command.test) ? command.then : command.otherwise);
        return;
      default:
        this.simple(command);
    }
  }

  private loop(
    command: { counter?: VarRef; separator?: SimpleCommand; body: Command[] },
    condition: () => boolean,
    times: bigint | null,
  ): void {
    let i = 0n;
    if (command.counter) this.setVar(command.counter, int(i));
    while ((times === null || i < times) && condition()) {
      if (i > 0n && command.separator) this.simple(command.separator);
      this.block(command.body);
      i++;
      if (command.counter) this.setVar(command.counter, int(i));
    }
  }

  private simple(command: SimpleCommand): void {
    this.current = command;
    const data = this.data;
    switch (command.kind) {
      case 'SPACE':
        if (data.eof()) this.mismatch('end of file');
        if (data.read() !== ' ') this.mismatch('space expected');
        return;
      case 'NEWLINE':
        if (data.eof()) this.mismatch('end of file');
        if (data.read() !== '\n') this.mismatch('newline expected');
        return;
      case 'EOF':
        if (!data.eof()) this.mismatch('end of file expected');
        return;
      case 'INT':
        this.readInt(command.min, command.max, command.target);
        return;
      case 'FLOAT':
        this.readFloat(command);
        return;
      case 'STRING': {
        const text = asString(this.eval(command.value), 'STRING argument');
        for (const c of text) {
          if (data.eof()) this.mismatch('premature end of file');
          if (data.peek() !== c) this.mismatch(`'${show({ kind: 'string', value: text })}' expected`);
          data.read();
        }
        return;
      }
      case 'REGEX': {
        const source = asString(this.eval(command.pattern), 'REGEX argument');
        let regex = this.regexes.get(source);
        if (regex === undefined) {
          regex = compileEre(source);
          this.regexes.set(source, regex);
        }
        regex.lastIndex = data.pos;
        const match = regex.exec(data.text);
        if (match === null) this.mismatch(`no match for regex "${source}"`);
        data.pos += match[0].length;
        if (command.target) this.setVar(command.target, { kind: 'string', value: match[0] });
        return;
      }
      case 'ASSERT':
        if (!this.test(command.test)) this.mismatch('assertion failed');
        return;
      case 'SET':
        for (const { target, value } of command.assignments) this.setVar(target, this.eval(value));
        return;
      case 'UNSET':
        for (const name of command.names) this.variables.delete(name);
        return;
    }
  }

  /** INT: `0|-?[1-9][0-9]*` in [min, max]. */
  private readInt(minExpr: Expr, maxExpr: Expr, target: VarRef | undefined): void {
    const data = this.data;
    let text = '';
    if (data.peek() === '-') text += data.read();
    while (isDigit(data.peek())) text += data.read();
    const min = asInt(this.eval(minExpr), 'INT minimum');
    const max = asInt(this.eval(maxExpr), 'INT maximum');
    if (text === '' || text === '-') this.mismatch('integer expected');
    if (text.length >= 2 && text[0] === '0') this.mismatch('prefix zero(s)');
    if (text[0] === '-' && text[1] === '0') this.mismatch('invalid minus sign (-0 not allowed)');
    const value = BigInt(text);
    if (value < min || value > max) this.mismatch(`value out of range [${min}, ${max}]`);
    if (target) this.setVar(target, int(value));
  }

  /** FLOAT and FLOATP: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?(0|[1-9][0-9]*))?` in [min, max]. */
  private readFloat(command: Extract<SimpleCommand, { kind: 'FLOAT' }>): void {
    const data = this.data;
    let decimals: [bigint, bigint] | undefined;
    if (command.decimals) {
      const [low, high] = command.decimals.map((e, i) => {
        const value = this.eval(e);
        const what = i === 0 ? 'min' : 'max';
        if (value.kind !== 'int') this.mismatch(`${what}decimal is not an integer`);
        if (value.value < 0n || value.value >= 2n ** 31n - 1n)
          this.mismatch(`the value of ${what}decimal is out of range`);
        return value.value;
      }) as [bigint, bigint];
      if (low > high) this.mismatch('invalid decimals range specified');
      decimals = [low, high];
    }
    const start = data.pos;
    if (data.peek() === '-') data.read();
    if (!isDigit(data.peek())) this.mismatch('digit expected');
    const digitPos = data.pos;
    const firstDigit = data.peek();
    let dotPos = -1;
    let leadingDigits = 0;
    while (isDigit(data.peek()) || (dotPos === -1 && data.pos !== digitPos && data.peek() === '.')) {
      if (data.read() === '.') dotPos = data.pos - 1;
      if (dotPos === -1) leadingDigits++;
    }
    if (firstDigit === '0' && leadingDigits > 1) this.mismatch('prefix zero(s)');
    if (!isDigit(data.text[data.pos - 1] ?? '')) this.mismatch('digit expected');
    const expPos = data.pos;
    let hasExp = false;
    if (
      command.option === 'SCIENTIFIC' ||
      (command.option === undefined && data.peek().toUpperCase() === 'E')
    ) {
      if (data.read().toUpperCase() !== 'E') this.mismatch("exponent 'E' expected");
      hasExp = true;
      if (data.peek() === '-' || data.peek() === '+') data.read();
      const expFirst = data.peek();
      let digits = 0;
      while (isDigit(data.peek())) {
        data.read();
        digits++;
      }
      if (digits === 0) this.mismatch('digit expected');
      if (expFirst === '0' && digits > 1) this.mismatch('prefix zero(s) in exponent');
    }
    if (decimals) {
      if (hasExp && (firstDigit === '0' || dotPos !== digitPos + 1)) {
        this.mismatch('exactly one non-zero before the decimal dot expected');
      }
      const count = BigInt(dotPos === -1 ? 0 : expPos - dotPos - 1);
      if (count < decimals[0] || count > decimals[1]) {
        this.mismatch(
          `number of decimals not within specified range: ${count} not in [${decimals[0]},${decimals[1]}]`,
        );
      }
    }
    const text = data.text.slice(start, data.pos);
    const value = parseFloatText(text, (message) => {
      data.pos = start;
      this.mismatch(message);
    });
    const min = this.eval(command.min);
    const max = this.eval(command.max);
    if (compareValues(value, min) < 0 || compareValues(value, max) > 0) {
      this.mismatch(`value out of range [${show(min)}, ${show(max)}]`);
    }
    if (command.target) this.setVar(command.target, value);
  }

  private index(variable: VarRef): bigint[] {
    return variable.indices.map((e) => asInt(this.eval(e), `an index of ${variable.name}`));
  }

  private setVar(variable: VarRef, value: Value): void {
    const index = this.index(variable);
    let values = this.variables.get(variable.name);
    if (values === undefined) {
      values = new Map();
      this.variables.set(variable.name, values);
    }
    values.set(index.join(','), { index, value });
  }

  private getVar(variable: VarRef): Value {
    const index = this.index(variable);
    const entry = this.variables.get(variable.name)?.get(index.join(','));
    if (entry === undefined) {
      const shown = index.length === 0 ? '' : `[${index.join(',')}]`;
      throw new CtdScriptError(`variable ${variable.name}${shown} undefined in ${this.current?.text ?? ''}`);
    }
    return entry.value;
  }

  eval(expr: Expr): Value {
    switch (expr.kind) {
      case 'int':
        return int(expr.value);
      case 'float':
        return parseFloatText(expr.text, (m) => new CtdScriptError(m));
      case 'string':
        return { kind: 'string', value: expr.value };
      case 'var':
        return this.getVar(expr.variable);
      case 'strlen':
        return int(BigInt(asString(this.eval(expr.arg), 'STRLEN argument').length));
      case 'neg':
        return negate(this.eval(expr.arg));
      case 'binary':
        return arithmetic(expr.op, this.eval(expr.left), this.eval(expr.right));
    }
  }

  test(test: Test): boolean {
    switch (test.kind) {
      case 'not':
        return !this.test(test.arg);
      case 'and':
        return this.test(test.left) && this.test(test.right);
      case 'or':
        return this.test(test.left) || this.test(test.right);
      case 'compare': {
        const sign = compareValues(this.eval(test.left), this.eval(test.right), test.op);
        switch (test.op) {
          case '<':
            return sign < 0;
          case '>':
            return sign > 0;
          case '<=':
            return sign <= 0;
          case '>=':
            return sign >= 0;
          case '==':
            return sign === 0;
          case '!=':
            return sign !== 0;
        }
        return false;
      }
      case 'iseof':
        return this.data.eof();
      case 'match': {
        const chars = asString(this.eval(test.arg), 'MATCH argument');
        return !this.data.eof() && chars.includes(this.data.peek());
      }
      case 'unique':
        return this.unique(test.names);
      case 'inarray': {
        const key = valueKey(this.eval(test.value));
        const values = this.defined(test.array);
        for (const { value } of values.values()) if (valueKey(value) === key) return true;
        return false;
      }
    }
  }

  private defined(name: string): Variable {
    const values = this.variables.get(name);
    if (values === undefined)
      throw new CtdScriptError(`variable ${name} undefined in ${this.current?.text ?? ''}`);
    return values;
  }

  /** UNIQUE: the arrays have the same indices and their tuples at those indices differ; a mismatch otherwise. */
  private unique(names: string[]): boolean {
    const arrays = names.map((name) => this.defined(name));
    const first = arrays[0] as Variable;
    arrays.forEach((array, i) => {
      if (array.size !== first.size)
        this.mismatch(`variables ${names[0]} and ${names[i]} have different indices`);
    });
    const seen = new Map<string, string>();
    for (const [key, { index }] of first) {
      const tuple = arrays.map((array, i) => {
        const entry = array.get(key);
        if (entry === undefined)
          this.mismatch(`index [${index.join(',')}] not defined for variable ${names[i]}`);
        return entry.value;
      });
      const tupleKey = tuple.map(valueKey).join('\u0000');
      if (seen.has(tupleKey)) {
        this.mismatch(`non-unique tuple (${tuple.map(show).join(',')}) found at index [${index.join(',')}]`);
      }
      seen.set(tupleKey, key);
    }
    return true;
  }
}

/** Checks `data` (latin1 text) against parsed commands; throws as `Checker.run` does. */
export function checkData(commands: Command[], data: string): void {
  new Checker(data).run(commands);
}
