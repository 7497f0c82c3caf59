use std::collections::HashSet;

impl Solution {
    pub fn word_break(s: String, word_dict: Vec<String>) -> bool {
        let words: HashSet<&str> = word_dict.iter().map(|w| w.as_str()).collect();
        let n = s.len();
        let mut can = vec![false; n + 1];
        can[0] = true;
        for end in 1..=n {
            for start in 0..end {
                if can[start] && words.contains(&s[start..end]) {
                    can[end] = true;
                    break;
                }
            }
        }
        can[n]
    }
}
