/** C17 with GCC: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const cMeta = {
  id: 'c',
  name: 'C17',
  extensions: ['.c', '.h'],
  monaco: 'cpp',
  debian: ['gcc', 'libc6-dev'],
  stdioStarter: '#include <stdio.h>\n\nint main(void) {\n    \n    return 0;\n}\n',
  sample:
    '#include <stdio.h>\n\nint main(void) {\n    long long a, b;\n    if (scanf("%lld %lld", &a, &b) != 2) return 1;\n' +
    '    printf("%lld\\n", a + b);\n    return 0;\n}\n',
  samples: {
    hello: '#include <stdio.h>\n\nint main(void) {\n    puts("hello");\n    return 0;\n}\n',
    compileError: 'int main(void) {\n    return missing;\n}\n',
    runtimeError: '#include <stdio.h>\n\nint main(void) {\n    puts("before");\n    return 3;\n}\n',
    timeLimit: 'int main(void) {\n    volatile unsigned long x = 0;\n    for (;;) x++;\n}\n',
    memoryLimit:
      '#include <stdlib.h>\n#include <string.h>\n\nint main(void) {\n    for (;;) {\n        char *block = malloc(16 << 20);\n        memset(block, 1, 16 << 20);\n    }\n}\n',
  },
} as const satisfies LanguageMeta;
