/**
 * The checktestdata program run in the sandbox as an input validator (`cell-program.ts` bundles it):
 * `node main.js script.ctd < data`.
 * Exit 42: the data matches; 43: it does not (where and why on stderr); 3: the script does not parse;
 * 1: the script failed while running. `--parse-only script.ctd` only parses (0 when it does).
 */
import { readFileSync } from 'node:fs';
import { CtdMismatch, CtdParseError } from './errors.js';
import { checkData } from './interpreter.js';
import { parseScript } from './parser.js';

export const EXIT_VALID = 42;
export const EXIT_INVALID = 43;
export const EXIT_PARSE_ERROR = 3;
export const EXIT_SCRIPT_ERROR = 1;

/** Runs one check and says how it ended: the exit code and the message for stderr. */
export function runChecktestdata(script: string, data: string | null): { code: number; message: string } {
  try {
    const commands = parseScript(script);
    if (data === null) return { code: 0, message: '' };
    checkData(commands, data);
    return { code: EXIT_VALID, message: '' };
  } catch (error) {
    if (error instanceof CtdParseError) return { code: EXIT_PARSE_ERROR, message: error.message };
    if (error instanceof CtdMismatch) return { code: EXIT_INVALID, message: `ERROR: ${error.message}` };
    if (error instanceof RangeError)
      return { code: EXIT_SCRIPT_ERROR, message: `checktestdata: ${error.message}` };
    return { code: EXIT_SCRIPT_ERROR, message: `checktestdata script error: ${(error as Error).message}` };
  }
}

/** The command line: reads the script and stdin, writes the message, returns the exit code. */
export function main(args: string[]): number {
  const parseOnly = args[0] === '--parse-only';
  const file = parseOnly ? args[1] : args[0];
  if (file === undefined) {
    process.stderr.write('usage: checktestdata [--parse-only] script.ctd < data\n');
    return EXIT_SCRIPT_ERROR;
  }
  const script = readFileSync(file, 'latin1');
  const data = parseOnly ? null : readFileSync(0).toString('latin1');
  const { code, message } = runChecktestdata(script, data);
  if (message) process.stderr.write(`${message}\n`);
  return code;
}
