public class Solution {
    public IList<IList<string>> GroupAnagrams(string[] strs) {
        var groups = new Dictionary<string, IList<string>>();
        foreach (var word in strs) {
            var letters = word.ToCharArray();
            Array.Sort(letters);
            var key = new string(letters);
            if (!groups.ContainsKey(key)) groups[key] = new List<string>();
            groups[key].Add(word);
        }
        return groups.Values.ToList();
    }
}
