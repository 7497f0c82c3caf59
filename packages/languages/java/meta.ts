/** Java 17: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const javaMeta = {
  id: 'java',
  name: 'Java',
  extensions: ['.java'],
  monaco: 'java',
  debian: ['openjdk-17-jdk-headless'],
  stdioStarter:
    'import java.util.*;\n\npublic class Main {\n    public static void main(String[] args) {\n' +
    '        Scanner in = new Scanner(System.in);\n        \n    }\n}\n',
  sample:
    'import java.util.*;\n\npublic class Main {\n    public static void main(String[] args) {\n' +
    '        Scanner in = new Scanner(System.in);\n        System.out.println(in.nextLong() + in.nextLong());\n    }\n}\n',
  samples: {
    hello:
      'public class Main {\n    public static void main(String[] args) {\n        System.out.println("hello");\n    }\n}\n',
    compileError:
      'public class Main {\n    public static void main(String[] args) {\n        int x = "s";\n    }\n}\n',
    runtimeError:
      'public class Main {\n    public static void main(String[] args) {\n        System.out.println("before");\n        throw new IllegalStateException("broken");\n    }\n}\n',
    timeLimit:
      'public class Main {\n    public static void main(String[] args) {\n        long x = 0;\n        while (true) x++;\n    }\n}\n',
    memoryLimit:
      'import java.util.*;\n\npublic class Main {\n    public static void main(String[] args) {\n        List<long[]> blocks = new ArrayList<>();\n        while (true) blocks.add(new long[2 << 20]);\n    }\n}\n',
  },
} as const satisfies LanguageMeta;
