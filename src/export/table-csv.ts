/**
 * The current table as CSV (RFC 4180) with a header block of comment lines naming the indicator,
 * source, licence, the view's URL, the date and how to cite it, so a file on its own still says what it is.
 */
import type { SourceMeta } from '../data/types';
import { unitLabel, type Lang } from '../format/number';
import { strings } from '../i18n';
import { citeText, isoDate } from './cite-text';
import type { ExportMeta } from './export-meta';

/** One row of the table: an area's value in one year (null when missing). */
export interface CsvRow {
  code: string;
  name: string;
  year: number;
  value: number | null;
}

export type { ExportMeta };

export { isoDate };

/** Quotes a field when it holds a comma, a quote or a line break; quotes inside are doubled (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One header line: line breaks in catalogue text would end the comment early. */
function comment(label: string, value: string): string {
  return `# ${label}: ${value.replace(/[\r\n]+/g, ' ')}`;
}

/** The source line: name and publisher. */
export function sourceText(source: SourceMeta | undefined, lang: Lang): string {
  if (!source) return '–';
  return `${source.name[lang]} (${source.publisher[lang]})${source.url ? `, ${source.url}` : ''}`;
}

/** The licence line: licence and its URL. */
export function licenceText(source: SourceMeta | undefined, lang: Lang): string {
  if (!source) return '–';
  return source.licenceUrl ? `${source.licence[lang]}, ${source.licenceUrl}` : source.licence[lang];
}

/**
 * CSV text: the comment header, then `kod,namn,år,värde,enhet` (English headers in en) and one
 * line per row, CRLF-separated. Values use a decimal point and no grouping so spreadsheets and
 * scripts read them as numbers; a missing value is an empty field.
 */
export function tableCsv(rows: readonly CsvRow[], meta: ExportMeta, viewUrl: string, lang: Lang, date: Date = new Date()): string {
  const t = strings(lang).export;
  const unit = unitLabel(meta.indicator.unit, lang);
  const lines = [
    comment(t.indicator, meta.indicator.name[lang]),
    comment(t.source, sourceText(meta.source, lang)),
    comment(t.licence, licenceText(meta.source, lang)),
    comment(t.view, viewUrl),
    comment(t.retrieved, isoDate(date)),
    comment(t.citeAs, citeText(meta, viewUrl, lang, date)),
    [t.columns.code, t.columns.name, t.columns.year, t.columns.value, t.columns.unit].join(','),
    ...rows.map((row) =>
      [
        csvField(row.code),
        csvField(row.name),
        String(row.year),
        row.value === null || !Number.isFinite(row.value) ? '' : String(row.value),
        csvField(unit),
      ].join(','),
    ),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** The CSV as a file: with a byte-order mark so Excel opens UTF-8 (å, ä, ö) correctly. */
export function csvBlob(text: string): Blob {
  return new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
}
