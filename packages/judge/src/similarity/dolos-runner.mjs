// The similarity analysis, run inside the sandbox: reads {dolos, language, files} as JSON on stdin, runs
// Dolos (tree-sitter parsing and winnowing) over the files and writes the ranked pairs as JSON on stdout.
// `dolos` is the absolute path of @dodona/dolos-lib's entry, bound read-only into the sandbox by the worker.
import { pathToFileURL } from 'node:url';

const MAX_PAIRS = Number(process.argv[2] ?? 200);
const MAX_FRAGMENTS = Number(process.argv[3] ?? 50);

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const { Dolos, File, LanguagePicker } = await import(pathToFileURL(input.dolos).href);

// Each source is tokenised alone first: one that makes the tokeniser throw (a stack overflow on absurd
// nesting) is left out with a warning instead of costing every other pair of the report.
const language = await new LanguagePicker().findLanguage(input.language);
const tokenizer = await language.createTokenizer({ includeComments: false });
const warnings = [];
const files = [];
input.files.forEach((f, i) => {
  const file = new File(`${f.id}${input.extension}`, f.code, undefined, i);
  try {
    tokenizer.tokenizeFile(file);
    files.push(file);
  } catch (error) {
    warnings.push(`submission ${f.id} left out: it could not be tokenised (${String(error).slice(0, 200)})`);
  }
});
if (files.length < 2) {
  process.stdout.write(JSON.stringify({ pairs: [], warnings }));
  process.exit(0);
}
const dolos = new Dolos({ language: input.language, minSimilarity: 0 });
const report = await dolos.analyze(files);
const region = (r) => ({ startRow: r.startRow, startCol: r.startCol, endRow: r.endRow, endCol: r.endCol });
const idOf = (file) => input.files[file.id].id;
const pairs = report
  .allPairs()
  .sort((a, b) => b.similarity - a.similarity || b.longest - a.longest)
  .slice(0, MAX_PAIRS)
  .map((pair) => ({
    left: idOf(pair.leftFile),
    right: idOf(pair.rightFile),
    similarity: pair.similarity,
    longest: pair.longest,
    overlap: pair.overlap,
    fragments: pair
      .buildFragments()
      .sort((a, b) => b.pairs.length - a.pairs.length)
      .slice(0, MAX_FRAGMENTS)
      .map((fragment) => ({ left: region(fragment.leftSelection), right: region(fragment.rightSelection) })),
  }));
process.stdout.write(JSON.stringify({ pairs, warnings: [...warnings, ...report.warnings] }));
