/** Clojure: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

export const clojureMeta = {
  id: 'clojure',
  name: 'Clojure',
  extensions: ['.clj'],
  monaco: 'clojure',
  debian: ['clojure'],
  stdioStarter: lines('(let [line (read-line)]', '  (println line))'),
  sample: lines(
    "(require '[clojure.string :as str])",
    '',
    '(let [[a b] (map #(Long/parseLong %) (str/split (str/trim (read-line)) #"\\s+"))]',
    '  (println (+ a b)))',
  ),
  samples: {
    hello: lines('(println "hello")'),
    compileError: lines('(println "hello"', ''),
    runtimeError: lines('(println "before")', '(flush)', '(System/exit 3)'),
    timeLimit: lines('(loop [x 0] (recur (inc x)))'),
    memoryLimit: lines(
      '(def blocks (java.util.ArrayList.))',
      '(while true (.add blocks (long-array (bit-shift-left 1 20) 1)))',
    ),
  },
} as const satisfies LanguageMeta;
