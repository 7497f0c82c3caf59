/*
 * The Scala harness's own JSON reader and writer and its channel to the worker (no libraries beyond
 * Scala's and Java's), as the object `ArbRuntime` next to the user's code. Loops, not closures: every
 * closure is one more class for scalac 2.11 to emit. Strings are written ASCII-only (backslash-u escapes).
 */

object ArbRuntime {
  final class ArbReader(s: String) {
    private[this] val n = s.length
    var p = 0

    def fail(what: String): IllegalStateException =
      new IllegalStateException("harness: malformed input, expected " + what + " at " + p)

    def ws(): Unit = {
      while (p < n && (s.charAt(p) == ' ' || s.charAt(p) == '\t' || s.charAt(p) == '\r' || s.charAt(p) == '\n')) p += 1
    }

    def expect(c: Char): Unit = {
      ws()
      if (p >= n || s.charAt(p) != c) throw fail("'" + c + "'")
      p += 1
    }

    def peek(c: Char): Boolean = {
      ws()
      p < n && s.charAt(p) == c
    }

    def comma(): Boolean = {
      if (!peek(',')) return false
      p += 1
      true
    }

    def isNull(): Boolean = {
      ws()
      if (s.startsWith("null", p)) { p += 4; true } else false
    }

    def integer(): Long = {
      ws()
      val start = p
      val negative = p < n && s.charAt(p) == '-'
      if (negative) p += 1
      var value = 0L
      while (p < n && s.charAt(p) >= '0' && s.charAt(p) <= '9') { value = value * 10 + (s.charAt(p) - '0'); p += 1 }
      if (p < n && (s.charAt(p) == '.' || s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
        p = start
        return number().toLong
      }
      if (p == start) throw fail("a number")
      if (negative) -value else value
    }

    def number(): Double = {
      ws()
      val start = p
      while (p < n && "+-0123456789.eE".indexOf(s.charAt(p)) >= 0) p += 1
      if (p == start) throw fail("a number")
      java.lang.Double.parseDouble(s.substring(start, p))
    }

    def bool(): Boolean = {
      ws()
      if (s.startsWith("true", p)) { p += 4; true }
      else if (s.startsWith("false", p)) { p += 5; false }
      else throw fail("true or false")
    }

    def str(): String = {
      expect('"')
      val out = new java.lang.StringBuilder
      while (p < n && s.charAt(p) != '"') {
        val c = s.charAt(p)
        p += 1
        if (c != '\\') out.append(c)
        else {
          val e = s.charAt(p)
          p += 1
          if (e == 'n') out.append('\n')
          else if (e == 't') out.append('\t')
          else if (e == 'r') out.append('\r')
          else if (e == 'b') out.append('\b')
          else if (e == 'f') out.append('\f')
          else if (e == 'u') { out.append(Integer.parseInt(s.substring(p, p + 4), 16).toChar); p += 4 }
          else out.append(e)
        }
      }
      expect('"')
      out.toString
    }

    def character(): Char = {
      val text = str()
      if (text.isEmpty) '\u0000' else text.charAt(0)
    }
  }

  def readList(r: ArbReader): ListNode = {
    val dummy = new ListNode(0)
    var tail = dummy
    r.expect('[')
    if (!r.peek(']')) {
      do {
        tail.next = new ListNode(r.integer().toInt)
        tail = tail.next
      } while (r.comma())
    }
    r.expect(']')
    dummy.next
  }

  def readTree(r: ArbReader): TreeNode = {
    val nodes = new java.util.ArrayList[TreeNode]
    r.expect('[')
    if (!r.peek(']')) {
      do nodes.add(if (r.isNull()) null else new TreeNode(r.integer().toInt))
      while (r.comma())
    }
    r.expect(']')
    if (nodes.isEmpty) return null
    val queue = new java.util.ArrayList[TreeNode]
    queue.add(nodes.get(0))
    var parent = 0
    var next = 1
    while (parent < queue.size && next < nodes.size) {
      val node = queue.get(parent)
      parent += 1
      node.left = nodes.get(next)
      next += 1
      if (node.left != null) queue.add(node.left)
      if (next < nodes.size) {
        node.right = nodes.get(next)
        next += 1
        if (node.right != null) queue.add(node.right)
      }
    }
    nodes.get(0)
  }

  /** Nodes a returned list or tree may have before it is taken for a cycle. */
  final val MaxNodes = 5000000

  def writeList(b: java.lang.StringBuilder, head: ListNode): Unit = {
    b.append('[')
    var count = 0
    var node = head
    while (node != null) {
      count += 1
      if (count > MaxNodes) throw new IllegalStateException("the returned linked list has a cycle")
      if (count > 1) b.append(',')
      b.append(node.x)
      node = node.next
    }
    b.append(']')
  }

  def writeTree(b: java.lang.StringBuilder, root: TreeNode): Unit = {
    val queue = new java.util.ArrayList[TreeNode]
    queue.add(root)
    val values = new java.util.ArrayList[String]
    var i = 0
    while (i < queue.size) {
      val node = queue.get(i)
      i += 1
      if (node == null) values.add("null")
      else {
        if (queue.size > MaxNodes) throw new IllegalStateException("the returned tree has a cycle")
        values.add(Integer.toString(node.value))
        queue.add(node.left)
        queue.add(node.right)
      }
    }
    var size = values.size
    while (size > 0 && values.get(size - 1) == "null") size -= 1
    b.append('[').append(String.join(",", values.subList(0, size))).append(']')
  }

  def writeDouble(b: java.lang.StringBuilder, d: Double): Unit =
    if (d.isNaN || d.isInfinite) b.append("null") else b.append(java.lang.Double.toString(d))

  def writeString(b: java.lang.StringBuilder, s: String): Unit = {
    if (s == null) {
      b.append("null")
      return
    }
    b.append('"')
    var i = 0
    while (i < s.length) {
      val c = s.charAt(i)
      if (c == '"') b.append("\\\"")
      else if (c == '\\') b.append("\\\\")
      else if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", Integer.valueOf(c.toInt)))
      else b.append(c)
      i += 1
    }
    b.append('"')
  }

  // The channel to the worker (protocol.ts) is fd 0, a socket, read and written through descriptors of its
  // own; System.in is replaced by an empty stream before anything touches `Console`, whose `in` (StdIn)
  // then reads that stream too. The user's code can still find the channel, but it only ever holds the
  // test being run.
  private[this] var channelIn: java.io.InputStream = null
  private[this] var channelOut: java.io.OutputStream = null
  private[this] var pending = new Array[Byte](0)

  def openChannel(): Unit = {
    channelIn = new java.io.FileInputStream(java.io.FileDescriptor.in)
    channelOut = new java.io.FileOutputStream(java.io.FileDescriptor.in)
    System.setIn(new java.io.ByteArrayInputStream(new Array[Byte](0)))
  }

  /** The next line from the worker (without its newline), or null at end of file. */
  def receive(): String = {
    val line = new java.io.ByteArrayOutputStream
    val buf = new Array[Byte](1 << 16)
    while (true) {
      var i = 0
      while (i < pending.length) {
        if (pending(i) == '\n') {
          line.write(pending, 0, i)
          pending = java.util.Arrays.copyOfRange(pending, i + 1, pending.length)
          return line.toString("UTF-8")
        }
        i += 1
      }
      line.write(pending, 0, pending.length)
      val n = channelIn.read(buf)
      if (n <= 0) return null
      pending = java.util.Arrays.copyOf(buf, n)
    }
    null
  }

  /** One line to the worker, after the user's prints. */
  def send(text: String): Unit = {
    Console.out.flush()
    System.out.flush()
    System.err.flush()
    channelOut.write((text + "\n").getBytes("UTF-8"))
    channelOut.flush()
  }

  /** A failed call: its stack trace on stderr, its message to the worker, and the process ends. */
  def fail(index: Int, error: Throwable): Nothing = {
    error.printStackTrace()
    val message = new java.lang.StringBuilder
    writeString(message, error.toString)
    send(index + " error " + message)
    sys.exit(1)
  }
}
