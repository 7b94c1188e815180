import { describe, expect, it } from 'vitest';
import { decodeChunks, isBlank, isUtf8Chunks } from '../../src/runtime/read-stdin.js';

/** Splits bytes into chunks at every given offset. */
function split(bytes: Buffer, ...cuts: number[]): Buffer[] {
  const out: Buffer[] = [];
  let last = 0;
  for (const cut of [...cuts, bytes.length]) {
    out.push(bytes.subarray(last, cut));
    last = cut;
  }
  return out;
}

describe('stdin chunks', () => {
  const text = '[{"m": "é€💥 ok"}]';
  const bytes = Buffer.from(text, 'utf8');

  it('accepts and decodes UTF-8 split inside multi-byte characters at any point', () => {
    for (let a = 0; a <= bytes.length; a++) {
      for (let b = a; b <= bytes.length; b += 3) {
        const chunks = split(bytes, a, b);
        expect(isUtf8Chunks(chunks)).toBe(true);
        expect(decodeChunks(chunks)).toBe(text);
      }
    }
  });

  it('refuses invalid UTF-8, including a sequence cut off at the very end', () => {
    expect(isUtf8Chunks([Buffer.from([0x5b, 0xff, 0x5d])])).toBe(false);
    expect(isUtf8Chunks([Buffer.from('[1]'), Buffer.from([0xe2, 0x82])])).toBe(false);
    expect(isUtf8Chunks([Buffer.from([0xc3]), Buffer.from([0x28])])).toBe(false);
  });

  it('tells whitespace-only input from real input', () => {
    expect(isBlank([])).toBe(true);
    expect(isBlank([Buffer.from(' \n'), Buffer.from('\t\r\n')])).toBe(true);
    expect(isBlank([Buffer.from(' '), Buffer.from('[]')])).toBe(false);
  });
});
