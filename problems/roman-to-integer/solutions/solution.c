static int romanValue(char c) {
    switch (c) {
        case 'I': return 1;
        case 'V': return 5;
        case 'X': return 10;
        case 'L': return 50;
        case 'C': return 100;
        case 'D': return 500;
        case 'M': return 1000;
        default: return 0;
    }
}

int romanToInt(char* s) {
    int total = 0;
    for (int i = 0; s[i]; i++) {
        int value = romanValue(s[i]);
        /* A smaller numeral before a larger one is subtracted (IV, XC, CM). */
        if (s[i + 1] && value < romanValue(s[i + 1])) total -= value;
        else total += value;
    }
    return total;
}
