/** The problem catalog: the problem format, loading, starter code, harness generation and answer checking. */
export { loadCatalog, loadProblem, type Catalog } from './load.js';
export { CATALOG_ROOT } from './catalog-root.js';
export { ProblemFormatError, formatIssue, type ProblemIssue } from './problem-error.js';
export type {
  CheckFn,
  Difficulty,
  FunctionProblem,
  FunctionSignature,
  FunctionTest,
  Param,
  Problem,
  ReferenceSolution,
  StdioProblem,
  StdioTest,
} from './problem.js';
export { COMPARATORS, DIFFICULTIES, problemYamlSchema, type Comparator, type ProblemYaml } from './schema.js';
export { formatType, nesting, parseType, type ScalarKind, type TypeNode } from '@arbiter/languages/signature';
export { checkValue, canonicalTree, normalizeValue } from './values.js';
export { parseCustomInput, parseFunctionTests, parseStdioTests, type Parsed } from './tests.js';
export { FLOAT_TOLERANCE, judgeAnswer, sameValue, type AnswerVerdict } from './compare.js';
export { clip, formatArgs, formatValue } from './display.js';
export { functionStarter, starterCode } from './starter.js';
export { buildHarness, harnessSource, type HarnessProgram } from './harness.js';
export { supportedLanguages, unsupportedReason } from './support.js';
export { problemLimits } from './limits.js';
export {
  COMPILE_RECORD_LANGUAGES,
  messageOf,
  parseHarnessLine,
  testLine,
  type AnswerStatus,
  type HarnessMessage,
} from './protocol.js';
