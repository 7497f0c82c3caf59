/** Lua 5.4: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const luaMeta = {
  id: 'lua',
  name: 'Lua 5.4',
  extensions: ['.lua'],
  monaco: 'lua',
  debian: ['lua5.4'],
  stdioStarter: 'local data = io.read("a")\n',
  sample: 'local a, b = io.read("n", "n")\nprint(math.tointeger(a + b) or a + b)\n',
  samples: {
    hello: 'print("hello")\n',
    compileError: 'function broken(\n',
    runtimeError: 'print("before")\nio.stdout:flush()\nerror("broken")\n',
    timeLimit: 'while true do end\n',
    memoryLimit:
      'local blocks = {}\nlocal i = 0\nwhile true do\n  i = i + 1\n  blocks[i] = string.rep("x", 16 << 20, tostring(i))\nend\n',
  },
} as const satisfies LanguageMeta;
