/** Common Lisp (SBCL): what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

export const commonlispMeta = {
  id: 'commonlisp',
  name: 'Common Lisp (SBCL)',
  extensions: ['.lisp', '.lsp', '.cl'],
  // Monaco has no Common Lisp grammar; Scheme's (`;` and `#| |#` comments, strings, parentheses) fits.
  monaco: 'scheme',
  debian: ['sbcl'],
  stdioStarter: lines('(let ((n (read)))', '  (format t "~a~%" n))'),
  sample: lines('(let ((a (read)) (b (read)))', '  (format t "~a~%" (+ a b)))'),
  samples: {
    hello: lines('(format t "hello~%")'),
    compileError: lines('(defun broken (x)', '  (print x)'),
    runtimeError: lines('(format t "before~%")', '(finish-output)', '(error "broken")'),
    timeLimit: lines('(loop)'),
    memoryLimit: lines(
      '(defvar *keep* nil)',
      '(loop (push (make-array 1000000 :element-type (quote fixnum) :initial-element 1) *keep*))',
    ),
  },
} as const satisfies LanguageMeta;
