/** Groovy: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

export const groovyMeta = {
  id: 'groovy',
  name: 'Groovy',
  extensions: ['.groovy'],
  // Monaco has no Groovy grammar; Java's covers most of its syntax.
  monaco: 'java',
  debian: ['groovy'],
  stdioStarter: lines('def line = System.in.newReader().readLine()', ''),
  sample: lines(
    'def (a, b) = System.in.newReader().readLine().trim().split(/\\s+/).collect { it as long }',
    'println(a + b)',
  ),
  samples: {
    hello: lines('println "hello"'),
    compileError: lines('println("hello"', ''),
    runtimeError: lines('println "before"', 'System.exit(3)'),
    timeLimit: lines('long x = 0', 'while (true) x++'),
    memoryLimit: lines('def blocks = []', 'while (true) blocks << new long[1 << 20]'),
  },
} as const satisfies LanguageMeta;
