/**
 * Python 3 (Debian's `/usr/bin/python3`). One process checks the syntax and runs the
 * program, which saves a second sandbox start; a `SyntaxError` is reported behind a
 * marker on stderr and becomes `COMPILE_ERROR`. An uncaught exception's traceback leaves
 * out the bootstrap's own frame; a free run is unbuffered (`-u`) so its output streams. `-S`
 * (no site, a faster start) would leave out `exit()` and `quit()`: the bootstrap puts them back.
 */
import type { LanguageRecipe } from '../recipe.js';

const MARKER = '\u0000ARBITER:COMPILE_ERROR\n';

// Compiles main.py; on a syntax error prints the marker and the error, else runs it as __main__.
const BOOTSTRAP = [
  'import sys',
  // -S leaves out site: Debian's third-party modules (python3-sortedcontainers) are added by hand.
  "sys.path.append('/usr/lib/python3/dist-packages')",
  // site also gives exit() and quit(), which programs (and package validators) call as python3 has them.
  'import builtins',
  'builtins.exit = builtins.quit = sys.exit',
  "src = open('main.py', encoding='utf-8').read()",
  'try:',
  "    code = compile(src, 'main.py', 'exec')",
  'except (SyntaxError, ValueError) as error:',
  '    import traceback',
  `    sys.stderr.write(${JSON.stringify(MARKER)} + ''.join(traceback.format_exception_only(type(error), error)))`,
  '    sys.exit(1)',
  'del src',
  // `python3 -c BOOTSTRAP a b`: the program's arguments follow the bootstrap's.
  "sys.argv = ['main.py'] + sys.argv[1:]",
  'try:',
  "    exec(code, {'__name__': '__main__', '__file__': 'main.py', '__builtins__': __builtins__})",
  'except SystemExit:',
  '    raise',
  // As Python reports an uncaught exception (exit status 1), from the program's first frame on.
  'except BaseException as error:',
  '    import traceback',
  '    sys.stdout.flush()',
  "    sys.stderr.write(''.join(traceback.format_exception(type(error), error, error.__traceback__.tb_next)))",
  '    sys.exit(1)',
].join('\n');

export const pythonRecipe: LanguageRecipe = {
  id: 'python',
  prepare: async (code) => ({ files: { 'main.py': code } }),
  run: (_files, context) => [
    '/usr/bin/python3',
    '-S',
    ...(context.unbuffered ? ['-u'] : []),
    '-c',
    BOOTSTRAP,
  ],
  compileErrorMarker: MARKER,
  classify: ({ stderr }) => (/^MemoryError\b/m.test(stderr) ? 'MEMORY_LIMIT_EXCEEDED' : null),
  version: { argv: ['/usr/bin/python3', '--version'], parse: (out) => /Python (\S+)/.exec(out)?.[1] ?? null },
};
