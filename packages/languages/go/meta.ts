/** Go: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const goMeta = {
  id: 'go',
  name: 'Go',
  extensions: ['.go'],
  monaco: 'go',
  debian: ['golang-go'],
  stdioStarter:
    'package main\n\nimport (\n\t"bufio"\n\t"fmt"\n\t"os"\n)\n\nfunc main() {\n\tin := bufio.NewReader(os.Stdin)\n' +
    '\tout := bufio.NewWriter(os.Stdout)\n\tdefer out.Flush()\n\t_ = in\n\tfmt.Fprintln(out)\n}\n',
  sample:
    'package main\n\nimport "fmt"\n\nfunc main() {\n\tvar a, b int64\n\tfmt.Scan(&a, &b)\n\tfmt.Println(a + b)\n}\n',
  samples: {
    hello: 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello")\n}\n',
    compileError: 'package main\n\nfunc main() {\n\tvar x int = "s"\n\t_ = x\n}\n',
    runtimeError:
      'package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc main() {\n\tfmt.Println("before")\n\tos.Exit(3)\n}\n',
    timeLimit: 'package main\n\nfunc main() {\n\tx := 0\n\tfor {\n\t\tx++\n\t}\n}\n',
    memoryLimit:
      'package main\n\nimport "fmt"\n\nfunc main() {\n\tvar keep [][]byte\n\tfor {\n\t\tb := make([]byte, 16<<20)\n' +
      '\t\tfor i := range b {\n\t\t\tb[i] = 1\n\t\t}\n\t\tkeep = append(keep, b)\n\t\tif len(keep) > 1000 {\n' +
      '\t\t\tfmt.Println(len(keep))\n\t\t}\n\t}\n}\n',
  },
} as const satisfies LanguageMeta;
