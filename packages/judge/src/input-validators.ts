/**
 * A package's input validators (`input_validators/`), run on import by the verification job: each file or
 * folder directly in it is one program, compiled in the sandbox by its file endings (C, C++, Python 3, else
 * shell scripts; the entry is the source with `main`, the folder's other files beside it, so a header such
 * as `validate.h` is found) or, a folder with `build`/`run` scripts, built by them (package-build-run.ts), or
 * a checktestdata script (`.ctd`, run by Arbiter's interpreter, checktestdata-validator.ts), and run in the sandbox on every test case's input as stdin with the case's
 * `input_validator_flags` / `input_validator_args` (its own in the map form), then the case's `args`. Exit 42 says the input is valid; anything else names the case as bad data.
 */
import { clipText, type InputValidation } from '@arbiter/contracts';
import {
  flagWords,
  inputValidatorFlagsFor,
  validatorFile,
  type ProblemPackage,
} from '@arbiter/problem-package';
import type { Sandbox } from '@arbiter/sandbox';
import { compileProgram, toolArgv, usable, type CompileContext, type CompileResult } from './compile-step.js';
import { VALIDATOR_ACCEPT, VALIDATOR_LIMITS, sourcesOf } from './output-validator.js';
import { buildRunProgram, isBuildRun } from './package-build-run.js';
import { CELL_SCRIPT } from './checktestdata/cell-program.js';
import { checktestdataProgram, checktestdataScript } from './checktestdata-validator.js';
import { caseWorkFiles } from './case-work-files.js';
import { howRunEnded } from './run-ending.js';

const decoder = new TextDecoder();

/** The validator programs by name, each with its files relative to its own folder. */
function programs(pkg: ProblemPackage): Map<string, Map<string, Buffer>> {
  const out = new Map<string, Map<string, Buffer>>();
  for (const path of pkg.inputValidators) {
    // Below the validators' folder (input_validators/, or the older input_format_validators/).
    const { validator: name, file: relative } = validatorFile(path);
    const file = pkg.files.get(path);
    if (file === undefined) continue;
    const files = out.get(name) ?? new Map<string, Buffer>();
    files.set(relative, file.bytes);
    out.set(name, files);
  }
  return out;
}

/** Compiles a validator given as sources (C, C++, Python 3, else shell scripts), or says why it cannot be run. */
async function compileSources(
  name: string,
  files: Map<string, Buffer>,
  sandbox: Sandbox,
  context: CompileContext,
  signal: AbortSignal | undefined,
): Promise<CompileResult | { unsupported: string }> {
  const sources = sourcesOf(files);
  const languages = new Set(sources.map((s) => s.language));
  const entry =
    sources.find((s) => /\bmain\s*\(|__main__/.test((files.get(s.name) as Buffer).toString('latin1'))) ??
    sources[0];
  if (languages.size !== 1 || entry === undefined) {
    return {
      unsupported:
        languages.size === 0
          ? [...files.keys()].some((file) => file.endsWith('.viva'))
            ? 'VIVA (.viva) scripts are not run: the workers do not have it'
            : `${name}: no source in a language Arbiter runs for validators (C, C++, Python 3, shell, checktestdata) and no build/run scripts`
          : `mixes languages (${[...languages].join(', ')})`,
    };
  }
  const extras: Record<string, Uint8Array> = {};
  for (const [file, bytes] of files) if (file !== entry.name) extras[file] = bytes;
  return compileProgram(
    entry.language,
    (files.get(entry.name) as Buffer).toString('utf8'),
    sandbox,
    signal === undefined ? {} : { signal },
    context,
    { files: extras },
  );
}

/** Runs every input validator on every test case's input. */
export async function validateInputs(
  pkg: ProblemPackage,
  sandbox: Sandbox,
  context: CompileContext = {},
  signal?: AbortSignal,
): Promise<InputValidation> {
  const result: InputValidation = { validators: [], invalid: [], ok: true };
  for (const [name, files] of programs(pkg)) {
    // A checktestdata script, when the validator has no sources and no build/run scripts.
    const script = isBuildRun(files) || sourcesOf(files).length > 0 ? undefined : checktestdataScript(files);
    const compiled =
      script !== undefined
        ? await checktestdataProgram(files.get(script) as Buffer, sandbox, context, signal)
        : isBuildRun(files)
          ? await buildRunProgram(files, sandbox, signal === undefined ? {} : { signal }, context)
          : await compileSources(name, files, sandbox, context, signal);
    if ('unsupported' in compiled) {
      result.validators.push({ name, status: 'unsupported', message: compiled.unsupported });
      result.ok = false;
      continue;
    }
    if (!compiled.ok) {
      result.validators.push({
        name,
        status: 'compile_error',
        message: clipText(
          `${isBuildRun(files) ? 'build/run scripts: ' : ''}${compiled.compileOutput}`,
          4_096,
        ),
      });
      result.ok = false;
      continue;
    }
    const { program } = compiled;
    let cases = 0;
    for (const testCase of pkg.testData.cases) {
      const input = pkg.files.get(testCase.input)?.bytes ?? Buffer.alloc(0);
      const report = usable(
        await sandbox.run({
          argv: [
            ...toolArgv(program, VALIDATOR_LIMITS),
            // checktestdata takes its script, and no flags.
            ...(script !== undefined
              ? [CELL_SCRIPT]
              : [
                  // 2025-09: the validator's input_validator_args, then the case's args.
                  ...flagWords(inputValidatorFlagsFor(testCase.config, name)),
                  ...(testCase.config.args ?? []),
                ]),
          ],
          // 2025-09: the case's X.files beside the validator's own files (a clash of names refuses the package).
          files: { ...caseWorkFiles(pkg, testCase), ...program.files },
          stdin: input,
          limits: VALIDATOR_LIMITS,
          ...(signal === undefined ? {} : { signal }),
        }),
        'input validator',
      );
      cases++;
      if (report.status === 'exited' && report.exitCode === VALIDATOR_ACCEPT) continue;
      const how = howRunEnded(report);
      const stderr = decoder.decode(report.stderr).trim();
      result.invalid.push({
        file: testCase.input,
        validator: name,
        message: clipText(`${how} (42 means valid)${stderr ? `: ${stderr}` : ''}`, 2_048),
      });
      result.ok = false;
    }
    result.validators.push({ name, status: 'ran', cases });
  }
  return result;
}
