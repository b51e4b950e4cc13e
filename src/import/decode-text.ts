/**
 * Bytes to text for the text formats (CSV, JSON). Excel on Windows still saves "CSV" as
 * Windows-1252, so invalid UTF-8 falls back to it rather than showing "G�teborg"; Excel's
 * "Unicode text" is UTF-16 with a byte order mark. Bytes that are no text at all (an image or
 * a database renamed to .csv) are recognised first, so they are not read as a table of mojibake.
 */
import type { Localized } from '../data/types';
import { msg } from './common';

/** Decoded text, which encoding was used, and a warning when it was not UTF-8. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  warnings: Localized[];
}

// Well-known file signatures, to say what a binary file probably is.
const SIGNATURES: { bytes: number[]; sv: string; en: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], sv: 'en PNG-bild', en: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], sv: 'en JPEG-bild', en: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], sv: 'en GIF-bild', en: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], sv: 'ett PDF-dokument', en: 'a PDF document' },
  { bytes: [0x1f, 0x8b], sv: 'ett gzip-arkiv', en: 'a gzip archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], sv: 'ett 7z-arkiv', en: 'a 7z archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], sv: 'ett RAR-arkiv', en: 'a RAR archive' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], sv: 'en SQLite-databas', en: 'an SQLite database' },
  { bytes: [0x50, 0x41, 0x52, 0x31], sv: 'en Parquet-fil', en: 'a Parquet file' },
];

// How much of the file is looked at, and how many control characters a text file may hold there.
const SAMPLE = 64 * 1024;
const CONTROL_SHARE = 0.01;

/** What a binary file looks like ("a PNG image"), or null for a file of unknown kind. */
function signatureOf(bytes: Uint8Array): Localized | null {
  const hit = SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  return hit ? msg(hit.sv, hit.en) : null;
}

/** The UTF-16 byte order of a BOM, or null. */
function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Whether bytes are binary rather than text: a NUL byte, or more than 1 % control characters
 * (other than tab, line feed, carriage return and form feed) in the first 64 kB. UTF-16 text
 * with a byte order mark is text. Returns what the file looks like when it is binary, else null.
 */
export function binaryContent(bytes: Uint8Array): { looksLike: Localized | null } | null {
  if (utf16Bom(bytes)) return null;
  const signature = signatureOf(bytes);
  if (signature) return { looksLike: signature };
  const n = Math.min(bytes.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return { looksLike: null };
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) control++;
  }
  return n > 0 && control / n > CONTROL_SHARE ? { looksLike: null } : null;
}

/** The message for a binary file given where a text table was expected. */
export function notTextMessage(fileName: string, looksLike: Localized | null): Localized {
  const sv = looksLike ? ` (den ser ut att vara ${looksLike.sv})` : '';
  const en = looksLike ? ` (it looks like ${looksLike.en})` : '';
  return msg(
    `Filen ${fileName} är ingen texttabell: den innehåller binära data${sv}. Spara tabellen som CSV (UTF-8) eller som Excel-arbetsbok (.xlsx) och försök igen.`,
    `The file ${fileName} is not a text table: it holds binary data${en}. Save the table as CSV (UTF-8) or as an Excel workbook (.xlsx) and try again.`,
  );
}

/** Decodes UTF-8 (a BOM is dropped), UTF-16 with a BOM; bytes that are not valid UTF-8 are read as Windows-1252. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const utf16 = utf16Bom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, warnings: [] };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', warnings: [] };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      encoding: 'windows-1252',
      warnings: [
        msg(
          'Filen är inte UTF-8 och lästes som Windows-1252 (Excels gamla standard). Kontrollera å, ä och ö.',
          'The file is not UTF-8 and was read as Windows-1252 (the old Excel default). Check å, ä and ö.',
        ),
      ],
    };
  }
}
