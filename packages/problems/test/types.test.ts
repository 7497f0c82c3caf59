/** The type grammar: what parses, how it prints back, and what is refused. */
import { describe, expect, it } from 'vitest';
import { formatType, nesting, parseType } from '../src/index.js';

describe('parseType', () => {
  it.each([
    'int',
    'long',
    'double',
    'bool',
    'string',
    'char',
    'ListNode',
    'TreeNode',
    'int[]',
    'char[][]',
    'list<int>',
    'list<list<string>>',
    'list<int[]>',
    'ListNode[]',
    'list<TreeNode>',
  ])('reads %s and prints it back', (text) => {
    expect(formatType(parseType(text))).toBe(text);
  });

  it('reads the structure of nested types', () => {
    expect(parseType('list<string[]>')).toEqual({
      kind: 'list',
      of: { kind: 'array', of: { kind: 'string' } },
    });
    expect(nesting(parseType('int[][]'))).toBe(2);
    expect(parseType(' list< int > ')).toEqual({ kind: 'list', of: { kind: 'int' } });
  });

  it('refuses unknown names and nesting deeper than two', () => {
    expect(() => parseType('integer')).toThrow(/unknown type "integer"/);
    expect(() => parseType('vector<int>')).toThrow(/unknown type/);
    expect(() => parseType('int[][][]')).toThrow(/more than 2 deep/);
    expect(() => parseType('list<list<int[]>>')).toThrow(/more than 2 deep/);
  });
});
