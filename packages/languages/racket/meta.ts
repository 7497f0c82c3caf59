/** Racket: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

export const racketMeta = {
  id: 'racket',
  name: 'Racket',
  extensions: ['.rkt'],
  // Monaco has no Racket grammar; Scheme's is its parent's.
  monaco: 'scheme',
  debian: ['racket'],
  stdioStarter: lines('#lang racket', '', '(define n (read))', '(displayln n)'),
  sample: lines('#lang racket', '', '(define a (read))', '(define b (read))', '(displayln (+ a b))'),
  samples: {
    hello: lines('#lang racket', '', '(displayln "hello")'),
    compileError: lines('#lang racket', '', '(displayln missing-name)'),
    runtimeError: lines('#lang racket', '', '(displayln "before")', '(exit 3)'),
    timeLimit: lines('#lang racket', '', '(let loop () (loop))'),
    memoryLimit: lines(
      '#lang racket',
      '',
      "(define keep '())",
      '(let loop ()',
      '  (set! keep (cons (make-vector 1000000 1) keep))',
      '  (loop))',
    ),
  },
} as const satisfies LanguageMeta;
