import { describe, expect, it } from 'vitest';
import { MAX_TEXT_BYTES, clipText, clipTextEnd, utf8Bytes } from './text-cap.js';

describe('the text cap', () => {
  it('keeps a text of exactly the cap, and clips one byte over with a marker, within the cap', () => {
    const at = 'a'.repeat(MAX_TEXT_BYTES);
    expect(clipText(at)).toBe(at);
    expect(clipTextEnd(at)).toBe(at);

    const over = 'b'.repeat(MAX_TEXT_BYTES + 1);
    const head = clipText(over);
    expect(utf8Bytes(head)).toBeLessThanOrEqual(MAX_TEXT_BYTES);
    const dropped = Number(/\[(\d+) more bytes clipped\]$/.exec(head)?.[1]);
    expect(head.startsWith('b'.repeat(1000))).toBe(true);
    // What is kept plus what the marker says was dropped is the whole text.
    expect(head.indexOf('\n…') + dropped).toBe(over.length);

    const end = clipTextEnd(over);
    expect(utf8Bytes(end)).toBeLessThanOrEqual(MAX_TEXT_BYTES);
    const droppedEnd = Number(/^\[(\d+) earlier bytes clipped\]/.exec(end)?.[1]);
    expect(end.length - end.indexOf('\n') - 1 + droppedEnd).toBe(over.length);
  });

  it('counts UTF-8 bytes, never cuts a character in two, and keeps replacement characters counted', () => {
    const max = 100;
    // 3 bytes each: 34 of them are 102 bytes, one character too many.
    const text = '€'.repeat(34);
    const clipped = clipText(text, max);
    expect(utf8Bytes(clipped)).toBeLessThanOrEqual(max);
    expect(clipped).not.toContain('\uFFFD');
    expect(clipped.startsWith('€'.repeat(10))).toBe(true);
    expect(clipText('€'.repeat(33), 99)).toBe('€'.repeat(33));
    expect(clipText('€'.repeat(33), 98)).not.toBe('€'.repeat(33));
    const emoji = clipTextEnd('😀'.repeat(40), max);
    expect(utf8Bytes(emoji)).toBeLessThanOrEqual(max);
    expect(emoji.endsWith('😀')).toBe(true);
    expect(emoji).not.toContain('\uFFFD');
  });
});
