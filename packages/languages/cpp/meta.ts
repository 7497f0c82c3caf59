/** C++17 with GCC: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const cppMeta = {
  id: 'cpp',
  name: 'C++17',
  extensions: ['.cpp', '.cc', '.cxx', '.c++', '.h', '.hpp'],
  monaco: 'cpp',
  stdioStarter: '#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    \n    return 0;\n}\n',
  sample:
    '#include <iostream>\n\nint main() {\n    long long a, b;\n    std::cin >> a >> b;\n    std::cout << a + b << "\\n";\n}\n',
} as const satisfies LanguageMeta;
