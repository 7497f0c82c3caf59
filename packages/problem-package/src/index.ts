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
export {
  caseConfigReport,
  inputValidatorFlagsFor,
  readCaseConfig,
  type CaseConfig,
} from './test-case-config.js';
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
  fullFeedbackOf,
  GROUP_CONFIG_NAMES,
  readTestData,
  ROOT_CONFIG,
  type GroupConfig,
  type ScoreAggregation,
  type TestCase,
  type TestData,
  type TestDataOptions,
  type TestGroup,
} from './test-data.js';
export { validatorFile } from './validator-file.js';
export {
  CASE_FILES_LIMITS,
  readCaseFiles,
  type CaseFilesBudget,
  type CaseFilesLimits,
} from './test-case-files.js';
export {
  aggregationOf,
  checkResultAggregation,
  isTestDataGroup,
  maxScoreOf,
} from './result-aggregation-rules.js';
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
export {
  DEFAULT_EXPECTATIONS,
  EXPECTATION_FILES,
  expectationsFor,
  globMatches,
  globPattern,
  readExpectations,
  type CaseVerdict,
  type ExpectationRules,
  type SubmissionExpectation,
} from './submission-expectations.js';
export {
  CONSTANT_LIMITS,
  constantForm,
  readConstants,
  substituteConstants,
  type PackageConstants,
} from './package-constants.js';
