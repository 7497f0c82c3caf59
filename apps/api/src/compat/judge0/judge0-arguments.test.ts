/** Judge0's command_line_arguments split into the words bash would make of them, without a shell. */
import { describe, expect, it } from 'vitest';
import { judge0Arguments } from './judge0-arguments.js';

describe('judge0Arguments', () => {
  it.each([
    [null, []],
    ['', []],
    ['  a   b  ', ['a', 'b']],
    [`"a b" 'c d' e\\ f`, ['a b', 'c d', 'e f']],
    [`"say \\"hi\\"" 'it''s'`, ['say "hi"', 'its']],
    ['"" x', ['', 'x']],
    ['$HOME; rm -rf / | cat > out & `id`', ['HOME', 'rm', '-rf', '/', 'cat', 'out', 'id']],
  ])('%j → %j', (raw, words) => {
    expect(judge0Arguments(raw)).toEqual(words);
  });
});
