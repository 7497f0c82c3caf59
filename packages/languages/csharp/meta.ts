/** C# on Mono: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const csharpMeta = {
  id: 'csharp',
  name: 'C# (Mono)',
  extensions: ['.cs'],
  monaco: 'csharp',
  debian: ['mono-mcs', 'mono-runtime'],
  stdioStarter:
    'using System;\nusing System.Collections.Generic;\nusing System.Linq;\n\npublic class Program\n{\n' +
    '    public static void Main()\n    {\n        \n    }\n}\n',
  sample:
    'using System;\n\npublic class Program\n{\n    public static void Main()\n    {\n' +
    '        var parts = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);\n' +
    '        Console.WriteLine(long.Parse(parts[0]) + long.Parse(parts[1]));\n    }\n}\n',
  samples: {
    hello:
      'using System;\n\npublic class Program\n{\n    public static void Main()\n    {\n        Console.WriteLine("hello");\n    }\n}\n',
    compileError:
      'public class Program\n{\n    public static void Main()\n    {\n        int x = "s";\n    }\n}\n',
    runtimeError:
      'using System;\n\npublic class Program\n{\n    public static void Main()\n    {\n        Console.WriteLine("before");\n' +
      '        Environment.Exit(3);\n    }\n}\n',
    timeLimit:
      'public class Program\n{\n    public static void Main()\n    {\n        long x = 0;\n        while (true) x++;\n    }\n}\n',
    memoryLimit:
      'using System;\nusing System.Collections.Generic;\n\npublic class Program\n{\n    public static void Main()\n    {\n' +
      '        var keep = new List<byte[]>();\n        while (true)\n        {\n            var block = new byte[16 << 20];\n' +
      '            for (int i = 0; i < block.Length; i += 4096) block[i] = 1;\n            keep.Add(block);\n        }\n    }\n}\n',
  },
} as const satisfies LanguageMeta;
