func wordBreak(s string, wordDict []string) bool {
    words := map[string]bool{}
    for _, w := range wordDict {
        words[w] = true
    }
    ok := make([]bool, len(s)+1)
    ok[0] = true
    for end := 1; end <= len(s); end++ {
        for start := 0; start < end && !ok[end]; start++ {
            ok[end] = ok[start] && words[s[start:end]]
        }
    }
    return ok[len(s)]
}
