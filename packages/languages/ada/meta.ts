/** Ada with GNAT: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const adaMeta = {
  id: 'ada',
  name: 'Ada (GNAT)',
  extensions: ['.adb', '.ads'],
  // Monaco has no Ada grammar: plain text.
  monaco: 'plaintext',
  debian: ['gnat'],
  stdioStarter:
    'with Ada.Text_IO; use Ada.Text_IO;\nwith Ada.Integer_Text_IO; use Ada.Integer_Text_IO;\n\nprocedure Main is\n' +
    '   N : Integer;\nbegin\n   Get (N);\n   \nend Main;\n',
  sample:
    'with Ada.Text_IO;\n\nprocedure Sum is\n   package Long_IO is new Ada.Text_IO.Integer_IO (Long_Long_Integer);\n' +
    '   A, B : Long_Long_Integer;\nbegin\n   Long_IO.Get (A);\n   Long_IO.Get (B);\n   Long_IO.Put (A + B, Width => 0);\n' +
    '   Ada.Text_IO.New_Line;\nend Sum;\n',
  samples: {
    hello: 'with Ada.Text_IO;\n\nprocedure Hello is\nbegin\n   Ada.Text_IO.Put_Line ("hello");\nend Hello;\n',
    compileError: 'procedure Broken is\n   X : Integer := "s";\nbegin\n   null;\nend Broken;\n',
    runtimeError:
      'with Ada.Text_IO;\nwith Ada.Command_Line;\n\nprocedure Crash is\nbegin\n   Ada.Text_IO.Put_Line ("before");\n' +
      '   Ada.Command_Line.Set_Exit_Status (3);\nend Crash;\n',
    timeLimit:
      'procedure Busy is\n   X : Long_Long_Integer := 0 with Volatile;\nbegin\n   loop\n      X := X + 1;\n      if X < 0 then\n' +
      '         X := 0;\n      end if;\n   end loop;\nend Busy;\n',
    memoryLimit:
      'procedure Hog is\n   type Block is array (1 .. 16 * 1024 * 1024) of Character;\n   type Block_Access is access Block;\n' +
      "   B : Block_Access;\nbegin\n   loop\n      B := new Block'(others => 'x');\n   end loop;\nend Hog;\n",
  },
} as const satisfies LanguageMeta;
