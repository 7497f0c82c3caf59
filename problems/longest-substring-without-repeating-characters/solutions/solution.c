int lengthOfLongestSubstring(char* s) {
    /* last[c] is one past the latest index of c, so the window may start no earlier than it. */
    int last[256] = {0};
    int start = 0, best = 0;
    for (int i = 0; s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        if (last[c] > start) start = last[c];
        last[c] = i + 1;
        if (i - start + 1 > best) best = i - start + 1;
    }
    return best;
}
