/** Parses the default output validator's flags (problem.yaml `validator_flags`, testdata.yaml `output_validator_flags`). */

export interface DefaultValidatorFlags {
  readonly caseSensitive: boolean;
  readonly spaceChangeSensitive: boolean;
  /** Negative when not given: no float comparison on that side. */
  readonly floatAbsoluteTolerance: number;
  readonly floatRelativeTolerance: number;
}

export const NO_FLAGS: DefaultValidatorFlags = {
  caseSensitive: false,
  spaceChangeSensitive: false,
  floatAbsoluteTolerance: -1,
  floatRelativeTolerance: -1,
};

export class ValidatorFlagsError extends Error {
  override readonly name = 'ValidatorFlagsError';
}

/** True when the whole token is a finite number in C `strtod` syntax (decimal or hexadecimal). */
export function parseFloatToken(token: string): number | undefined {
  const decimal = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/;
  let value: number;
  if (decimal.test(token)) {
    value = Number(token);
  } else {
    const m = hex.exec(token);
    if (!m) return undefined;
    const [, sign, whole = '', fraction = '', exponent = '0'] = m;
    if (whole === '' && fraction === '') return undefined;
    const digits = whole + fraction;
    value = 0;
    for (const d of digits) value = value * 16 + parseInt(d, 16);
    value *= 2 ** (Number(exponent) - 4 * fraction.length);
    if (sign === '-') value = -value;
  }
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Reads the flag words as the specification lists them; anything else is the package's error (the reference
 * validator refuses unknown flags too). `float_tolerance ε` sets both tolerances.
 */
export function parseValidatorFlags(words: readonly string[]): DefaultValidatorFlags {
  let caseSensitive = false;
  let spaceChangeSensitive = false;
  let floatAbsoluteTolerance = -1;
  let floatRelativeTolerance = -1;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const tolerance = (): number => {
      const value = words[i + 1] === undefined ? undefined : parseFloatToken(words[i + 1] as string);
      if (value === undefined) throw new ValidatorFlagsError(`"${word}" needs a finite number after it`);
      i++;
      return value;
    };
    switch (word) {
      case 'case_sensitive':
        caseSensitive = true;
        break;
      case 'space_change_sensitive':
        spaceChangeSensitive = true;
        break;
      case 'float_absolute_tolerance':
        floatAbsoluteTolerance = tolerance();
        break;
      case 'float_relative_tolerance':
        floatRelativeTolerance = tolerance();
        break;
      case 'float_tolerance':
        floatRelativeTolerance = floatAbsoluteTolerance = tolerance();
        break;
      default:
        throw new ValidatorFlagsError(`unknown default validator flag "${word ?? ''}"`);
    }
  }
  return { caseSensitive, spaceChangeSensitive, floatAbsoluteTolerance, floatRelativeTolerance };
}

/** Splits a flag string on whitespace, as the reference tools do. */
export function flagWords(flags: string | undefined): string[] {
  return (flags ?? '').split(/\s+/).filter((w) => w !== '');
}
