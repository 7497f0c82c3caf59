bool isAnagram(char* s, char* t) {
    int counts[26] = {0};
    for (; *s; s++) counts[*s - 'a']++;
    for (; *t; t++) counts[*t - 'a']--;
    for (int i = 0; i < 26; i++)
        if (counts[i] != 0) return false;
    return true;
}
