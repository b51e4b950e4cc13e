/**
 * Bytes to text for the text formats (CSV, JSON). Excel on Windows still saves "CSV" as
 * Windows-1252, so invalid UTF-8 falls back to it rather than showing "G�teborg".
 */
import type { Localized } from '../data/types';
import { msg } from './common';

/** Decoded text, which encoding was used, and a warning when it was not UTF-8. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
  warnings: Localized[];
}

/** Decodes UTF-8 (a BOM is dropped); bytes that are not valid UTF-8 are read as Windows-1252. */
export function decodeText(bytes: Uint8Array): DecodedText {
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
