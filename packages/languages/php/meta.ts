/** PHP: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const phpMeta = {
  id: 'php',
  name: 'PHP',
  extensions: ['.php'],
  monaco: 'php',
  debian: ['php-cli'],
  stdioStarter: "<?php\n$data = preg_split('/\\s+/', trim(stream_get_contents(STDIN)));\n",
  sample:
    "<?php\n[$a, $b] = array_map('intval', preg_split('/\\s+/', trim(stream_get_contents(STDIN))));\necho $a + $b, \"\\n\";\n",
  samples: {
    hello: '<?php\necho "hello\\n";\n',
    compileError: '<?php\nfunction broken( {\n',
    runtimeError: '<?php\necho "before\\n";\nthrow new Exception("broken");\n',
    timeLimit: '<?php\nwhile (true) {}\n',
    memoryLimit: '<?php\n$blocks = [];\nwhile (true) $blocks[] = str_repeat("x", 16 << 20);\n',
  },
} as const satisfies LanguageMeta;
