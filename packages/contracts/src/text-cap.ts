/**
 * The byte cap of every text the platform stores or sends (Redis records and events, the database,
 * HTTP and Socket.IO answers, the Judge0 and Piston responses): stdout, stderr, compile output, error
 * messages, each stream of a job's live log. Texts are clipped where they are produced, with a visible
 * marker saying how much was dropped; the marker is inside the cap, so a clipped text is never longer
 * than the cap in UTF-8 bytes.
 */
/** Most UTF-8 bytes of one text (stdout, stderr, compile output, a message, a log stream of a job). */
export const MAX_TEXT_BYTES = 1024 * 1024;

/**
 * Most UTF-8 bytes of one text of one test (input, expected, actual, message, stderr): a record holds one
 * per test, so these are clipped to a sixty-fourth of the cap.
 */
export const MAX_TEST_TEXT_BYTES = MAX_TEXT_BYTES / 64;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** UTF-8 length of a text, in bytes. */
export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

function marker(dropped: number): string {
  return `\n… [${dropped} more bytes clipped]`;
}

/** The longest prefix of `bytes` that ends on a character boundary and is at most `max` bytes. */
function headBytes(bytes: Uint8Array, max: number): Uint8Array {
  let end = Math.min(max, bytes.length);
  // Back up over continuation bytes (10xxxxxx) so no character is cut in two.
  while (end > 0 && end < bytes.length && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  return bytes.subarray(0, end);
}

function tailBytes(bytes: Uint8Array, max: number): Uint8Array {
  let start = Math.max(0, bytes.length - max);
  while (start < bytes.length && ((bytes[start] ?? 0) & 0xc0) === 0x80) start += 1;
  return bytes.subarray(start);
}

/**
 * The text as it is if it fits in `maxBytes` UTF-8 bytes; else its beginning and a marker saying how many
 * bytes were dropped, together at most `maxBytes` bytes.
 */
export function clipText(text: string, maxBytes: number = MAX_TEXT_BYTES): string {
  // Each UTF-16 unit is at most 3 UTF-8 bytes: short texts need no encoding.
  if (text.length * 3 <= maxBytes) return text;
  if (utf8Bytes(text) <= maxBytes) return text;
  const bytes = encoder.encode(text);
  // The marker's length depends on the count it shows; the count's digits fit in its room.
  const room = Math.max(0, maxBytes - utf8Bytes(marker(bytes.length)));
  const kept = headBytes(bytes, room);
  return decoder.decode(kept) + marker(bytes.length - kept.length);
}

/** Like `clipText`, but keeps the end (stderr, where the error is), with the marker first. */
export function clipTextEnd(text: string, maxBytes: number = MAX_TEXT_BYTES): string {
  if (text.length * 3 <= maxBytes) return text;
  if (utf8Bytes(text) <= maxBytes) return text;
  const bytes = encoder.encode(text);
  const head = (dropped: number) => `[${dropped} earlier bytes clipped] …\n`;
  const room = Math.max(0, maxBytes - utf8Bytes(head(bytes.length)));
  const kept = tailBytes(bytes, room);
  return head(bytes.length - kept.length) + decoder.decode(kept);
}
