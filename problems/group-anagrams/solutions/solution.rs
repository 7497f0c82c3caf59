use std::collections::HashMap;

impl Solution {
    pub fn group_anagrams(strs: Vec<String>) -> Vec<Vec<String>> {
        let mut groups: HashMap<Vec<u8>, Vec<String>> = HashMap::new();
        for word in strs {
            let mut key = word.clone().into_bytes();
            key.sort_unstable();
            groups.entry(key).or_default().push(word);
        }
        groups.into_values().collect()
    }
}
