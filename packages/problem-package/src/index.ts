/** ICPC / Kattis problem packages: the default output validator and its flags (the package parser follows). */
export { defaultValidate, type DefaultValidation } from './default-validator.js';
export {
  flagWords,
  NO_FLAGS,
  parseFloatToken,
  parseValidatorFlags,
  ValidatorFlagsError,
  type DefaultValidatorFlags,
} from './validator-flags.js';
