/** ICPC / Kattis problem packages: reading (zip or folder), parsing with a report, the default output validator. */
export { defaultValidate, type DefaultValidation } from './default-validator.js';
export {
  flagWords,
  NO_FLAGS,
  parseFloatToken,
  parseValidatorFlags,
  ValidatorFlagsError,
  type DefaultValidatorFlags,
} from './validator-flags.js';
export { PackageError, formatPackageIssue, type PackageIssue } from './package-error.js';
export { PACKAGE_LIMITS, packageFromFolder, packageFromZip, type PackageFile } from './package-files.js';
export {
  parseProblemYaml,
  type FormatVersion,
  type ProblemMetadata,
  type ProblemType,
} from './problem-yaml.js';
export {
  flatten,
  GROUP_CONFIG_NAMES,
  readTestData,
  ROOT_CONFIG,
  type GroupConfig,
  type TestCase,
  type TestData,
  type TestGroup,
} from './test-data.js';
export {
  parsePackage,
  type ImportReport,
  type PackageSubmission,
  type ProblemPackage,
  type Statement,
  type SubmissionLabel,
} from './parse-package.js';
export {
  includesFor,
  INCLUDE_LANGUAGE_CODES,
  readIncludes,
  type PackageIncludes,
} from './package-includes.js';
export { loadPackageZip, normalizedZip } from './package-zip.js';
