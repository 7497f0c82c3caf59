/** Pascal with Free Pascal: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const pascalMeta = {
  id: 'pascal',
  name: 'Pascal (Free Pascal)',
  extensions: ['.pas', '.pp'],
  monaco: 'pascal',
  debian: ['fp-compiler'],
  stdioStarter: 'program Main;\n\nvar\n  n: Int64;\n\nbegin\n  ReadLn(n);\n  \nend.\n',
  sample: 'program Sum;\n\nvar\n  a, b: Int64;\n\nbegin\n  Read(a, b);\n  WriteLn(a + b);\nend.\n',
  samples: {
    hello: "program Hello;\n\nbegin\n  WriteLn('hello');\nend.\n",
    compileError: "program Broken;\n\nvar\n  x: Integer;\n\nbegin\n  x := 'text';\nend.\n",
    runtimeError: "program Crash;\n\nbegin\n  WriteLn('before');\n  Halt(3);\nend.\n",
    timeLimit: 'program Busy;\n\nvar\n  x: QWord;\n\nbegin\n  x := 0;\n  while True do\n    Inc(x);\nend.\n',
    memoryLimit:
      'program Hog;\n\nvar\n  p: PByte;\n\nbegin\n  while True do\n  begin\n    GetMem(p, 16 shl 20);\n' +
      '    FillChar(p^, 16 shl 20, 1);\n  end;\nend.\n',
  },
} as const satisfies LanguageMeta;
