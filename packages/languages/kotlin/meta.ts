/** Kotlin on the JVM: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const kotlinMeta = {
  id: 'kotlin',
  name: 'Kotlin',
  extensions: ['.kt'],
  monaco: 'kotlin',
  debian: ['kotlin'],
  stdioStarter: 'fun main() {\n    val line = readLine() ?: return\n    \n}\n',
  sample:
    'fun main() {\n    val (a, b) = readLine()!!.trim().split(Regex("\\\\s+")).map { it.toLong() }\n    println(a + b)\n}\n',
  samples: {
    hello: 'fun main() {\n    println("hello")\n}\n',
    compileError: 'fun main() {\n    val x: Int = "s"\n    println(x)\n}\n',
    runtimeError:
      'import kotlin.system.exitProcess\n\nfun main() {\n    println("before")\n    exitProcess(3)\n}\n',
    timeLimit: 'fun main() {\n    var x = 0L\n    while (true) x++\n}\n',
    memoryLimit:
      'fun main() {\n    val keep = ArrayList<LongArray>()\n    while (true) keep.add(LongArray(1 shl 20) { it.toLong() })\n}\n',
  },
} as const satisfies LanguageMeta;
