/** The test data being checked: the bytes (as latin1 text), the read position, and where that is as line and character. */
export class DataReader {
  pos = 0;
  constructor(readonly text: string) {}

  eof(): boolean {
    return this.pos >= this.text.length;
  }

  /** The next character, or '' at the end. */
  peek(): string {
    return this.text[this.pos] ?? '';
  }

  read(): string {
    return this.text[this.pos++] ?? '';
  }

  /** Line and character (both from 1) of the read position. */
  where(): { line: number; character: number } {
    let line = 1;
    let lineStart = 0;
    for (let i = this.text.indexOf('\n'); i !== -1 && i < this.pos; i = this.text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { line, character: this.pos - lineStart + 1 };
  }

  /** The text around the read position, with a caret under it (as checktestdata shows it). */
  context(before = 65, after = 50): string {
    const start = Math.max(0, this.pos - before, this.text.lastIndexOf('\n', this.pos - 1) + 1);
    const newline = this.text.indexOf('\n', this.pos);
    const end = Math.min(this.text.length, this.pos + after, newline === -1 ? Infinity : newline);
    const visible = (s: string): string =>
      s.replace(/[^\x20-\x7e]/g, (c) =>
        c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
      );
    const head = visible(this.text.slice(start, this.pos));
    return `${head}${visible(this.text.slice(this.pos, end))}\n${' '.repeat(head.length)}^`;
  }
}
