/**
 * The checktestdata interpreter as a program for the sandbox: this folder's sources, bundled there by the
 * TypeScript language's compile step (esbuild) into one `main.js` that Node runs. Read from disk here, on
 * the host; nothing of a package's script runs outside the sandbox.
 */
import { readFileSync } from 'node:fs';

/** The interpreter's modules (tests and this file are not part of it). */
const MODULES = [
  'ast.ts',
  'data-reader.ts',
  'ere.ts',
  'errors.ts',
  'interpreter.ts',
  'lexer.ts',
  'main.ts',
  'parser.ts',
  'values.ts',
];

/** The folder of the modules inside the cell. */
const FOLDER = 'checktestdata';

/** Where a validator's script is put in the cell. */
export const CELL_SCRIPT = 'script.ctd';

/** The entry program (the TypeScript language's `main.ts`). */
export const CHECKTESTDATA_ENTRY = `import { main } from './${FOLDER}/main.js';\nprocess.exitCode = main(process.argv.slice(2));\n`;

let modules: Record<string, string> | undefined;

/** The interpreter's modules by their path in the cell, beside the entry. */
export function checktestdataModules(): Record<string, string> {
  modules ??= Object.fromEntries(
    MODULES.map((file) => [`${FOLDER}/${file}`, readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')]),
  );
  return modules;
}
