/** D with GDC: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const dMeta = {
  id: 'd',
  name: 'D (GDC)',
  extensions: ['.d'],
  // No D grammar in Monaco; C++'s colours its C-like syntax.
  monaco: 'cpp',
  debian: ['gdc'],
  stdioStarter: 'import std.stdio;\n\nvoid main()\n{\n    \n}\n',
  sample:
    'import std.stdio;\n\nvoid main()\n{\n    long a, b;\n    readf(" %d %d", a, b);\n    writeln(a + b);\n}\n',
  samples: {
    hello: 'import std.stdio;\n\nvoid main()\n{\n    writeln("hello");\n}\n',
    compileError: 'void main()\n{\n    int x = "s";\n}\n',
    runtimeError: 'import std.stdio;\n\nint main()\n{\n    writeln("before");\n    return 3;\n}\n',
    timeLimit:
      'import core.volatile;\n\nvoid main()\n{\n    ulong x = 0;\n    while (true)\n        volatileStore(&x, x + 1);\n}\n',
    memoryLimit:
      'import std.stdio;\n\nvoid main()\n{\n    ubyte[][] keep;\n    while (true)\n    {\n        auto block = new ubyte[16 << 20];\n' +
      '        block[] = 1;\n        keep ~= block;\n    }\n}\n',
  },
} as const satisfies LanguageMeta;
