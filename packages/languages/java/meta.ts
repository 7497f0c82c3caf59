/** Java 17: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const javaMeta = {
  id: 'java',
  name: 'Java',
  extensions: ['.java'],
  monaco: 'java',
  stdioStarter:
    'import java.util.*;\n\npublic class Main {\n    public static void main(String[] args) {\n' +
    '        Scanner in = new Scanner(System.in);\n        \n    }\n}\n',
  sample:
    'import java.util.*;\n\npublic class Main {\n    public static void main(String[] args) {\n' +
    '        Scanner in = new Scanner(System.in);\n        System.out.println(in.nextLong() + in.nextLong());\n    }\n}\n',
} as const satisfies LanguageMeta;
