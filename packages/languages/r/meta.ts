/** R: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const rMeta = {
  id: 'r',
  name: 'R',
  extensions: ['.r'],
  monaco: 'r',
  debian: ['r-base-core'],
  stdioStarter: 'con <- file("stdin")\ndata <- scan(con, quiet = TRUE)\nclose(con)\n',
  sample:
    'con <- file("stdin")\nx <- scan(con, what = numeric(), quiet = TRUE)\nclose(con)\ncat(format(x[1] + x[2], scientific = FALSE), "\\n", sep = "")\n',
  samples: {
    hello: 'cat("hello\\n")\n',
    compileError: 'broken <- function( {\n',
    runtimeError: 'cat("before\\n")\nstop("broken")\n',
    timeLimit: 'repeat {}\n',
    memoryLimit: 'blocks <- list()\nrepeat blocks[[length(blocks) + 1]] <- numeric(2e6) + 1\n',
  },
} as const satisfies LanguageMeta;
