/** Tcl: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const tclMeta = {
  id: 'tcl',
  name: 'Tcl',
  extensions: ['.tcl'],
  monaco: 'tcl',
  debian: ['tcl'],
  stdioStarter: 'set data [read stdin]\n',
  sample: 'lassign [read stdin] a b\nputs [expr {$a + $b}]\n',
  samples: {
    hello: 'puts hello\n',
    compileError: 'puts "broken\n',
    runtimeError: 'puts before\nflush stdout\nerror broken\n',
    timeLimit: 'while 1 {}\n',
    memoryLimit: 'set x xxxxxxxxxxxxxxxx\nwhile 1 { append x $x }\n',
  },
} as const satisfies LanguageMeta;
