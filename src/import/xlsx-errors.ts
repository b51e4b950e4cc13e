/**
 * A workbook that cannot be read, said in the user's language: a damaged or cut-off zip, a zip
 * that is some other document, or a workbook whose first sheet is missing.
 */
import type { Localized } from '../data/types';
import { XlsxError } from '../data/xlsx';
import { msg } from './common';

/** Why an .xlsx could not be read (anything readXlsx threw), in both languages. */
export function xlsxErrorMessage(error: unknown, fileName: string): Localized {
  const problem = error instanceof XlsxError ? error.problem : { kind: 'bad-zip' as const, detail: error instanceof Error ? error.message : String(error) };
  switch (problem.kind) {
    case 'bad-zip': {
      // fflate's words: "invalid zip data" / "unexpected EOF" for a cut-off file, "unknown compression type" for exotic packers.
      const exotic = /compression type/.test(problem.detail);
      return exotic
        ? msg(
            `Arbetsboken ${fileName} är packad med en komprimering som inte stöds. Spara om den i Excel (.xlsx) eller exportera som CSV.`,
            `The workbook ${fileName} is packed with an unsupported compression. Save it again in Excel (.xlsx) or export it as CSV.`,
          )
        : msg(
            `Arbetsboken ${fileName} är skadad eller avkortad: dess zip-arkiv går inte att packa upp. Spara om den i Excel eller exportera som CSV, och kontrollera att hela filen laddades ner.`,
            `The workbook ${fileName} is damaged or cut off: its zip archive cannot be unpacked. Save it again in Excel or export it as CSV, and check that the whole file was downloaded.`,
          );
    }
    case 'no-workbook':
      return msg(
        `Filen ${fileName} är ett zip-arkiv men ingen Excel-arbetsbok (delen xl/workbook.xml saknas). Är det ett Word- eller OpenDocument-dokument? Spara tabellen som .xlsx eller CSV.`,
        `The file ${fileName} is a zip archive but not an Excel workbook (the part xl/workbook.xml is missing). Is it a Word or OpenDocument file? Save the table as .xlsx or CSV.`,
      );
    case 'no-worksheet':
      return msg(
        `Arbetsboken ${fileName} är skadad: dess första blad${problem.sheet ? ` "${problem.sheet}"` : ''} saknas i filen (${problem.path}). Spara om den i Excel eller exportera som CSV.`,
        `The workbook ${fileName} is damaged: its first sheet${problem.sheet ? ` "${problem.sheet}"` : ''} is missing from the file (${problem.path}). Save it again in Excel or export it as CSV.`,
      );
  }
}
