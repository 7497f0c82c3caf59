/** C++17 with GCC: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const cppMeta = {
  id: 'cpp',
  name: 'C++17',
  extensions: ['.cpp', '.cc', '.cxx', '.c++', '.h', '.hpp'],
  monaco: 'cpp',
  debian: ['g++'],
  stdioStarter: '#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    \n    return 0;\n}\n',
  sample:
    '#include <iostream>\n\nint main() {\n    long long a, b;\n    std::cin >> a >> b;\n    std::cout << a + b << "\\n";\n}\n',
  samples: {
    hello: '#include <iostream>\n\nint main() {\n    std::cout << "hello" << std::endl;\n}\n',
    compileError: 'int main() {\n    return missing;\n}\n',
    runtimeError:
      '#include <cstdio>\n#include <stdexcept>\n\nint main() {\n    std::puts("before");\n    std::fflush(stdout);\n    throw std::runtime_error("broken");\n}\n',
    timeLimit: 'int main() {\n    volatile unsigned long x = 0;\n    for (;;) x++;\n}\n',
    memoryLimit:
      '#include <vector>\n\nint main() {\n    std::vector<std::vector<char>> blocks;\n    for (;;) blocks.emplace_back(16 << 20, 1);\n}\n',
  },
} as const satisfies LanguageMeta;
