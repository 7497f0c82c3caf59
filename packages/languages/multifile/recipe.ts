/**
 * A multi-file program (Judge0's language 89): its files are the program, all in one folder
 * (`MULTIFILE_FOLDER`, where the API puts them). The compile step runs the folder's `compile` script with
 * bash when there is one (its output is the compile output, an exit status other than 0 a compile error)
 * and keeps the whole folder, with whatever the script left in it, for the run step, which runs `run` with
 * bash in that folder (Judge0 1.13.1, app/jobs/isolate_job.rb). Both steps run in the sandbox like any
 * compiler and program.
 */
import type { LanguageRecipe } from '../recipe.js';
import { MULTIFILE_FOLDER } from './meta.js';

const COMPILE = `cd ${MULTIFILE_FOLDER} && if [ -f compile ]; then exec bash compile; fi`;

// Arguments after the script are not passed on: Judge0 gives a multi-file program none.
const RUN = `cd ${MULTIFILE_FOLDER} && exec bash run`;

export const multifileRecipe: LanguageRecipe = {
  id: 'multifile',
  // Judge0 wants the code blank; code there is (the worker's self-test, A+B) is the folder's run script.
  prepare: async (code) => {
    const files: Record<string, string> = {};
    if (code.trim() !== '') files[`${MULTIFILE_FOLDER}/run`] = code;
    return { files };
  },
  compile: {
    argv: () => ['/usr/bin/bash', '-c', COMPILE],
    // Judge0 allows a multi-file program no compiler options.
    flags: [],
    collect: [MULTIFILE_FOLDER],
  },
  run: () => ['/usr/bin/bash', '-c', RUN],
  version: {
    argv: ['/usr/bin/bash', '--version'],
    parse: (output) => /version (\d+\.\d+(\.\d+)?)/.exec(output)?.[1] ?? null,
  },
};
