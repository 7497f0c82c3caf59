/** The specification's default output validator: token by token, whitespace and case lenient unless flagged, floats with tolerance. */
import { parseFloatToken, type DefaultValidatorFlags } from './validator-flags.js';

export type DefaultValidation = { accepted: true } | { accepted: false; message: string };

/** C `isspace` in the C locale: space, \t, \n, \v, \f, \r. */
const isSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);

const fold = (c: number): number => (c >= 0x41 && c <= 0x5a ? c + 32 : c);

function sameToken(a: string, b: string, caseSensitive: boolean): boolean {
  if (a.length !== b.length) return false;
  if (caseSensitive) return a === b;
  for (let i = 0; i < a.length; i++) if (fold(a.charCodeAt(i)) !== fold(b.charCodeAt(i))) return false;
  return true;
}

/** A token shown in a message: at most `limit` bytes, then an ellipsis. */
const shorten = (token: string, limit = 30): string =>
  token.length <= limit + 5 ? token : `${token.slice(0, limit)}...`;

const describe = (c: number): string => (c < 0 ? 'end of output' : JSON.stringify(String.fromCharCode(c)));

class Reader {
  pos = 0;
  line = 1;
  constructor(readonly text: string) {}
  peek(): number {
    return this.pos < this.text.length ? this.text.charCodeAt(this.pos) : -1;
  }
  get(): number {
    const c = this.peek();
    if (c >= 0) this.pos++;
    if (c === 0x0a) this.line++;
    return c;
  }
  /** The next maximal run of non-space bytes after any whitespace, or undefined at the end. */
  token(): string | undefined {
    while (isSpace(this.peek())) this.get();
    const start = this.pos;
    while (this.peek() >= 0 && !isSpace(this.peek())) this.pos++;
    return this.pos === start ? undefined : this.text.slice(start, this.pos);
  }
}

/**
 * Compares the team's output with the judge's answer. Both are taken as bytes (case folding is ASCII only, as
 * in the C locale). A judge token that is a finite number is compared numerically when a tolerance is set:
 * the team token must be a finite number too, within the absolute or the relative tolerance. `inf` and `nan`
 * are never numbers here, so they compare as words.
 */
export function defaultValidate(
  answer: Buffer | string,
  output: Buffer | string,
  flags: DefaultValidatorFlags,
): DefaultValidation {
  const judge = new Reader(
    typeof answer === 'string' ? Buffer.from(answer).toString('latin1') : answer.toString('latin1'),
  );
  const team = new Reader(
    typeof output === 'string' ? Buffer.from(output).toString('latin1') : output.toString('latin1'),
  );
  const useFloats = flags.floatAbsoluteTolerance >= 0 || flags.floatRelativeTolerance >= 0;
  const wrong = (why: string): DefaultValidation => ({
    accepted: false,
    message: `Wrong answer on line ${team.line} of output (line ${judge.line} of the answer): ${why}`,
  });

  for (let index = 0; ; index++) {
    while (isSpace(judge.peek())) {
      const c = judge.get();
      if (flags.spaceChangeSensitive) {
        const d = team.get();
        if (c !== d) return wrong(`space change: expected ${describe(c)}, got ${describe(d)}`);
      }
    }
    while (isSpace(team.peek())) {
      const d = team.get();
      if (flags.spaceChangeSensitive) return wrong(`space change: unexpected ${describe(d)}`);
    }
    const expected = judge.token();
    if (expected === undefined) break;
    const got = team.token();
    if (got === undefined) {
      const empty =
        index === 0 ? (team.pos === 0 ? '; the output was empty' : '; the output was only whitespace') : '';
      return wrong(
        `output ended while the answer had more${empty} (next answer token: ${shorten(expected)})`,
      );
    }
    const judgeValue = useFloats ? parseFloatToken(expected) : undefined;
    if (judgeValue !== undefined) {
      const teamValue = parseFloatToken(got);
      if (teamValue === undefined) return wrong(`expected a number, got ${shorten(got)}`);
      const diff = Math.abs(judgeValue - teamValue);
      if (
        !(diff <= flags.floatAbsoluteTolerance) &&
        !(diff <= flags.floatRelativeTolerance * Math.abs(judgeValue))
      ) {
        return wrong(
          `too large a difference: answer ${shorten(expected)}, output ${shorten(got)}, absolute error ${diff}` +
            (judgeValue === 0 ? '' : `, relative error ${diff / Math.abs(judgeValue)}`),
        );
      }
    } else if (!sameToken(expected, got, flags.caseSensitive)) {
      return wrong(`expected ${JSON.stringify(shorten(expected))}, got ${JSON.stringify(shorten(got))}`);
    }
  }
  const extra = team.token();
  if (extra !== undefined) return wrong(`trailing output: ${shorten(extra)}`);
  return { accepted: true };
}
