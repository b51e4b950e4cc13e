import { describe, expect, it } from 'vitest';
import { buildPrecacheManifest } from '../../scripts/precache-manifest';
import { formatMegabytes, offlineStatusText } from '../../src/components/klyft-offline-status';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('buildPrecacheManifest(files)', () => {
  it('lists files sorted with size and content hash, leaving out itself, sw.js and source maps', () => {
    const manifest = buildPrecacheManifest([
      { path: 'index.html', bytes: bytes('<html>') },
      { path: 'assets/main.js', bytes: bytes('abc') },
      { path: 'assets/main.js.map', bytes: bytes('{}') },
      { path: 'sw.js', bytes: bytes('x') },
      { path: 'precache-manifest.json', bytes: bytes('{}') },
    ]);
    expect(manifest.files.map((f) => [f.url, f.size])).toEqual([
      ['assets/main.js', 3],
      ['index.html', 6],
    ]);
    expect(manifest.totalBytes).toBe(9);
    // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad (FIPS 180-2 example).
    expect(manifest.files[0]!.hash).toBe('ba7816bf8f01cfea');
  });

  it('gives the same version for the same files in any order, and a new one when a byte changes', () => {
    const a = { path: 'a.js', bytes: bytes('a') };
    const b = { path: 'b.js', bytes: bytes('b') };
    const version = buildPrecacheManifest([a, b]).version;
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(buildPrecacheManifest([b, a]).version).toBe(version);
    expect(buildPrecacheManifest([a, { path: 'b.js', bytes: bytes('c') }]).version).not.toBe(version);
    expect(buildPrecacheManifest([a]).version).not.toBe(version);
  });

  it('handles an empty folder', () => {
    expect(buildPrecacheManifest([])).toMatchObject({ totalBytes: 0, files: [] });
  });
});

describe('offlineStatusText(status, lang)', () => {
  it.each<[Parameters<typeof offlineStatusText>[0], 'sv' | 'en', string]>([
    [{ state: 'ready', totalBytes: 12_345_678 }, 'sv', 'Redo att användas offline (12,3\u00a0MB)'],
    [{ state: 'ready', totalBytes: 12_345_678 }, 'en', 'Ready for offline use (12.3\u00a0MB)'],
    [{ state: 'ready', totalBytes: null }, 'en', 'Ready for offline use'],
    [{ state: 'unsupported' }, 'sv', ''],
    [{ state: 'error', message: 'x' }, 'en', 'Could not be saved for offline use'],
  ])('%o in %s reads %s', (status, lang, expected) => {
    expect(offlineStatusText(status, lang)).toBe(expected);
  });

  it('formats megabytes with one decimal', () => {
    expect(formatMegabytes(0, 'sv')).toBe('0,0\u00a0MB');
    expect(formatMegabytes(1_050_000, 'en')).toBe('1.1\u00a0MB');
  });
});
