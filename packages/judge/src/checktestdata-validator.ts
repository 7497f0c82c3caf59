/**
 * An input validator written in checktestdata (a `.ctd` file, alone or in its folder): the interpreter
 * (`checktestdata/`) is bundled in the sandbox as a TypeScript program with the script beside it, the script
 * is parsed there once, and each run reads a case's input as stdin (42 valid, 43 invalid).
 */
import { clipText } from '@arbiter/contracts';
import type { Sandbox } from '@arbiter/sandbox';
import { CELL_SCRIPT, CHECKTESTDATA_ENTRY, checktestdataModules } from './checktestdata/cell-program.js';
import { compileProgram, toolArgv, usable, type CompileContext, type CompileResult } from './compile-step.js';
import { VALIDATOR_LIMITS } from './output-validator.js';

const decoder = new TextDecoder();

/** The validator's script among its files: the one `.ctd` file (sorted first when there are several). */
export function checktestdataScript(files: ReadonlyMap<string, Buffer>): string | undefined {
  return [...files.keys()].filter((file) => file.endsWith('.ctd')).sort()[0];
}

/** The program, ready to run with `CELL_SCRIPT` as its argument, or why it cannot run (the script does not parse). */
export async function checktestdataProgram(
  script: Buffer,
  sandbox: Sandbox,
  context: CompileContext,
  signal?: AbortSignal,
): Promise<CompileResult> {
  const compiled = await compileProgram(
    'typescript',
    CHECKTESTDATA_ENTRY,
    sandbox,
    signal === undefined ? {} : { signal },
    context,
    { files: { ...checktestdataModules(), [CELL_SCRIPT]: script } },
  );
  if (!compiled.ok) {
    return {
      ok: false,
      compileOutput: `the checktestdata interpreter did not build: ${compiled.compileOutput}`,
    };
  }
  const { program } = compiled;
  const report = usable(
    await sandbox.run({
      argv: [...toolArgv(program, VALIDATOR_LIMITS), '--parse-only', CELL_SCRIPT],
      files: program.files,
      limits: VALIDATOR_LIMITS,
      ...(signal === undefined ? {} : { signal }),
    }),
    'checktestdata parse',
  );
  if (report.status === 'exited' && report.exitCode === 0) return { ok: true, program };
  const stderr = decoder.decode(report.stderr).trim();
  return {
    ok: false,
    compileOutput: clipText(
      `checktestdata script does not parse: ${stderr || `stopped (${report.status})`}`,
      4_096,
    ),
  };
}
