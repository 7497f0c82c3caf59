/**
 * The one table that maps the platform's languages to the ids and names of the APIs it also
 * speaks: Judge0 CE's numeric ids (from its 1.13.1 language seeds; the first is the one listed,
 * the others are accepted aliases running the same toolchain) and Piston's language names and
 * aliases. A language added to the platform gets a row here and appears in both APIs.
 */
import type { LanguageId } from '@arbiter/contracts';

export interface CompatLanguage {
  id: LanguageId;
  judge0: {
    /** Judge0 ids: `[listed, ...aliases]`. */
    ids: readonly number[];
    /** Judge0's name without the version: the name shown is `${family} (${toolchain}${version})`. */
    family: string;
    toolchain: string;
    sourceFile: string;
    compileCmd: string | null;
    runCmd: string;
  };
  /** Piston: name, aliases, whether its answers have a compile stage, and the runtime named (`node`). */
  piston: { language: string; aliases: readonly string[]; compiled: boolean; runtime?: string };
}

export const COMPAT_LANGUAGES: readonly CompatLanguage[] = [
  {
    id: 'python',
    judge0: {
      ids: [71],
      family: 'Python',
      toolchain: '',
      sourceFile: 'main.py',
      compileCmd: null,
      runCmd: 'python3 main.py',
    },
    piston: { language: 'python', aliases: ['py', 'py3', 'python3', 'python3.11'], compiled: false },
  },
  {
    id: 'javascript',
    judge0: {
      ids: [63],
      family: 'JavaScript',
      toolchain: 'Node.js ',
      sourceFile: 'main.js',
      compileCmd: null,
      runCmd: 'node main.js',
    },
    piston: {
      language: 'javascript',
      aliases: ['node-javascript', 'node-js', 'javascript', 'js'],
      compiled: false,
      runtime: 'node',
    },
  },
  {
    id: 'typescript',
    judge0: {
      ids: [74],
      family: 'TypeScript',
      toolchain: '',
      sourceFile: 'main.ts',
      compileCmd: 'esbuild main.ts --outfile=main.js',
      runCmd: 'node main.js',
    },
    piston: { language: 'typescript', aliases: ['ts', 'node-ts', 'tsc'], compiled: true },
  },
  {
    id: 'cpp',
    judge0: {
      ids: [54, 52, 53, 76],
      family: 'C++',
      toolchain: 'GCC ',
      sourceFile: 'main.cpp',
      compileCmd: 'g++ -std=gnu++17 -O2 %s main.cpp',
      runCmd: './main',
    },
    piston: { language: 'c++', aliases: ['cpp', 'g++'], compiled: true, runtime: 'gcc' },
  },
  {
    id: 'c',
    judge0: {
      ids: [50, 48, 49, 75],
      family: 'C',
      toolchain: 'GCC ',
      sourceFile: 'main.c',
      compileCmd: 'gcc -std=gnu17 -O2 %s main.c',
      runCmd: './main',
    },
    piston: { language: 'c', aliases: ['gcc'], compiled: true, runtime: 'gcc' },
  },
  {
    id: 'java',
    judge0: {
      ids: [62],
      family: 'Java',
      toolchain: 'OpenJDK ',
      sourceFile: 'Main.java',
      compileCmd: 'javac %s Main.java',
      runCmd: 'java Main',
    },
    piston: { language: 'java', aliases: [], compiled: true },
  },
];

/** A language as the Judge0 API sees it (its rows above, and the ones only Judge0 has). */
export type Judge0CompatLanguage = Pick<CompatLanguage, 'id'> & {
  judge0: Omit<CompatLanguage['judge0'], 'sourceFile' | 'runCmd'> & {
    sourceFile: string | null;
    runCmd: string | null;
  };
};

/**
 * Judge0's language 89, "Multi-file program": the program is `additional_files` with its `compile` and
 * `run` scripts, and its name has no version. Piston has nothing like it; our own API does not list it.
 */
export const JUDGE0_MULTIFILE = {
  id: 'multifile',
  judge0: {
    ids: [89],
    family: 'Multi-file program',
    toolchain: '',
    sourceFile: null,
    compileCmd: null,
    runCmd: null,
  },
} as const satisfies Judge0CompatLanguage;

/** Every language the Judge0 API has, in the order it lists them. */
export const JUDGE0_LANGUAGES: readonly Judge0CompatLanguage[] = [...COMPAT_LANGUAGES, JUDGE0_MULTIFILE];

const byJudge0Id = new Map<number, Judge0CompatLanguage>(
  JUDGE0_LANGUAGES.flatMap((language) => language.judge0.ids.map((id) => [id, language] as const)),
);

export function languageOfJudge0Id(id: number): Judge0CompatLanguage | undefined {
  return byJudge0Id.get(id);
}

/** The listed Judge0 id of one of our languages (0 for one Judge0 does not have). */
export function judge0IdOf(id: string): number {
  return [...byJudge0Id.values()].find((language) => language.id === id)?.judge0.ids[0] ?? 0;
}

export function compatLanguage(id: LanguageId): CompatLanguage | undefined {
  return COMPAT_LANGUAGES.find((language) => language.id === id);
}

/** The version number in a worker's toolchain version ("esbuild on Node.js 20.1.0" → "20.1.0"). */
export function versionNumber(version: string): string {
  return /\d+(\.\d+)*/.exec(version)?.[0] ?? version;
}
