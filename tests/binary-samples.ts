/** Binary content for the bad-input tests: what a renamed image looks like (SYNTHETIC bytes). */

/** A PNG's signature and IHDR chunk header, then `length` bytes of filler. */
export function pngBytes(length = 1200): Uint8Array {
  const header = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];
  return Uint8Array.from([...header, ...Array.from({ length }, (_, i) => (i * 37 + 11) % 256)]);
}
