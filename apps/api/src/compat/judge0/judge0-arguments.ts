/**
 * Judge0's `command_line_arguments`: Judge0 strips `$ & ; < > | \`` and appends the rest to its
 * run command in a bash script, so bash splits it into words, honouring quotes and backslashes.
 * Here the same string becomes the same words without any shell: split as bash would split it
 * (no expansion: with `$` and `` ` `` removed there is none left to do).
 */
const STRIPPED = /[$&;<>|`]/g;

export function judge0Arguments(raw: string | null): string[] {
  const text = (raw ?? '').trim().replace(STRIPPED, '');
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (quote === "'") {
      if (char === "'") quote = null;
      else word += char;
    } else if (quote === '"') {
      if (char === '"') quote = null;
      else if (char === '\\' && i + 1 < text.length && '"\\\n'.includes(text.charAt(i + 1))) {
        i += 1;
        word += text.charAt(i);
      } else word += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
    } else if (char === '\\' && i + 1 < text.length) {
      i += 1;
      word += text.charAt(i);
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}
