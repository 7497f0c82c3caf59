/** LeetCode's method and parameter names in Ruby and Rust: `twoSum` → `two_sum`, `wordDict` → `word_dict`. */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
