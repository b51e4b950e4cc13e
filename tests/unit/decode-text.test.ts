import { describe, expect, it } from 'vitest';
import { binaryContent, decodeText, notTextMessage } from '../../src/import/decode-text';
import { parseFile } from '../../src/import/detect';
import { pngBytes } from '../binary-samples';

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('binaryContent(bytes)', () => {
  it.each([
    ['a CSV in UTF-8', text('kod;år;värde\n1480;2020;12,5\n'), null],
    ['a CSV in Windows-1252', bytes(0x6b, 0x6f, 0x64, 0x3b, 0x6e, 0x61, 0x6d, 0x6e, 0x0a, 0x31, 0x3b, 0x47, 0xf6, 0x74, 0x65, 0x62, 0x6f, 0x72, 0x67), null],
    ['UTF-16 text with a BOM (it holds NUL bytes)', bytes(0xff, 0xfe, 0x6b, 0x00, 0x6f, 0x00), null],
    ['an empty file', bytes(), null],
    ['one DOS end-of-file mark in a long text', text(`${'kod;år;värde\n'.repeat(20)}\x1a`), null],
    ['a PNG image', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00), 'en PNG-bild'],
    ['a PDF', text('%PDF-1.7\n'), 'ett PDF-dokument'],
    ['an SQLite database', text('SQLite format 3\u0000'), 'en SQLite-databas'],
    ['text with a NUL byte', text('kod;år\n\u0000'), 'binary'],
    ['bytes of many control characters', bytes(...Array.from({ length: 200 }, (_, i) => (i % 5 === 0 ? 0x02 : 0x41))), 'binary'],
  ])('%s', (_, input, expected) => {
    const result = binaryContent(input);
    if (expected === null) expect(result).toBeNull();
    else expect(result?.looksLike?.sv ?? 'binary').toBe(expected);
  });
});

describe('decodeText(bytes)', () => {
  it('reads UTF-8, dropping its BOM', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, ...text('Göteborg')))).toMatchObject({ text: 'Göteborg', encoding: 'utf-8', warnings: [] });
  });

  it('reads Windows-1252 where UTF-8 is invalid, and warns', () => {
    const out = decodeText(bytes(0x47, 0xf6, 0x74, 0x65, 0x62, 0x6f, 0x72, 0x67));
    expect(out.text).toBe('Göteborg');
    expect(out.encoding).toBe('windows-1252');
    expect(out.warnings[0]?.en).toContain('Check å, ä and ö.');
  });

  it('reads UTF-16 (little and big endian) by its BOM', () => {
    const le = bytes(0xff, 0xfe, ...[...'Gö'].flatMap((c) => [c.charCodeAt(0), 0]));
    const be = bytes(0xfe, 0xff, ...[...'Gö'].flatMap((c) => [0, c.charCodeAt(0)]));
    expect(decodeText(le)).toMatchObject({ text: 'Gö', encoding: 'utf-16le' });
    expect(decodeText(be)).toMatchObject({ text: 'Gö', encoding: 'utf-16be' });
  });
});

describe('parseFile(fileName, bytes) with binary content', () => {
  it('says a PNG named .csv is not a text table, without printing its bytes', () => {
    const png = pngBytes(1000);
    const result = parseFile('bild.csv', png);
    expect(result).toMatchObject({ kind: 'error', code: 'unknown-format' });
    if (result.kind !== 'error') return;
    expect(result.message.sv).toBe(
      'Filen bild.csv är ingen texttabell: den innehåller binära data (den ser ut att vara en PNG-bild). Spara tabellen som CSV (UTF-8) eller som Excel-arbetsbok (.xlsx) och försök igen.',
    );
    expect(result.message.en).toContain('is not a text table: it holds binary data (it looks like a PNG image)');
    expect(result.message.sv).not.toContain('Rubriker');
  });

  it('says random bytes named .csv are not a text table', () => {
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    const result = parseFile('brus.csv', noise);
    expect(result.kind === 'error' && result.message.sv).toBe(notTextMessage('brus.csv', null).sv);
  });

  it('still reads a UTF-16 tab-separated table from Excel', () => {
    const table = 'kod\tår\tvärde\r\n1480\t2020\t12,5\r\n';
    const utf16 = bytes(0xff, 0xfe, ...[...table].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
    const result = parseFile('unicode.txt', utf16);
    expect(result.kind).toBe('table');
    expect(result.kind === 'table' && result.rows).toEqual([{ code: '1480', year: 2020, value: 12.5, status: 'ok', measure: 'value', at: '2' }]);
  });
});
