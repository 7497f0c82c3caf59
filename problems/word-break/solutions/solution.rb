# @param {String} s
# @param {String[]} word_dict
# @return {Boolean}
def word_break(s, word_dict)
  words = word_dict.to_set
  ok = [true] + [false] * s.length
  (1..s.length).each do |finish|
    ok[finish] = (0...finish).any? { |start| ok[start] && words.include?(s[start...finish]) }
  end
  ok[s.length]
end
