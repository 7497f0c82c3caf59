bool isPalindrome(int x) {
    /* Negative numbers and numbers ending in 0 (other than 0) cannot be palindromes. */
    if (x < 0 || (x % 10 == 0 && x != 0)) return false;
    /* Reverse the lower half and compare it with the upper half. */
    int reversed = 0;
    while (x > reversed) {
        reversed = reversed * 10 + x % 10;
        x /= 10;
    }
    return x == reversed || x == reversed / 10;
}
