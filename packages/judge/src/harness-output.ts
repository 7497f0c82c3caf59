/**
 * Splits a harness program's stdout, as it streams in, into the harness's records (lines that
 * start with the run's nonce, see `@arbiter/problems` protocol) and the user's own prints (all
 * other text). A record may arrive in pieces; a print without a newline just precedes the nonce.
 */
import { parseRecord, type HarnessRecord } from '@arbiter/problems';

export interface HarnessOutputSink {
  /** A record line (null when a nonce line could not be read: a cut-off or malformed record). */
  record(record: HarnessRecord | null): void;
  /** Text the user's code printed. */
  text(text: string): void;
}

export class HarnessOutputParser {
  private buffer = '';
  private readonly marker: string;

  constructor(
    nonce: string,
    private readonly sink: HarnessOutputSink,
  ) {
    this.marker = `${nonce} `;
  }

  push(text: string): void {
    this.buffer += text;
    this.drain(false);
  }

  /** The stream ended: whatever is left is the user's text (or a cut-off record). */
  end(): void {
    this.drain(true);
  }

  private drain(final: boolean): void {
    for (;;) {
      const at = this.buffer.indexOf(this.marker);
      if (at < 0) {
        // Hold back a tail that may be the start of the next nonce.
        const keep = final ? 0 : partialPrefixLength(this.buffer, this.marker);
        this.emitText(this.buffer.slice(0, this.buffer.length - keep));
        this.buffer = this.buffer.slice(this.buffer.length - keep);
        return;
      }
      this.emitText(this.buffer.slice(0, at));
      const newline = this.buffer.indexOf('\n', at);
      if (newline < 0) {
        this.buffer = this.buffer.slice(at);
        if (final) {
          this.sink.record(null);
          this.buffer = '';
        }
        return;
      }
      this.sink.record(parseRecord(this.buffer.slice(at + this.marker.length, newline)));
      this.buffer = this.buffer.slice(newline + 1);
    }
  }

  private emitText(text: string): void {
    if (text.length > 0) this.sink.text(text);
  }
}

/** Length of the longest end of `text` that is a proper start of `marker`. */
function partialPrefixLength(text: string, marker: string): number {
  for (let k = Math.min(text.length, marker.length - 1); k > 0; k--) {
    if (text.endsWith(marker.slice(0, k))) return k;
  }
  return 0;
}
