char* minWindow(char* s, char* t) {
    int need[128] = {0};
    int missing = 0;
    for (; t[missing]; missing++) need[(unsigned char)t[missing]]++;
    int n = strlen(s), left = 0, bestStart = 0, bestLength = INT_MAX;
    for (int right = 0; right < n; right++) {
        if (need[(unsigned char)s[right]]-- > 0) missing--;
        while (missing == 0) {
            if (right - left + 1 < bestLength) {
                bestLength = right - left + 1;
                bestStart = left;
            }
            if (++need[(unsigned char)s[left++]] > 0) missing++;
        }
    }
    if (bestLength == INT_MAX) bestLength = 0;
    char* answer = malloc(bestLength + 1);
    memcpy(answer, s + bestStart, bestLength);
    answer[bestLength] = '\0';
    return answer;
}
