int singleNumber(int* nums, int numsSize) {
    /* Pairs cancel under XOR, leaving the value that occurs once. */
    int answer = 0;
    for (int i = 0; i < numsSize; i++) answer ^= nums[i];
    return answer;
}
