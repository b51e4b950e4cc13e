/**
 * A small .xlsx reader: the first worksheet as a dense grid of cells.
 * Enough for SCB Statistikdatabasen exports (shared strings, numbers, an `x:` namespace prefix);
 * no styles, dates or formulas. Runs in the browser and in Node (no DOM, no node modules).
 */
import { strFromU8, unzipSync } from 'fflate';

/** What is wrong with a file that is not a readable workbook (worded for users in src/import/xlsx-errors.ts). */
export type XlsxProblem =
  { kind: 'bad-zip'; detail: string } | { kind: 'no-workbook'; parts: readonly string[] } | { kind: 'no-worksheet'; sheet: string; path: string };

/** Thrown by readXlsx for a file that is not a readable workbook. */
export class XlsxError extends Error {
  constructor(readonly problem: XlsxProblem) {
    const what =
      problem.kind === 'bad-zip'
        ? `the zip archive cannot be read (${problem.detail})`
        : problem.kind === 'no-workbook'
          ? 'no xl/workbook.xml'
          : `no worksheet ${problem.path}`;
    super(`invalid xlsx: ${what}`);
    this.name = 'XlsxError';
  }
}

/** One cell: a string, a number, or null when empty. */
export type XlsxCell = string | number | null;

/** The first worksheet of a workbook. */
export interface XlsxSheet {
  name: string;
  /** rows[r][c], 0-based; every row padded to the same width with null. */
  rows: XlsxCell[][];
}

// Element names may carry any namespace prefix (SCB writes `x:`), or none.
const P = '(?:[A-Za-z_][\\w.-]*:)?';

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, ent: string) => {
    if (ent[0] === '#') {
      const cp = ent[1] === 'x' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return String.fromCodePoint(cp);
    }
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[ent] ?? '';
  });
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? unescapeXml(m[1] ?? '') : undefined;
}

/** Concatenated text of all `<t>` elements (rich-text runs included) in a fragment. */
function textOf(fragment: string): string {
  const re = new RegExp(`<${P}t(?:\\s[^>]*)?>([\\s\\S]*?)</${P}t>`, 'g');
  let out = '';
  for (const m of fragment.matchAll(re)) out += unescapeXml(m[1] ?? '');
  return out;
}

/** Parses sharedStrings.xml into its list of strings. */
export function parseSharedStrings(xml: string): string[] {
  const re = new RegExp(`<${P}si(?:\\s[^>]*)?>([\\s\\S]*?)</${P}si>|<${P}si\\s*/>`, 'g');
  return [...xml.matchAll(re)].map((m) => textOf(m[1] ?? ''));
}

/** Column index (0-based) of a cell reference like "AB12". */
export function columnIndex(ref: string): number {
  let col = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  return col - 1;
}

/** Parses a worksheet XML into a dense grid, resolving shared strings. */
export function parseSheet(xml: string, shared: readonly string[]): XlsxCell[][] {
  const rows: XlsxCell[][] = [];
  const rowRe = new RegExp(`<${P}row(\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${P}row>)`, 'g');
  const cellRe = new RegExp(`<${P}c(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${P}c>)`, 'g');
  const valueRe = new RegExp(`<${P}v(?:\\s[^>]*)?>([\\s\\S]*?)</${P}v>`);
  let width = 0;
  let nextRow = 0;
  for (const rm of xml.matchAll(rowRe)) {
    const rAttr = attr(rm[1] ?? '', 'r');
    const r = rAttr ? Number(rAttr) - 1 : nextRow;
    nextRow = r + 1;
    const row: XlsxCell[] = [];
    let nextCol = 0;
    for (const cm of (rm[2] ?? '').matchAll(cellRe)) {
      const attrs = cm[1] ?? '';
      const body = cm[2] ?? '';
      const ref = attr(attrs, 'r');
      const c = ref ? columnIndex(ref) : nextCol;
      nextCol = c + 1;
      const type = attr(attrs, 't') ?? 'n';
      const raw = valueRe.exec(body)?.[1];
      let value: XlsxCell;
      if (type === 'inlineStr') value = textOf(body);
      else if (raw === undefined) value = null;
      else if (type === 's') value = shared[Number(raw)] ?? null;
      else if (type === 'str' || type === 'e') value = unescapeXml(raw);
      else if (type === 'b') value = raw === '1' ? 1 : 0;
      else {
        const n = Number(raw);
        value = raw.trim() === '' || Number.isNaN(n) ? unescapeXml(raw) : n;
      }
      while (row.length < c) row.push(null);
      row[c] = value;
    }
    while (rows.length < r) rows.push([]);
    rows[r] = row;
    width = Math.max(width, row.length);
  }
  for (const row of rows) while (row.length < width) row.push(null);
  return rows;
}

/** Resolves a relationship target against the xl/ folder. */
function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return `xl/${target.replace(/^\.\//, '')}`;
}

/** Reads the first worksheet of an .xlsx file. Throws an XlsxError on a file that is not a readable workbook. */
export function readXlsx(bytes: Uint8Array): XlsxSheet {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    throw new XlsxError({ kind: 'bad-zip', detail: e instanceof Error ? e.message : String(e) });
  }
  const text = (path: string): string | undefined => {
    const f = files[path];
    return f ? strFromU8(f) : undefined;
  };
  const workbook = text('xl/workbook.xml');
  if (!workbook) throw new XlsxError({ kind: 'no-workbook', parts: Object.keys(files).slice(0, 5) });
  const sheetTag = new RegExp(`<${P}sheet(\\s[^>]*?)/?>`).exec(workbook);
  const name = attr(sheetTag?.[1] ?? '', 'name') ?? '';
  const rid = attr(sheetTag?.[1] ?? '', 'r:id');
  let sheetPath = 'xl/worksheets/sheet1.xml';
  const rels = text('xl/_rels/workbook.xml.rels');
  if (rels && rid) {
    for (const m of rels.matchAll(new RegExp(`<${P}Relationship(\\s[^>]*?)/?>`, 'g'))) {
      if (attr(m[1] ?? '', 'Id') === rid) sheetPath = resolveTarget(attr(m[1] ?? '', 'Target') ?? '');
    }
  }
  const sheetXml = text(sheetPath);
  if (!sheetXml) throw new XlsxError({ kind: 'no-worksheet', sheet: name, path: sheetPath });
  const shared = parseSharedStrings(text('xl/sharedStrings.xml') ?? '');
  return { name, rows: parseSheet(sheetXml, shared) };
}
