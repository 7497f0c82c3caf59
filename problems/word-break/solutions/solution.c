bool wordBreak(char* s, char** wordDict, int wordDictSize) {
    int n = strlen(s);
    bool* ok = calloc(n + 1, sizeof(bool));
    ok[0] = true;
    for (int end = 1; end <= n; end++) {
        for (int i = 0; i < wordDictSize && !ok[end]; i++) {
            int len = strlen(wordDict[i]);
            if (len <= end && ok[end - len] && strncmp(s + end - len, wordDict[i], len) == 0) ok[end] = true;
        }
    }
    bool answer = ok[n];
    free(ok);
    return answer;
}
