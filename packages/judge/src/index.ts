/** Toolchain detection and judging of programs with the languages' recipes, on top of a `Sandbox`. */
export { RECIPES, javaMainClass, type LanguageRecipe } from '@arbiter/languages';
export { detectToolchains } from './toolchains.js';
export {
  selfTestLanguages,
  type SelfTestFailure,
  type SelfTestOptions,
  type SelfTestReport,
} from './self-test.js';
export { SelfTestCache, selfTestKey } from './self-test-cache.js';
export { ESBUILD_BINARY, LANGUAGES, aptInstallLine, judgeReadOnlyPaths } from '@arbiter/languages';
export {
  compileProgram,
  type CompileContext,
  type CompiledProgram,
  type CompileResult,
  type StepHooks,
  type StepTimes,
} from './compile-step.js';
export { buildClassArchive, classArchiveLanguages, classArchivePath, javaVersion } from './class-archive.js';
export { CompileCache, type CompileCacheOptions } from './compile-cache.js';
export { StepTimings } from './step-timings.js';
export {
  buildPrecompiledHeader,
  precompiledHeaderDir,
  type PrecompiledHeader,
} from './precompiled-header.js';
export { runProgram, type RunOptions, type RunOutcome } from './run-step.js';
export { judgeProgram, type JudgeHooks, type ProgramJob, type ProgramOutcome } from './judge-program.js';
export { InfrastructureError, verdictOfRun } from './verdict.js';
export { sameTokens, tokens } from './compare-output.js';
export { COMPILE_STEP_LIMITS, compileStepLimits, runStepLimits } from './run-limits.js';
export {
  judgeProblem,
  InvalidTestInputError,
  type ProblemHooks,
  type ProblemJob,
  type ProblemOutcome,
  type ProblemTest,
  type TestSource,
} from './judge-problem.js';
export { referenceSolution } from './judge-problem-reference.js';
export { judgePackageProblem, type PackageJob } from './judge-package-problem.js';
export {
  defaultGrader,
  gradeTestData,
  parseGraderFlags,
  parseRange,
  type GradedTestData,
  type SubResult,
} from './scoring-grader.js';
export {
  compileOutputValidator,
  runOutputValidator,
  PackageJudgeError,
  VALIDATOR_LIMITS,
  type CompiledValidator,
  type Validation,
} from './output-validator.js';
export { packageTimeLimit, verdictAtLimit, verifyPackage, type VerifyOptions } from './verify-package.js';
export { submissionSource, type SubmissionSource } from './package-submission-source.js';
export {
  analyzeSimilarity,
  SIMILARITY_LIMITS,
  type SimilarityOptions,
} from './similarity/analyze-similarity.js';
export { dolosPackageDirs } from './similarity/dolos-paths.js';
