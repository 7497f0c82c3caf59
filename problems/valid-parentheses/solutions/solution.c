bool isValid(char* s) {
    size_t n = strlen(s), top = 0;
    char* stack = malloc(n + 1);
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        char c = s[i];
        if (c == '(') stack[top++] = ')';
        else if (c == '[') stack[top++] = ']';
        else if (c == '{') stack[top++] = '}';
        else if (top == 0 || stack[--top] != c) ok = false;
    }
    free(stack);
    return ok && top == 0;
}
