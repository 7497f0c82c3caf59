/** Perl: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const perlMeta = {
  id: 'perl',
  name: 'Perl',
  extensions: ['.pl'],
  monaco: 'perl',
  debian: ['perl'],
  stdioStarter: 'my @data = split " ", do { local $/; <STDIN> };\n',
  sample: 'my ($a, $b) = split " ", do { local $/; <STDIN> };\nprint $a + $b, "\\n";\n',
  samples: {
    hello: 'print "hello\\n";\n',
    compileError: 'sub broken {\n',
    runtimeError: '$| = 1;\nprint "before\\n";\ndie "broken\\n";\n',
    timeLimit: '1 while 1;\n',
    memoryLimit: 'my @blocks;\npush @blocks, "x" x (16 << 20) while 1;\n',
  },
} as const satisfies LanguageMeta;
