/**
 * The C++ harness's own JSON reader and writer (no third-party libraries): values are parsed
 * straight into the C++ type of each parameter (`read<vector<vector<char>>>`), and return values
 * are written by their static type, so there is no intermediate tree and no per-type code generation.
 * It is pasted after the user's code, which follows `<bits/stdc++.h>`.
 */

namespace arbiter {

struct Reader {
    const char* p;
    const char* end;

    [[noreturn]] void fail(const char* what) {
        throw std::runtime_error(std::string("harness: malformed input, expected ") + what);
    }
    void ws() {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) ++p;
    }
    void expect(char c) {
        ws();
        if (p >= end || *p != c) fail(std::string(1, c).c_str());
        ++p;
    }
    bool peek(char c) {
        ws();
        return p < end && *p == c;
    }
    bool comma() {
        if (!peek(',')) return false;
        ++p;
        return true;
    }
    bool null() {
        ws();
        if (end - p >= 4 && std::memcmp(p, "null", 4) == 0) {
            p += 4;
            return true;
        }
        return false;
    }
    long long integer() {
        ws();
        const char* start = p;
        if (p < end && *p == '-') ++p;
        long long value = 0;
        while (p < end && *p >= '0' && *p <= '9') value = value * 10 + (*p++ - '0');
        if (p < end && (*p == '.' || *p == 'e' || *p == 'E')) {
            p = start;
            return (long long)number();
        }
        if (p == start) fail("a number");
        return *start == '-' ? -value : value;
    }
    double number() {
        ws();
        char* after = nullptr;
        double value = std::strtod(p, &after);  // the line is NUL-terminated
        if (after == p) fail("a number");
        p = after;
        return value;
    }
    bool boolean() {
        ws();
        if (end - p >= 4 && std::memcmp(p, "true", 4) == 0) { p += 4; return true; }
        if (end - p >= 5 && std::memcmp(p, "false", 5) == 0) { p += 5; return false; }
        fail("true or false");
    }
    static void utf8(std::string& out, unsigned code) {
        if (code < 0x80) {
            out += (char)code;
        } else if (code < 0x800) {
            out += (char)(0xC0 | (code >> 6));
            out += (char)(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += (char)(0xE0 | (code >> 12));
            out += (char)(0x80 | ((code >> 6) & 0x3F));
            out += (char)(0x80 | (code & 0x3F));
        } else {
            out += (char)(0xF0 | (code >> 18));
            out += (char)(0x80 | ((code >> 12) & 0x3F));
            out += (char)(0x80 | ((code >> 6) & 0x3F));
            out += (char)(0x80 | (code & 0x3F));
        }
    }
    unsigned hex4() {
        unsigned code = 0;
        for (int i = 0; i < 4; i++) {
            if (p >= end) fail("a \\u escape");
            char c = *p++;
            code = code * 16 + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }
        return code;
    }
    std::string str() {
        expect('"');
        std::string out;
        while (p < end && *p != '"') {
            char c = *p++;
            if (c != '\\') { out += c; continue; }
            if (p >= end) fail("an escape");
            char e = *p++;
            switch (e) {
                case 'n': out += '\n'; break;
                case 't': out += '\t'; break;
                case 'r': out += '\r'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'u': {
                    unsigned code = hex4();
                    if (code >= 0xD800 && code < 0xDC00 && end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
                        p += 2;
                        unsigned low = hex4();
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    }
                    utf8(out, code);
                    break;
                }
                default: out += e;
            }
        }
        expect('"');
        return out;
    }
};

template <class T> struct is_vector : std::false_type {};
template <class T, class A> struct is_vector<std::vector<T, A>> : std::true_type {};

inline ListNode* readList(Reader& r) {
    ListNode dummy(0);
    ListNode* tail = &dummy;
    r.expect('[');
    if (!r.peek(']')) {
        do {
            tail->next = new ListNode((int)r.integer());
            tail = tail->next;
        } while (r.comma());
    }
    r.expect(']');
    return dummy.next;
}

inline TreeNode* readTree(Reader& r) {
    std::vector<TreeNode*> nodes;
    r.expect('[');
    if (!r.peek(']')) {
        do nodes.push_back(r.null() ? nullptr : new TreeNode((int)r.integer()));
        while (r.comma());
    }
    r.expect(']');
    if (nodes.empty()) return nullptr;
    std::size_t parent = 0, next = 1;
    std::vector<TreeNode*> queue{nodes[0]};
    while (parent < queue.size() && next < nodes.size()) {
        TreeNode* node = queue[parent++];
        if (next < nodes.size() && (node->left = nodes[next++])) queue.push_back(node->left);
        if (next < nodes.size() && (node->right = nodes[next++])) queue.push_back(node->right);
    }
    return nodes[0];
}

template <class T> T read(Reader& r) {
    if constexpr (std::is_same_v<T, bool>) return r.boolean();
    else if constexpr (std::is_same_v<T, char>) { std::string s = r.str(); return s.empty() ? '\0' : s[0]; }
    else if constexpr (std::is_integral_v<T>) return (T)r.integer();
    else if constexpr (std::is_floating_point_v<T>) return (T)r.number();
    else if constexpr (std::is_same_v<T, std::string>) return r.str();
    else if constexpr (std::is_same_v<T, ListNode*>) return readList(r);
    else if constexpr (std::is_same_v<T, TreeNode*>) return readTree(r);
    else {
        static_assert(is_vector<T>::value, "unsupported parameter type");
        T out;
        r.expect('[');
        if (!r.peek(']')) {
            do out.push_back(read<typename T::value_type>(r));
            while (r.comma());
        }
        r.expect(']');
        return out;
    }
}

/** Nodes a returned list or tree may have before it is taken for a cycle. */
constexpr std::size_t MAX_NODES = 5000000;

inline void writeString(std::string& o, const std::string& s) {
    o += '"';
    for (unsigned char c : s) {
        if (c == '"') o += "\\\"";
        else if (c == '\\') o += "\\\\";
        else if (c == '\n') o += "\\n";
        else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            o += buf;
        } else o += (char)c;
    }
    o += '"';
}

inline void writeDouble(std::string& o, double d) {
    if (!std::isfinite(d)) { o += "null"; return; }
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, d);  // shortest round-trip form
    o.append(buf, res.ptr);
}

template <class T> void write(std::string& o, const T& v) {
    if constexpr (std::is_same_v<T, bool>) o += v ? "true" : "false";
    else if constexpr (std::is_same_v<T, char>) writeString(o, std::string(1, v));
    else if constexpr (std::is_integral_v<T>) o += std::to_string(v);
    else if constexpr (std::is_floating_point_v<T>) writeDouble(o, (double)v);
    else if constexpr (std::is_same_v<T, std::string>) writeString(o, v);
    else if constexpr (std::is_same_v<T, ListNode*>) {
        o += '[';
        std::size_t n = 0;
        for (const ListNode* node = v; node != nullptr; node = node->next) {
            if (++n > MAX_NODES) throw std::runtime_error("the returned linked list has a cycle");
            if (n > 1) o += ',';
            o += std::to_string(node->val);
        }
        o += ']';
    } else if constexpr (std::is_same_v<T, TreeNode*>) {
        std::vector<const TreeNode*> queue{v};
        std::vector<std::string> vals;
        for (std::size_t i = 0; i < queue.size(); i++) {
            const TreeNode* node = queue[i];
            if (node == nullptr) { vals.push_back("null"); continue; }
            if (queue.size() > MAX_NODES) throw std::runtime_error("the returned tree has a cycle");
            vals.push_back(std::to_string(node->val));
            queue.push_back(node->left);
            queue.push_back(node->right);
        }
        while (!vals.empty() && vals.back() == "null") vals.pop_back();
        o += '[';
        for (std::size_t i = 0; i < vals.size(); i++) {
            if (i > 0) o += ',';
            o += vals[i];
        }
        o += ']';
    } else {
        o += '[';
        bool first = true;
        for (auto it = std::begin(v); it != std::end(v); ++it) {
            if (!first) o += ',';
            first = false;
            write(o, static_cast<typename T::value_type>(*it));
        }
        o += ']';
    }
}

// The channel to the worker (protocol.ts) is fd 0, a socket. The calls are declared here under names of
// their own (bound to libc's symbols), so the user's code keeps its own names free of <unistd.h>.
extern int sysDup(int) __asm__("dup");
extern int sysDup2(int, int) __asm__("dup2");
extern int sysOpen(const char*, int, ...) __asm__("open");
extern int sysClose(int) __asm__("close");
extern long sysRead(int, void*, unsigned long) __asm__("read");
extern long sysWrite(int, const void*, unsigned long) __asm__("write");

inline int channel = -1;

/** Moves the channel off fd 0 and points fd 0 at /dev/null: cin and scanf read nothing. The user's code
 * can still find the channel, but it only ever holds the test being run. */
inline void openChannel() {
    channel = sysDup(0);
    int null = sysOpen("/dev/null", 0);
    if (null >= 0) {
        sysDup2(null, 0);
        sysClose(null);
    }
}

/** The next line from the worker (without its newline); false at end of file. */
inline bool receive(std::string& line) {
    static std::string pending;
    for (;;) {
        std::size_t at = pending.find('\n');
        if (at != std::string::npos) {
            line.assign(pending, 0, at);
            pending.erase(0, at + 1);
            return true;
        }
        char buf[1 << 16];
        long got = sysRead(channel, buf, sizeof buf);
        if (got <= 0) return false;
        pending.append(buf, static_cast<std::size_t>(got));
    }
}

/** One line to the worker, after the user's prints, whichever stream they used. */
inline void sendLine(const std::string& text) {
    std::cout.flush();
    std::cerr.flush();
    std::fflush(stdout);
    std::fflush(stderr);
    std::string line = text + '\n';
    for (std::size_t at = 0; at < line.size();) {
        long n = sysWrite(channel, line.data() + at, line.size() - at);
        if (n <= 0) std::exit(1);
        at += static_cast<std::size_t>(n);
    }
}

inline void send(long index, const char* status, const std::string& payload) {
    sendLine(std::to_string(index) + ' ' + status + ' ' + payload);
}

}  // namespace arbiter
