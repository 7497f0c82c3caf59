/**
 * The C harness's own JSON reader and writer (no third-party libraries). Arrays follow LeetCode's
 * C conventions: a pointer plus a size, and for 2-D arrays a pointer to column sizes. Readers and
 * writers for 1-D and 2-D arrays of each scalar type come from one macro.
 * It is pasted after the user's code, which follows the harness prelude's includes.
 */

typedef struct { const char* p; const char* end; } arb_reader;
typedef struct { char* data; size_t len; size_t cap; } arb_buf;

#define ARB_UNUSED __attribute__((unused))
/* Nodes a returned list or tree may have before it is taken for a cycle. */
#define ARB_MAX_NODES 5000000

static void arb_fail(const char* what) {
    fprintf(stderr, "harness: malformed input, expected %s\n", what);
    exit(2);
}
static void arb_ws(arb_reader* r) {
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\r' || *r->p == '\n')) r->p++;
}
static void arb_expect(arb_reader* r, char c) {
    arb_ws(r);
    if (r->p >= r->end || *r->p != c) arb_fail("a delimiter");
    r->p++;
}
static int arb_peek(arb_reader* r, char c) {
    arb_ws(r);
    return r->p < r->end && *r->p == c;
}
static int arb_comma(arb_reader* r) {
    if (!arb_peek(r, ',')) return 0;
    r->p++;
    return 1;
}
static int arb_null(arb_reader* r) {
    arb_ws(r);
    if (r->end - r->p >= 4 && memcmp(r->p, "null", 4) == 0) {
        r->p += 4;
        return 1;
    }
    return 0;
}
static ARB_UNUSED double arb_r_double(arb_reader* r) {
    arb_ws(r);
    char* after = NULL;
    double value = strtod(r->p, &after); /* the line is NUL-terminated */
    if (after == r->p) arb_fail("a number");
    r->p = after;
    return value;
}
static ARB_UNUSED long long arb_r_long(arb_reader* r) {
    arb_ws(r);
    const char* start = r->p;
    int negative = r->p < r->end && *r->p == '-';
    if (negative) r->p++;
    long long value = 0;
    while (r->p < r->end && *r->p >= '0' && *r->p <= '9') value = value * 10 + (*r->p++ - '0');
    if (r->p < r->end && (*r->p == '.' || *r->p == 'e' || *r->p == 'E')) {
        r->p = start;
        return (long long)arb_r_double(r);
    }
    if (r->p == start) arb_fail("a number");
    return negative ? -value : value;
}
static ARB_UNUSED int arb_r_int(arb_reader* r) { return (int)arb_r_long(r); }
static ARB_UNUSED bool arb_r_bool(arb_reader* r) {
    arb_ws(r);
    if (r->end - r->p >= 4 && memcmp(r->p, "true", 4) == 0) { r->p += 4; return true; }
    if (r->end - r->p >= 5 && memcmp(r->p, "false", 5) == 0) { r->p += 5; return false; }
    arb_fail("true or false");
    return false;
}
static unsigned arb_hex4(arb_reader* r) {
    unsigned code = 0;
    for (int i = 0; i < 4; i++) {
        if (r->p >= r->end) arb_fail("a \\u escape");
        char c = *r->p++;
        code = code * 16 + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return code;
}
static ARB_UNUSED char* arb_r_string(arb_reader* r) {
    arb_expect(r, '"');
    size_t cap = 16, len = 0;
    char* out = malloc(cap);
    while (r->p < r->end && *r->p != '"') {
        if (len + 5 > cap) out = realloc(out, cap *= 2);
        char c = *r->p++;
        if (c != '\\') { out[len++] = c; continue; }
        char e = *r->p++;
        unsigned code;
        switch (e) {
            case 'n': out[len++] = '\n'; break;
            case 't': out[len++] = '\t'; break;
            case 'r': out[len++] = '\r'; break;
            case 'b': out[len++] = '\b'; break;
            case 'f': out[len++] = '\f'; break;
            case 'u':
                code = arb_hex4(r);
                if (code >= 0xD800 && code < 0xDC00 && r->end - r->p >= 6 && r->p[0] == '\\' && r->p[1] == 'u') {
                    r->p += 2;
                    code = 0x10000 + ((code - 0xD800) << 10) + (arb_hex4(r) - 0xDC00);
                }
                if (code < 0x80) out[len++] = (char)code;
                else if (code < 0x800) {
                    out[len++] = (char)(0xC0 | (code >> 6));
                    out[len++] = (char)(0x80 | (code & 0x3F));
                } else if (code < 0x10000) {
                    out[len++] = (char)(0xE0 | (code >> 12));
                    out[len++] = (char)(0x80 | ((code >> 6) & 0x3F));
                    out[len++] = (char)(0x80 | (code & 0x3F));
                } else {
                    out[len++] = (char)(0xF0 | (code >> 18));
                    out[len++] = (char)(0x80 | ((code >> 12) & 0x3F));
                    out[len++] = (char)(0x80 | ((code >> 6) & 0x3F));
                    out[len++] = (char)(0x80 | (code & 0x3F));
                }
                break;
            default: out[len++] = e;
        }
    }
    arb_expect(r, '"');
    out[len] = '\0';
    return out;
}
static ARB_UNUSED char arb_r_char(arb_reader* r) {
    char* text = arb_r_string(r);
    char c = text[0];
    free(text);
    return c;
}
static ARB_UNUSED struct ListNode* arb_r_ListNode(arb_reader* r) {
    struct ListNode* head = NULL;
    struct ListNode** tail = &head;
    arb_expect(r, '[');
    if (!arb_peek(r, ']')) {
        do {
            struct ListNode* node = malloc(sizeof *node);
            node->val = arb_r_int(r);
            node->next = NULL;
            *tail = node;
            tail = &node->next;
        } while (arb_comma(r));
    }
    arb_expect(r, ']');
    return head;
}
static ARB_UNUSED struct TreeNode* arb_r_TreeNode(arb_reader* r) {
    size_t cap = 16, count = 0;
    struct TreeNode** nodes = malloc(cap * sizeof *nodes);
    arb_expect(r, '[');
    if (!arb_peek(r, ']')) {
        do {
            if (count == cap) nodes = realloc(nodes, (cap *= 2) * sizeof *nodes);
            struct TreeNode* node = NULL;
            if (!arb_null(r)) {
                node = malloc(sizeof *node);
                node->val = arb_r_int(r);
                node->left = node->right = NULL;
            }
            nodes[count++] = node;
        } while (arb_comma(r));
    }
    arb_expect(r, ']');
    if (count == 0) return NULL;
    /* Level order: the non-null nodes, in order, take the following values as their children. */
    struct TreeNode** queue = malloc(count * sizeof *queue);
    size_t head = 0, tail = 0, next = 1;
    queue[tail++] = nodes[0];
    while (head < tail && next < count) {
        struct TreeNode* node = queue[head++];
        if ((node->left = nodes[next++]) != NULL) queue[tail++] = node->left;
        if (next < count && (node->right = nodes[next++]) != NULL) queue[tail++] = node->right;
    }
    struct TreeNode* root = nodes[0];
    free(queue);
    free(nodes);
    return root;
}

static void arb_put(arb_buf* b, const char* s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        while (b->len + n + 1 > b->cap) b->cap = b->cap ? b->cap * 2 : 256;
        b->data = realloc(b->data, b->cap);
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}
static void arb_puts(arb_buf* b, const char* s) { arb_put(b, s, strlen(s)); }
static ARB_UNUSED void arb_w_long(arb_buf* b, long long v) {
    char text[32];
    arb_put(b, text, (size_t)snprintf(text, sizeof text, "%lld", v));
}
static ARB_UNUSED void arb_w_int(arb_buf* b, int v) { arb_w_long(b, v); }
static ARB_UNUSED void arb_w_bool(arb_buf* b, bool v) { arb_puts(b, v ? "true" : "false"); }
static ARB_UNUSED void arb_w_double(arb_buf* b, double v) {
    if (isnan(v) || isinf(v)) { arb_puts(b, "null"); return; }
    char text[40];
    for (int digits = 1; digits <= 17; digits++) { /* the shortest form that reads back the same */
        snprintf(text, sizeof text, "%.*g", digits, v);
        if (strtod(text, NULL) == v) break;
    }
    arb_puts(b, text);
}
static ARB_UNUSED void arb_w_string(arb_buf* b, const char* s) {
    if (s == NULL) { arb_puts(b, "null"); return; }
    arb_put(b, "\"", 1);
    for (const unsigned char* c = (const unsigned char*)s; *c; c++) {
        if (*c == '"') arb_puts(b, "\\\"");
        else if (*c == '\\') arb_puts(b, "\\\\");
        else if (*c < 0x20) {
            char text[8];
            arb_put(b, text, (size_t)snprintf(text, sizeof text, "\\u%04x", *c));
        } else arb_put(b, (const char*)c, 1);
    }
    arb_put(b, "\"", 1);
}
static ARB_UNUSED void arb_w_char(arb_buf* b, char c) {
    char text[2] = {c, '\0'};
    arb_w_string(b, text);
}
static ARB_UNUSED void arb_w_ListNode(arb_buf* b, struct ListNode* head) {
    arb_put(b, "[", 1);
    long count = 0;
    for (struct ListNode* node = head; node != NULL; node = node->next) {
        if (++count > ARB_MAX_NODES) {
            fprintf(stderr, "the returned linked list has a cycle\n");
            exit(1);
        }
        if (count > 1) arb_put(b, ",", 1);
        arb_w_int(b, node->val);
    }
    arb_put(b, "]", 1);
}
static ARB_UNUSED void arb_w_TreeNode(arb_buf* b, struct TreeNode* root) {
    size_t cap = 64, head = 0, tail = 0, lastValue = 0;
    struct TreeNode** queue = malloc(cap * sizeof *queue);
    queue[tail++] = root;
    arb_buf values = {0};
    while (head < tail) {
        struct TreeNode* node = queue[head++];
        if (head > 1) arb_put(&values, ",", 1);
        if (node == NULL) { arb_puts(&values, "null"); continue; }
        arb_w_int(&values, node->val);
        lastValue = values.len; /* trailing nulls are cut here */
        if (tail + 2 > cap) queue = realloc(queue, (cap *= 2) * sizeof *queue);
        if (tail > ARB_MAX_NODES) {
            fprintf(stderr, "the returned tree has a cycle\n");
            exit(1);
        }
        queue[tail++] = node->left;
        queue[tail++] = node->right;
    }
    arb_put(b, "[", 1);
    if (lastValue > 0) arb_put(b, values.data, lastValue);
    arb_put(b, "]", 1);
    free(values.data);
    free(queue);
}

#define ARB_ARRAYS(NAME, T)                                                                      \
    static ARB_UNUSED T* arb_r_A_##NAME(arb_reader* r, int* size) {                              \
        size_t cap = 16, len = 0;                                                                \
        T* out = malloc(cap * sizeof(T));                                                        \
        arb_expect(r, '[');                                                                      \
        if (!arb_peek(r, ']')) {                                                                 \
            do {                                                                                 \
                if (len + 1 >= cap) out = realloc(out, (cap *= 2) * sizeof(T));                  \
                out[len++] = arb_r_##NAME(r);                                                    \
            } while (arb_comma(r));                                                              \
        }                                                                                        \
        arb_expect(r, ']');                                                                      \
        memset(&out[len], 0, sizeof(T)); /* a char array doubles as a NUL-terminated string */   \
        *size = (int)len;                                                                        \
        return out;                                                                              \
    }                                                                                            \
    static ARB_UNUSED T** arb_r_AA_##NAME(arb_reader* r, int* size, int** colSizes) {            \
        size_t cap = 16, len = 0;                                                                \
        T** out = malloc(cap * sizeof(T*));                                                      \
        int* cols = malloc(cap * sizeof(int));                                                   \
        arb_expect(r, '[');                                                                      \
        if (!arb_peek(r, ']')) {                                                                 \
            do {                                                                                 \
                if (len + 1 >= cap) {                                                            \
                    cap *= 2;                                                                    \
                    out = realloc(out, cap * sizeof(T*));                                        \
                    cols = realloc(cols, cap * sizeof(int));                                     \
                }                                                                                \
                out[len] = arb_r_A_##NAME(r, &cols[len]);                                        \
                len++;                                                                           \
            } while (arb_comma(r));                                                              \
        }                                                                                        \
        arb_expect(r, ']');                                                                      \
        *size = (int)len;                                                                        \
        *colSizes = cols;                                                                        \
        return out;                                                                              \
    }                                                                                            \
    static ARB_UNUSED void arb_w_A_##NAME(arb_buf* b, T* v, int size) {                          \
        if (v == NULL && size > 0) { arb_puts(b, "null"); return; }                             \
        arb_put(b, "[", 1);                                                                      \
        for (int i = 0; i < size; i++) {                                                         \
            if (i > 0) arb_put(b, ",", 1);                                                       \
            arb_w_##NAME(b, v[i]);                                                               \
        }                                                                                        \
        arb_put(b, "]", 1);                                                                      \
    }                                                                                            \
    static ARB_UNUSED void arb_w_AA_##NAME(arb_buf* b, T** v, int size, int* colSizes) {         \
        if ((v == NULL || colSizes == NULL) && size > 0) { arb_puts(b, "null"); return; }       \
        arb_put(b, "[", 1);                                                                      \
        for (int i = 0; i < size; i++) {                                                         \
            if (i > 0) arb_put(b, ",", 1);                                                       \
            arb_w_A_##NAME(b, v[i], colSizes[i]);                                                \
        }                                                                                        \
        arb_put(b, "]", 1);                                                                      \
    }

ARB_ARRAYS(int, int)
ARB_ARRAYS(long, long long)
ARB_ARRAYS(double, double)
ARB_ARRAYS(bool, bool)
ARB_ARRAYS(char, char)
ARB_ARRAYS(string, char*)

/* The channel to the worker (protocol.ts) is fd 0, a socket. The calls are declared here under names of
   their own (bound to libc's symbols), so the user's code keeps its own names free of <unistd.h>. */
extern int arb_sys_dup(int) __asm__("dup");
extern int arb_sys_dup2(int, int) __asm__("dup2");
extern int arb_sys_open(const char*, int, ...) __asm__("open");
extern int arb_sys_close(int) __asm__("close");
extern long arb_sys_read(int, void*, unsigned long) __asm__("read");
extern long arb_sys_write(int, const void*, unsigned long) __asm__("write");

static int arb_channel = -1;

/* Moves the channel off fd 0 and points fd 0 at /dev/null: scanf and friends read nothing. The user's
   code can still find the channel, but it only ever holds the test being run. */
static void arb_open_channel(void) {
    arb_channel = arb_sys_dup(0);
    int null = arb_sys_open("/dev/null", 0);
    if (null >= 0) {
        arb_sys_dup2(null, 0);
        arb_sys_close(null);
    }
}

/* The next line from the worker (without its newline, owned by the caller), or NULL at end of file. */
static char* arb_receive(void) {
    static char* pending = NULL;
    static size_t len = 0, cap = 0;
    for (;;) {
        char* newline = pending == NULL ? NULL : memchr(pending, '\n', len);
        if (newline != NULL) {
            size_t n = (size_t)(newline - pending);
            char* line = malloc(n + 1);
            memcpy(line, pending, n);
            line[n] = '\0';
            memmove(pending, newline + 1, len - n - 1);
            len -= n + 1;
            return line;
        }
        if (cap - len < 65536) {
            cap = cap * 2 + 65536;
            pending = realloc(pending, cap);
        }
        long got = arb_sys_read(arb_channel, pending + len, cap - len);
        if (got <= 0) return NULL;
        len += (size_t)got;
    }
}

/* Bytes to the worker, after the user's prints. */
static void arb_send_raw(const char* data, size_t len) {
    fflush(stdout);
    fflush(stderr);
    for (size_t at = 0; at < len;) {
        long n = arb_sys_write(arb_channel, data + at, len - at);
        if (n <= 0) exit(1);
        at += (size_t)n;
    }
}

/* An answer: "<index> <status> <payload>". */
static void arb_send(long index, const char* status, const char* payload) {
    arb_buf line = {0};
    char head[64];
    arb_put(&line, head, (size_t)snprintf(head, sizeof head, "%ld %s ", index, status));
    arb_put(&line, payload, strlen(payload));
    arb_put(&line, "\n", 1);
    arb_send_raw(line.data, line.len);
    free(line.data);
}
