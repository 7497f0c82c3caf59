/** Scala 2 on the JVM: what clients and the web know of it. */
import type { LanguageMeta } from '../meta.js';

export const scalaMeta = {
  id: 'scala',
  name: 'Scala 2',
  extensions: ['.scala'],
  monaco: 'scala',
  debian: ['scala'],
  stdioStarter:
    'import scala.io.StdIn\n\nobject Main {\n  def main(args: Array[String]): Unit = {\n    val line = StdIn.readLine()\n    \n  }\n}\n',
  sample:
    'object Main {\n  def main(args: Array[String]): Unit = {\n' +
    '    val Array(a, b) = scala.io.StdIn.readLine().trim.split("\\\\s+").map(_.toLong)\n    println(a + b)\n  }\n}\n',
  samples: {
    hello: 'object Main {\n  def main(args: Array[String]): Unit = {\n    println("hello")\n  }\n}\n',
    compileError: 'object Main {\n  def main(args: Array[String]): Unit = {\n    val x: Int = "s"\n  }\n}\n',
    runtimeError:
      'object Main {\n  def main(args: Array[String]): Unit = {\n    println("before")\n    sys.exit(3)\n  }\n}\n',
    timeLimit:
      'object Main {\n  def main(args: Array[String]): Unit = {\n    var x = 0L\n    while (true) x += 1\n  }\n}\n',
    memoryLimit:
      'import scala.collection.mutable.ArrayBuffer\n\nobject Main {\n  def main(args: Array[String]): Unit = {\n' +
      '    val keep = ArrayBuffer[Array[Long]]()\n    while (true) keep += Array.fill(1 << 20)(7L)\n  }\n}\n',
  },
} as const satisfies LanguageMeta;
