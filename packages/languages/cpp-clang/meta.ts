/** C++17 with Clang: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const cppClangMeta = {
  id: 'cpp-clang',
  name: 'C++17 (Clang)',
  extensions: ['.cpp', '.cc', '.cxx', '.c++', '.h', '.hpp'],
  monaco: 'cpp',
  debian: ['clang'],
  stdioStarter: '#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    \n    return 0;\n}\n',
  sample:
    '#include <iostream>\n\nint main() {\n    long long a, b;\n    std::cin >> a >> b;\n    std::cout << a + b << "\\n";\n}\n',
  samples: {
    hello: '#include <iostream>\n\nint main() {\n    std::cout << "hello" << std::endl;\n}\n',
    compileError: 'int main() {\n    return missing;\n}\n',
    runtimeError: '#include <cstdio>\n\nint main() {\n    std::puts("before");\n    return 3;\n}\n',
    timeLimit: 'int main() {\n    volatile unsigned long x = 0;\n    for (;;) x++;\n}\n',
    memoryLimit:
      '#include <cstring>\n#include <vector>\n\nint main() {\n    std::vector<char *> keep;\n    for (;;) {\n' +
      '        char *block = new char[16 << 20];\n        std::memset(block, 1, 16 << 20);\n        keep.push_back(block);\n    }\n}\n',
  },
} as const satisfies LanguageMeta;
