class Solution {
    public boolean isPalindrome(int x) {
        if (x < 0) return false;
        long reversed = 0;
        for (int rest = x; rest > 0; rest /= 10) reversed = reversed * 10 + rest % 10;
        return reversed == x;
    }
}
