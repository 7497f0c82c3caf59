/*
 * The Kotlin harness's runtime: a JSON reader and writer (no libraries), LeetCode's list and tree building
 * and level-order output, and the channel to the worker. Top-level declarations of `main.kt`, after the
 * user's code and `ListNode`/`TreeNode`; harness.ts adds the readers and writers of the signature's types
 * and `main`. Strings are written ASCII-only (backslash-u escapes).
 */

class ArbReader(private val s: String) {
    private val n = s.length
    private var p = 0

    private fun fail(what: String) = IllegalStateException("harness: malformed input, expected $what at $p")

    private fun ws() {
        while (p < n && (s[p] == ' ' || s[p] == '\t' || s[p] == '\r' || s[p] == '\n')) p++
    }

    fun expect(c: Char) {
        ws()
        if (p >= n || s[p] != c) throw fail("'$c'")
        p++
    }

    fun peek(c: Char): Boolean {
        ws()
        return p < n && s[p] == c
    }

    fun comma(): Boolean {
        if (!peek(',')) return false
        p++
        return true
    }

    fun isNull(): Boolean {
        ws()
        if (!s.startsWith("null", p)) return false
        p += 4
        return true
    }

    fun integer(): Long {
        val text = numberText()
        return text.toLongOrNull() ?: text.toDouble().toLong()
    }

    fun number(): Double = numberText().toDouble()

    private fun numberText(): String {
        ws()
        val start = p
        while (p < n && "+-0123456789.eE".indexOf(s[p]) >= 0) p++
        if (p == start) throw fail("a number")
        return s.substring(start, p)
    }

    fun bool(): Boolean {
        ws()
        if (s.startsWith("true", p)) {
            p += 4
            return true
        }
        if (s.startsWith("false", p)) {
            p += 5
            return false
        }
        throw fail("true or false")
    }

    fun str(): String {
        expect('"')
        val out = StringBuilder()
        while (p < n && s[p] != '"') {
            val c = s[p++]
            if (c != '\\') {
                out.append(c)
                continue
            }
            val e = s[p++]
            when (e) {
                'n' -> out.append('\n')
                't' -> out.append('\t')
                'r' -> out.append('\r')
                'b' -> out.append('\b')
                'f' -> out.append('\u000c')
                'u' -> {
                    out.append(s.substring(p, p + 4).toInt(16).toChar())
                    p += 4
                }
                else -> out.append(e)
            }
        }
        expect('"')
        return out.toString()
    }

    fun character(): Char {
        val text = str()
        return if (text.length == 0) '\u0000' else text[0]
    }
}

fun arbReadList(r: ArbReader): ListNode? {
    val dummy = ListNode(0)
    var tail = dummy
    r.expect('[')
    if (!r.peek(']')) {
        do {
            val node = ListNode(r.integer().toInt())
            tail.next = node
            tail = node
        } while (r.comma())
    }
    r.expect(']')
    return dummy.next
}

fun arbReadTree(r: ArbReader): TreeNode? {
    val nodes = ArrayList<TreeNode?>()
    r.expect('[')
    if (!r.peek(']')) {
        do nodes.add(if (r.isNull()) null else TreeNode(r.integer().toInt())) while (r.comma())
    }
    r.expect(']')
    if (nodes.isEmpty()) return null
    val queue = ArrayList<TreeNode>()
    queue.add(nodes[0] ?: return null)
    var parent = 0
    var next = 1
    while (parent < queue.size && next < nodes.size) {
        val node = queue[parent++]
        val left = nodes[next++]
        node.left = left
        if (left != null) queue.add(left)
        if (next < nodes.size) {
            val right = nodes[next++]
            node.right = right
            if (right != null) queue.add(right)
        }
    }
    return nodes[0]
}

/** Nodes a returned list or tree may have before it is taken for a cycle. */
const val ARB_MAX_NODES = 5_000_000

fun arbWriteList(b: StringBuilder, head: ListNode?) {
    b.append('[')
    var count = 0
    var node = head
    while (node != null) {
        if (++count > ARB_MAX_NODES) throw IllegalStateException("the returned linked list has a cycle")
        if (count > 1) b.append(',')
        b.append(node.`val`)
        node = node.next
    }
    b.append(']')
}

fun arbWriteTree(b: StringBuilder, root: TreeNode?) {
    val queue = ArrayList<TreeNode?>()
    queue.add(root)
    val values = ArrayList<String>()
    var i = 0
    while (i < queue.size) {
        val node = queue[i++]
        if (node == null) {
            values.add("null")
            continue
        }
        if (queue.size > ARB_MAX_NODES) throw IllegalStateException("the returned tree has a cycle")
        values.add(node.`val`.toString())
        queue.add(node.left)
        queue.add(node.right)
    }
    var size = values.size
    while (size > 0 && values[size - 1] == "null") size--
    b.append('[').append(values.subList(0, size).joinToString(",")).append(']')
}

fun arbWriteDouble(b: StringBuilder, d: Double) {
    if (d.isNaN() || d.isInfinite()) b.append("null") else b.append(d.toString())
}

fun arbWriteString(b: StringBuilder, s: String?) {
    if (s == null) {
        b.append("null")
        return
    }
    b.append('"')
    for (c in s) {
        when {
            c == '"' -> b.append("\\\"")
            c == '\\' -> b.append("\\\\")
            c < ' ' || c > '~' -> b.append(String.format("\\u%04x", c.toInt()))
            else -> b.append(c)
        }
    }
    b.append('"')
}

// The channel to the worker (protocol.ts) is fd 0, a socket, read and written through streams of its own;
// System.in (and so readLine()) is replaced by an empty stream.
private lateinit var arbChannelIn: java.io.InputStream
private lateinit var arbChannelOut: java.io.OutputStream
private var arbPending = ByteArray(0)

fun arbOpenChannel() {
    arbChannelIn = java.io.FileInputStream(java.io.FileDescriptor.`in`)
    arbChannelOut = java.io.FileOutputStream(java.io.FileDescriptor.`in`)
    System.setIn(java.io.ByteArrayInputStream(ByteArray(0)))
}

/** The next line from the worker (without its newline), or null at end of file. */
fun arbReceive(): String? {
    val line = java.io.ByteArrayOutputStream()
    val buf = ByteArray(1 shl 16)
    while (true) {
        for (i in arbPending.indices) {
            if (arbPending[i] == '\n'.toByte()) {
                line.write(arbPending, 0, i)
                arbPending = arbPending.copyOfRange(i + 1, arbPending.size)
                return String(line.toByteArray(), Charsets.UTF_8)
            }
        }
        line.write(arbPending, 0, arbPending.size)
        val n = arbChannelIn.read(buf)
        if (n <= 0) return null
        arbPending = buf.copyOf(n)
    }
}

/** One line to the worker, after the user's prints. */
fun arbSend(text: String) {
    System.out.flush()
    System.err.flush()
    arbChannelOut.write((text + "\n").toByteArray(Charsets.UTF_8))
    arbChannelOut.flush()
}
