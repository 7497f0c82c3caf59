/** Scheme (GNU Guile): what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

export const schemeMeta = {
  id: 'scheme',
  name: 'Scheme (Guile)',
  extensions: ['.scm', '.ss'],
  monaco: 'scheme',
  debian: ['guile-3.0'],
  stdioStarter: lines('(define n (read))', '(display n)', '(newline)'),
  sample: lines('(define a (read))', '(define b (read))', '(display (+ a b))', '(newline)'),
  samples: {
    hello: lines('(display "hello")', '(newline)'),
    compileError: lines('(define (broken x)', '  (display x)'),
    runtimeError: lines('(display "before")', '(newline)', '(exit 3)'),
    timeLimit: lines('(let loop () (loop))'),
    memoryLimit: lines(
      "(define keep '())",
      '(let loop ()',
      '  (set! keep (cons (make-vector 1000000 1) keep))',
      '  (loop))',
    ),
  },
} as const satisfies LanguageMeta;
