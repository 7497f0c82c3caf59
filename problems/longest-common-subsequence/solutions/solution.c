int longestCommonSubsequence(char* text1, char* text2) {
    int n = strlen(text1), m = strlen(text2);
    int* previous = calloc(m + 1, sizeof(int));
    int* current = calloc(m + 1, sizeof(int));
    for (int i = 1; i <= n; i++) {
        for (int j = 1; j <= m; j++) {
            if (text1[i - 1] == text2[j - 1]) current[j] = previous[j - 1] + 1;
            else current[j] = previous[j] > current[j - 1] ? previous[j] : current[j - 1];
        }
        int* swap = previous;
        previous = current;
        current = swap;
    }
    int answer = previous[m];
    free(previous);
    free(current);
    return answer;
}
