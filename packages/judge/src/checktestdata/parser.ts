/**
 * Parses a checktestdata script into commands, with the grammar and precedences of DOMjudge's parser:
 * `^` binds tightest and is left-associative, unary minus takes a whole power (`-2^2` is -4), `&&` and `||`
 * share one level and associate left, and `!` applies to the whole test after it (`!a<b && c<d` negates
 * both). Blocks (REP, REPI, WHILE, WHILEI, IF … ELSE) must be closed by END.
 */
import type { Command, CompareOp, Expr, FloatOption, SimpleCommand, Test, VarRef } from './ast.js';
import { CtdParseError } from './errors.js';
import { tokenize, type Token } from './lexer.js';

const COMPARE_OPS = new Set(['<', '>', '<=', '>=', '==', '!=']);

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly script: string,
  ) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)] as Token;
  }

  private fail(message: string): never {
    const token = this.peek();
    const near = token.type === 'end' ? 'end of script' : `'${this.script.slice(token.start, token.end)}'`;
    throw new CtdParseError(`parse error on line ${token.line} near ${near}: ${message}`);
  }

  private is(type: Token['type'], value?: string): boolean {
    const token = this.peek();
    return token.type === type && (value === undefined || token.value === value);
  }

  private accept(type: Token['type'], value?: string): boolean {
    if (!this.is(type, value)) return false;
    this.pos++;
    return true;
  }

  private expect(type: Token['type'], value: string | undefined, what: string): Token {
    if (!this.is(type, value)) this.fail(`${what} expected`);
    return this.tokens[this.pos++] as Token;
  }

  private op(value: string): void {
    this.expect('op', value, `'${value}'`);
  }

  /** The whole script: commands up to the end, every block closed. */
  program(): Command[] {
    const commands = this.block();
    if (this.is('keyword', 'END')) this.fail('incorrect END statement');
    if (this.is('keyword', 'ELSE')) this.fail('incorrect ELSE statement');
    return commands;
  }

  /** Commands up to END, ELSE or the end of the script (not consumed). */
  private block(): Command[] {
    const out: Command[] = [];
    while (!this.is('end') && !this.is('keyword', 'END') && !this.is('keyword', 'ELSE'))
      out.push(this.command());
    return out;
  }

  private blockEnd(): void {
    if (this.is('end')) this.fail('unclosed block statement(s)');
    if (this.is('keyword', 'ELSE')) this.fail('incorrect ELSE statement');
    this.pos++;
  }

  private command(): Command {
    const token = this.peek();
    if (token.type !== 'keyword') this.fail('command expected');
    const start = token.start;
    const text = (): string => this.script.slice(start, this.tokens[this.pos - 1]?.end ?? start);
    switch (token.value) {
      case 'REP':
      case 'REPI': {
        this.pos++;
        this.op('(');
        const counter = token.value === 'REPI' ? this.variable() : undefined;
        if (counter) this.op(',');
        const count = this.expr();
        const separator = this.accept('op', ',') ? this.simpleCommand() : undefined;
        this.op(')');
        const head = text();
        const body = this.block();
        this.blockEnd();
        return { kind: 'REP', line: token.line, text: head, count, body, ...opt({ counter, separator }) };
      }
      case 'WHILE':
      case 'WHILEI': {
        this.pos++;
        this.op('(');
        const counter = token.value === 'WHILEI' ? this.variable() : undefined;
        if (counter) this.op(',');
        const test = this.test();
        const separator = this.accept('op', ',') ? this.simpleCommand() : undefined;
        this.op(')');
        const head = text();
        const body = this.block();
        this.blockEnd();
        return { kind: 'WHILE', line: token.line, text: head, test, body, ...opt({ counter, separator }) };
      }
      case 'IF': {
        this.pos++;
        this.op('(');
        const test = this.test();
        this.op(')');
        const head = text();
        const then = this.block();
        let otherwise: Command[] = [];
        if (this.accept('keyword', 'ELSE')) otherwise = this.block();
        this.blockEnd();
        return { kind: 'IF', line: token.line, text: head, test, then, otherwise };
      }
      case 'END':
        this.fail('incorrect END statement');
      // eslint-disable-next-line no-fallthrough
      case 'ELSE':
        this.fail('incorrect ELSE statement');
      // eslint-disable-next-line no-fallthrough
      default:
        return this.simpleCommand();
    }
  }

  /** A command without a block (also a loop's separator). */
  private simpleCommand(): SimpleCommand {
    const token = this.peek();
    if (token.type !== 'keyword') this.fail('command expected');
    const start = token.start;
    const line = token.line;
    this.pos++;
    const done = <T extends object>(command: T): SimpleCommand =>
      ({
        line,
        text: this.script.slice(start, (this.tokens[this.pos - 1] as Token).end),
        ...command,
      }) as never;
    switch (token.value) {
      case 'SPACE':
      case 'NEWLINE':
      case 'EOF':
        return done({ kind: token.value });
      case 'INT': {
        this.op('(');
        const min = this.expr();
        this.op(',');
        const max = this.expr();
        const target = this.accept('op', ',') ? this.variable() : undefined;
        this.op(')');
        return done({ kind: 'INT', min, max, ...opt({ target }) });
      }
      case 'FLOAT':
      case 'FLOATP': {
        this.op('(');
        const min = this.expr();
        this.op(',');
        const max = this.expr();
        let decimals: [Expr, Expr] | undefined;
        if (token.value === 'FLOATP') {
          this.op(',');
          const low = this.expr();
          this.op(',');
          decimals = [low, this.expr()];
        }
        let target: VarRef | undefined;
        let option: FloatOption | undefined;
        if (this.accept('op', ',')) {
          target = this.variable();
          if (this.accept('op', ',')) {
            if (this.accept('keyword', 'FIXED')) option = 'FIXED';
            else if (this.accept('keyword', 'SCIENTIFIC')) option = 'SCIENTIFIC';
            else this.fail('FIXED or SCIENTIFIC expected');
          }
        }
        this.op(')');
        return done({ kind: 'FLOAT', min, max, ...opt({ decimals, target, option }) });
      }
      case 'STRING': {
        this.op('(');
        const value = this.value();
        this.op(')');
        return done({ kind: 'STRING', value });
      }
      case 'REGEX': {
        this.op('(');
        const pattern = this.value();
        const target = this.accept('op', ',') ? this.variable() : undefined;
        this.op(')');
        return done({ kind: 'REGEX', pattern, ...opt({ target }) });
      }
      case 'ASSERT': {
        this.op('(');
        const test = this.test();
        this.op(')');
        return done({ kind: 'ASSERT', test });
      }
      case 'SET': {
        this.op('(');
        const assignments: { target: VarRef; value: Expr }[] = [];
        do {
          const target = this.variable();
          this.op('=');
          assignments.push({ target, value: this.expr() });
        } while (this.accept('op', ','));
        this.op(')');
        return done({ kind: 'SET', assignments });
      }
      case 'UNSET': {
        this.op('(');
        const names = this.names();
        this.op(')');
        return done({ kind: 'UNSET', names });
      }
      default:
        this.pos--;
        this.fail(
          ['REP', 'REPI', 'WHILE', 'WHILEI', 'IF', 'ELSE', 'END'].includes(token.value)
            ? 'a block command cannot be a separator'
            : 'command expected',
        );
    }
  }

  private names(): string[] {
    const names = [this.expect('name', undefined, 'variable name').value];
    while (this.accept('op', ',')) names.push(this.expect('name', undefined, 'variable name').value);
    return names;
  }

  private variable(): VarRef {
    const name = this.expect('name', undefined, 'variable name').value;
    const indices: Expr[] = [];
    if (this.accept('op', '[')) {
      do indices.push(this.expr());
      while (this.accept('op', ','));
      this.op(']');
    }
    return { name, indices };
  }

  /** value := integer | float | string | variable | STRLEN(value) */
  private value(): Expr {
    const token = this.peek();
    if (token.type === 'int') {
      this.pos++;
      // As GMP reads it: a leading zero makes an octal literal.
      const octal = /^0[0-7]+$/.test(token.value);
      return { kind: 'int', value: octal ? BigInt(`0o${token.value.slice(1)}`) : BigInt(token.value) };
    }
    if (token.type === 'float') {
      this.pos++;
      return { kind: 'float', text: token.value };
    }
    if (token.type === 'string') {
      this.pos++;
      return { kind: 'string', value: token.value };
    }
    if (token.type === 'name') return { kind: 'var', variable: this.variable() };
    if (this.accept('keyword', 'STRLEN')) {
      this.op('(');
      const arg = this.value();
      this.op(')');
      return { kind: 'strlen', arg };
    }
    this.fail('value expected');
  }

  expr(): Expr {
    let left = this.term();
    while (this.is('op', '+') || this.is('op', '-')) {
      const op = this.tokens[this.pos++]?.value as '+' | '-';
      left = { kind: 'binary', op, left, right: this.term() };
    }
    return left;
  }

  private term(): Expr {
    let left = this.factor();
    while (this.is('op', '*') || this.is('op', '/') || this.is('op', '%')) {
      const op = this.tokens[this.pos++]?.value as '*' | '/' | '%';
      left = { kind: 'binary', op, left, right: this.factor() };
    }
    return left;
  }

  /** fact := value | '-' fact | '(' expr ')' | fact '^' fact, with `-` taking the powers after it. */
  private factor(): Expr {
    if (this.accept('op', '-')) return { kind: 'neg', arg: this.factor() };
    let left = this.primary();
    while (this.accept('op', '^')) {
      const right: Expr = this.accept('op', '-') ? { kind: 'neg', arg: this.factor() } : this.primary();
      left = { kind: 'binary', op: '^', left, right };
    }
    return left;
  }

  private primary(): Expr {
    if (this.accept('op', '(')) {
      const inner = this.expr();
      this.op(')');
      return inner;
    }
    return this.value();
  }

  /** test := '!' test | test ('&&'|'||') test | '(' test ')' | expr compare expr | ISEOF | MATCH | UNIQUE | INARRAY */
  test(): Test {
    let left = this.testAtom();
    while (this.is('op', '&&') || this.is('op', '||')) {
      const kind = this.tokens[this.pos++]?.value === '&&' ? 'and' : 'or';
      left = { kind, left, right: this.testAtom() };
    }
    return left;
  }

  private testAtom(): Test {
    if (this.accept('op', '!')) return { kind: 'not', arg: this.test() };
    if (this.accept('keyword', 'ISEOF')) return { kind: 'iseof' };
    if (this.accept('keyword', 'MATCH')) {
      this.op('(');
      const arg = this.value();
      this.op(')');
      return { kind: 'match', arg };
    }
    if (this.accept('keyword', 'UNIQUE')) {
      this.op('(');
      const names = this.names();
      this.op(')');
      return { kind: 'unique', names };
    }
    if (this.accept('keyword', 'INARRAY')) {
      this.op('(');
      const value = this.expr();
      this.op(',');
      const array = this.variable().name;
      this.op(')');
      return { kind: 'inarray', value, array };
    }
    if (this.is('op', '(')) {
      // `(` starts either a comparison whose left side is parenthesised, or a parenthesised test.
      const saved = this.pos;
      try {
        return this.comparison();
      } catch (error) {
        if (!(error instanceof CtdParseError)) throw error;
        this.pos = saved + 1;
        const inner = this.test();
        this.op(')');
        return inner;
      }
    }
    return this.comparison();
  }

  private comparison(): Test {
    const left = this.expr();
    const token = this.peek();
    if (token.type !== 'op' || !COMPARE_OPS.has(token.value)) this.fail('comparison operator expected');
    this.pos++;
    return { kind: 'compare', op: token.value as CompareOp, left, right: this.expr() };
  }
}

/** The entries of `fields` that are set (optional properties stay absent rather than `undefined`). */
function opt<T extends Record<string, unknown>>(fields: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(fields))
    if (value !== undefined) out[key as keyof T] = value as never;
  return out;
}

/** Parses a whole script (read as latin1 text); throws `CtdParseError` with the line of the problem. */
export function parseScript(script: string): Command[] {
  return new Parser(tokenize(script), script).program();
}
