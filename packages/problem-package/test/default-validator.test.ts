import { describe, expect, it } from 'vitest';
import { defaultValidate } from '../src/default-validator.js';
import {
  flagWords,
  parseFloatToken,
  parseValidatorFlags,
  ValidatorFlagsError,
} from '../src/validator-flags.js';

const judge = (answer: string, output: string, flags = ''): boolean =>
  defaultValidate(answer, output, parseValidatorFlags(flagWords(flags))).accepted;

const message = (answer: string, output: string, flags = ''): string => {
  const result = defaultValidate(answer, output, parseValidatorFlags(flagWords(flags)));
  return result.accepted ? '' : result.message;
};

describe('default output validator', () => {
  it('ignores changes of whitespace by default', () => {
    expect(judge('A B\n', 'A B\n')).toBe(true);
    expect(judge('A B\n', ' A  B \t\n')).toBe(true);
    expect(judge('A B\n', 'A\nB')).toBe(true);
    expect(judge('A B', 'A B\r\n\x0b\x0c')).toBe(true);
    expect(judge('', ' \n\t')).toBe(true);
    expect(judge('', '')).toBe(true);
    expect(judge('A B', 'AB')).toBe(false);
  });

  it('refuses missing and extra tokens, saying which', () => {
    expect(judge('1 2', '1')).toBe(false);
    expect(message('1 2', '1')).toContain('output ended');
    expect(judge('1 2', '1 2 3')).toBe(false);
    expect(message('1 2', '1 2 3')).toContain('trailing output: 3');
    expect(judge('', '0')).toBe(false);
    expect(message('7', '')).toContain('the output was empty');
    expect(message('7', '  \n')).toContain('only whitespace');
    expect(judge('A B', 'A B\n\n\n X')).toBe(false);
  });

  it('compares words case-insensitively unless case_sensitive, folding ASCII only', () => {
    expect(judge('Yes', 'YES')).toBe(true);
    expect(judge('Yes', 'yes', 'case_sensitive')).toBe(false);
    expect(judge('Yes', 'Yes', 'case_sensitive')).toBe(true);
    expect(judge('\u00e9t\u00e9', '\u00c9T\u00c9')).toBe(false);
    expect(judge('\u00e9t\u00e9', '\u00e9T\u00e9')).toBe(true);
  });

  it('with space_change_sensitive, every whitespace byte must match', () => {
    const flags = 'space_change_sensitive';
    expect(judge('1 2\n', '1 2\n', flags)).toBe(true);
    expect(judge('1 2\n', '1  2\n', flags)).toBe(false);
    expect(judge('1 2\n', '1\t2\n', flags)).toBe(false);
    expect(judge('1 2\n', '1 2', flags)).toBe(false);
    expect(judge('1 2\n', '1 2\n\n', flags)).toBe(false);
    expect(judge('1 2\n', ' 1 2\n', flags)).toBe(false);
    expect(judge('', ' ', flags)).toBe(false);
    expect(judge('a b', 'A B', flags)).toBe(true);
    expect(message('1 2\n', '1  2\n', flags)).toContain('space change');
  });

  it('compares numbers as words when no tolerance is given', () => {
    expect(judge('1', '1.0')).toBe(false);
    expect(judge('0.5', '.5')).toBe(false);
    expect(judge('1e3', '1E3')).toBe(true);
  });

  it('float_tolerance accepts a token within the absolute or the relative tolerance', () => {
    expect(judge('1.0', '1.0000005', 'float_tolerance 1e-6')).toBe(true);
    expect(judge('1.0', '1.00001', 'float_tolerance 1e-6')).toBe(false);
    expect(judge('1', '1.0', 'float_tolerance 1e-6')).toBe(true);
    expect(judge('1000000', '1000000.9', 'float_tolerance 1e-6')).toBe(true);
    expect(judge('0', '-0.0000009', 'float_tolerance 1e-6')).toBe(true);
    expect(judge('0.5', '.5', 'float_tolerance 0')).toBe(true);
  });

  it('float_absolute_tolerance and float_relative_tolerance apply on their own', () => {
    expect(judge('1000000', '1000000.9', 'float_absolute_tolerance 1e-6')).toBe(false);
    expect(judge('1000000', '1000000.9', 'float_relative_tolerance 1e-6')).toBe(true);
    expect(judge('0.001', '0.0015', 'float_relative_tolerance 0.1')).toBe(false);
    expect(judge('0.001', '0.0015', 'float_absolute_tolerance 0.001')).toBe(true);
    // Either tolerance suffices.
    const both = 'float_absolute_tolerance 0.1 float_relative_tolerance 1e-9';
    expect(judge('1000000000', '1000000000.05', both)).toBe(true);
    expect(judge('1', '1.05', both)).toBe(true);
    expect(judge('1', '1.2', both)).toBe(false);
    expect(message('1', '1.2', both)).toContain('too large a difference');
  });

  it('inf and nan are never numbers: they compare as words, and a numeric answer refuses them', () => {
    const flags = 'float_tolerance 1e-6';
    expect(judge('inf', 'inf', flags)).toBe(true);
    expect(judge('inf', 'INF', flags)).toBe(true);
    expect(judge('inf', 'infinity', flags)).toBe(false);
    expect(judge('nan', 'NaN', flags)).toBe(true);
    expect(judge('nan', 'NaN', `${flags} case_sensitive`)).toBe(false);
    expect(judge('1.5', 'inf', flags)).toBe(false);
    expect(message('1.5', 'nan', flags)).toContain('expected a number');
    // An answer that overflows a double is a word too.
    expect(judge('1e999', '1E999', flags)).toBe(true);
    expect(judge('1e999', '1e998', flags)).toBe(false);
  });

  it('a number token must be numeric in full', () => {
    const flags = 'float_tolerance 1e-6';
    expect(judge('1.5', '1.5abc', flags)).toBe(false);
    expect(judge('1.5', '1.5e', flags)).toBe(false);
    expect(judge('8', '0x1p3', flags)).toBe(true);
    expect(judge('2.5', '+2.5', flags)).toBe(true);
    expect(judge('abc', 'ABC', flags)).toBe(true);
  });
});

describe('validator flags', () => {
  it('parses every flag and lets a later tolerance win', () => {
    expect(parseValidatorFlags(flagWords(' case_sensitive  space_change_sensitive '))).toEqual({
      caseSensitive: true,
      spaceChangeSensitive: true,
      floatAbsoluteTolerance: -1,
      floatRelativeTolerance: -1,
    });
    expect(parseValidatorFlags(flagWords('float_tolerance 1e-6 float_absolute_tolerance 2'))).toMatchObject({
      floatAbsoluteTolerance: 2,
      floatRelativeTolerance: 1e-6,
    });
  });

  it('refuses unknown flags and tolerances that are not finite numbers', () => {
    expect(() => parseValidatorFlags(['ignore_case'])).toThrow(ValidatorFlagsError);
    expect(() => parseValidatorFlags(['float_tolerance'])).toThrow(/needs a finite number/);
    expect(() => parseValidatorFlags(['float_tolerance', 'abc'])).toThrow(ValidatorFlagsError);
    expect(() => parseValidatorFlags(['float_tolerance', 'inf'])).toThrow(ValidatorFlagsError);
  });

  it('reads numbers as C strtod does, without inf and nan', () => {
    expect(parseFloatToken('1.')).toBe(1);
    expect(parseFloatToken('.5e1')).toBe(5);
    expect(parseFloatToken('-0x.8')).toBe(-0.5);
    expect(parseFloatToken('0x')).toBeUndefined();
    expect(parseFloatToken('.')).toBeUndefined();
    expect(parseFloatToken('nan')).toBeUndefined();
    expect(parseFloatToken('1e400')).toBeUndefined();
    expect(parseFloatToken('1_000')).toBeUndefined();
  });
});
