/**
 * The Java harness's own JSON reader and writer (no third-party libraries), as static members
 * of the harness class `Main`. Strings are written ASCII-only (backslash-u escapes), so the output
 * does not depend on the JVM's stdout encoding.
 * Not a compilation unit on its own: these are members of the harness class `Main`.
 */

    static final class ArbReader {
        final String s;
        final int n;
        int p;

        ArbReader(String s) {
            this.s = s;
            this.n = s.length();
        }

        IllegalStateException fail(String what) {
            return new IllegalStateException("harness: malformed input, expected " + what + " at " + p);
        }

        void ws() {
            while (p < n) {
                char c = s.charAt(p);
                if (c != ' ' && c != '\t' && c != '\r' && c != '\n') break;
                p++;
            }
        }

        void expect(char c) {
            ws();
            if (p >= n || s.charAt(p) != c) throw fail("'" + c + "'");
            p++;
        }

        boolean peek(char c) {
            ws();
            return p < n && s.charAt(p) == c;
        }

        boolean comma() {
            if (!peek(',')) return false;
            p++;
            return true;
        }

        boolean isNull() {
            ws();
            if (s.startsWith("null", p)) {
                p += 4;
                return true;
            }
            return false;
        }

        long integer() {
            ws();
            int start = p;
            boolean negative = p < n && s.charAt(p) == '-';
            if (negative) p++;
            long value = 0;
            while (p < n && s.charAt(p) >= '0' && s.charAt(p) <= '9') value = value * 10 + (s.charAt(p++) - '0');
            if (p < n && (s.charAt(p) == '.' || s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
                p = start;
                return (long) number();
            }
            if (p == start) throw fail("a number");
            return negative ? -value : value;
        }

        double number() {
            ws();
            int start = p;
            while (p < n && "+-0123456789.eE".indexOf(s.charAt(p)) >= 0) p++;
            if (p == start) throw fail("a number");
            return Double.parseDouble(s.substring(start, p));
        }

        boolean bool() {
            ws();
            if (s.startsWith("true", p)) {
                p += 4;
                return true;
            }
            if (s.startsWith("false", p)) {
                p += 5;
                return false;
            }
            throw fail("true or false");
        }

        String str() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (p < n && s.charAt(p) != '"') {
                char c = s.charAt(p++);
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(p++);
                switch (e) {
                    case 'n': out.append('\n'); break;
                    case 't': out.append('\t'); break;
                    case 'r': out.append('\r'); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'u': out.append((char) Integer.parseInt(s.substring(p, p + 4), 16)); p += 4; break;
                    default: out.append(e);
                }
            }
            expect('"');
            return out.toString();
        }

        char character() {
            String text = str();
            return text.isEmpty() ? '\0' : text.charAt(0);
        }
    }

    static ListNode arbReadList(ArbReader r) {
        ListNode dummy = new ListNode(0);
        ListNode tail = dummy;
        r.expect('[');
        if (!r.peek(']')) {
            do {
                tail.next = new ListNode((int) r.integer());
                tail = tail.next;
            } while (r.comma());
        }
        r.expect(']');
        return dummy.next;
    }

    static TreeNode arbReadTree(ArbReader r) {
        ArrayList<TreeNode> nodes = new ArrayList<>();
        r.expect('[');
        if (!r.peek(']')) {
            do nodes.add(r.isNull() ? null : new TreeNode((int) r.integer()));
            while (r.comma());
        }
        r.expect(']');
        if (nodes.isEmpty()) return null;
        ArrayList<TreeNode> queue = new ArrayList<>();
        queue.add(nodes.get(0));
        int parent = 0, next = 1;
        while (parent < queue.size() && next < nodes.size()) {
            TreeNode node = queue.get(parent++);
            node.left = nodes.get(next++);
            if (node.left != null) queue.add(node.left);
            if (next < nodes.size()) {
                node.right = nodes.get(next++);
                if (node.right != null) queue.add(node.right);
            }
        }
        return nodes.get(0);
    }

    /** Nodes a returned list or tree may have before it is taken for a cycle. */
    static final int ARB_MAX_NODES = 5_000_000;

    static void arbWriteList(StringBuilder b, ListNode head) {
        b.append('[');
        int count = 0;
        for (ListNode node = head; node != null; node = node.next) {
            if (++count > ARB_MAX_NODES) throw new IllegalStateException("the returned linked list has a cycle");
            if (count > 1) b.append(',');
            b.append(node.val);
        }
        b.append(']');
    }

    static void arbWriteTree(StringBuilder b, TreeNode root) {
        ArrayList<TreeNode> queue = new ArrayList<>();
        queue.add(root);
        ArrayList<String> values = new ArrayList<>();
        for (int i = 0; i < queue.size(); i++) {
            TreeNode node = queue.get(i);
            if (node == null) {
                values.add("null");
                continue;
            }
            if (queue.size() > ARB_MAX_NODES) throw new IllegalStateException("the returned tree has a cycle");
            values.add(Integer.toString(node.val));
            queue.add(node.left);
            queue.add(node.right);
        }
        int size = values.size();
        while (size > 0 && values.get(size - 1).equals("null")) size--;
        b.append('[').append(String.join(",", values.subList(0, size))).append(']');
    }

    static void arbWriteDouble(StringBuilder b, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) b.append("null");
        else b.append(Double.toString(d));
    }

    static void arbWriteString(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
            return;
        }
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') b.append("\\\"");
            else if (c == '\\') b.append("\\\\");
            else if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        b.append('"');
    }

    // The channel to the worker (protocol.ts) is fd 0, a socket, read and written through descriptors of
    // its own; System.in is replaced by an empty stream. The user's code can still find the channel, but
    // it only ever holds the test being run.
    static java.io.InputStream arbChannelIn;
    static java.io.OutputStream arbChannelOut;
    static byte[] arbPending = new byte[0];

    static void arbOpenChannel() {
        arbChannelIn = new java.io.FileInputStream(java.io.FileDescriptor.in);
        arbChannelOut = new java.io.FileOutputStream(java.io.FileDescriptor.in);
        System.setIn(new java.io.ByteArrayInputStream(new byte[0]));
    }

    /** The next line from the worker (without its newline), or null at end of file. */
    static String arbReceive() throws java.io.IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        for (;;) {
            for (int i = 0; i < arbPending.length; i++) {
                if (arbPending[i] == '\n') {
                    line.write(arbPending, 0, i);
                    arbPending = java.util.Arrays.copyOfRange(arbPending, i + 1, arbPending.length);
                    return line.toString(java.nio.charset.StandardCharsets.UTF_8);
                }
            }
            line.write(arbPending, 0, arbPending.length);
            int n = arbChannelIn.read(buf);
            if (n <= 0) return null;
            arbPending = java.util.Arrays.copyOf(buf, n);
        }
    }

    /** One line to the worker, after the user's prints. */
    static void arbSend(String text) throws java.io.IOException {
        System.out.flush();
        System.err.flush();
        arbChannelOut.write((text + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        arbChannelOut.flush();
    }
