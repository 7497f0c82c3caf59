/** C17 with GCC: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const cMeta = {
  id: 'c',
  name: 'C17',
  extensions: ['.c', '.h'],
  monaco: 'cpp',
  stdioStarter: '#include <stdio.h>\n\nint main(void) {\n    \n    return 0;\n}\n',
  sample:
    '#include <stdio.h>\n\nint main(void) {\n    long long a, b;\n    if (scanf("%lld %lld", &a, &b) != 2) return 1;\n' +
    '    printf("%lld\\n", a + b);\n    return 0;\n}\n',
} as const satisfies LanguageMeta;
