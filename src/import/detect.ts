/**
 * The importer's entry point: refuses oversized files, recognises the format by extension and
 * content, and hands the bytes to the matching parser.
 *
 * Detection, in order:
 *   1. bytes start with "PK" (zip)                          → .xlsx (SCB export)
 *   2. bytes start with D0 CF 11 E0 (old .xls)              → refused: save as .xlsx
 *   3. text starts with "{" or "[" or the extension is .json/.geojson/.topojson → JSON:
 *      type "Topology" → TopoJSON; type "FeatureCollection"/"Feature" → GeoJSON;
 *      `version` + class "dataset", or `dimension` + `value`, or a bundle of such → JSON-stat;
 *      `columns` + `data` → PxWeb v1; `values` array whose items have `kpi`/`municipality`/`period` → Kolada v2
 *   4. otherwise CSV: a header starting with `geo` and holding `year`/`time` → DDF datapoints;
 *      anything else → a long or wide CSV table.
 */
import { MAX_IMPORT_BYTES, type ImportResult } from './types';
import { guarded, importError, msg } from './common';
import { binaryContent, decodeText, notTextMessage } from './decode-text';
import { csvRecords, detectSeparator, parseCsvTable, type KeepCsv } from './csv-table';
import type { IndexedDivision } from './detect-division';
import { isDdfHeader, parseDdfCsv } from './ddf-csv';
import { parseXlsxScb } from './xlsx-scb';
import { parsePxWebJson } from './pxweb-json';
import { parseBoundaries } from './boundaries';
import { parseJsonStat } from './json-stat';
import { parseKoladaV2 } from './kolada-api';

type JsonKind = 'topojson' | 'geojson' | 'json-stat' | 'pxweb-json' | 'kolada-v2' | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isJsonStatDataset(v: unknown): boolean {
  return isObject(v) && ((typeof v['version'] === 'string' && v['class'] === 'dataset') || (isObject(v['dimension']) && 'value' in v));
}

/** Which JSON format a parsed document is, or null. */
export function detectJsonKind(json: unknown): JsonKind {
  if (!isObject(json)) return null;
  if (json['type'] === 'Topology') return 'topojson';
  if (json['type'] === 'FeatureCollection' || json['type'] === 'Feature') return 'geojson';
  if (isJsonStatDataset(json)) return 'json-stat';
  // JSON-stat 1.0 bundles and JSON-stat 2.0 collections wrap datasets.
  if (json['class'] === 'collection' || Object.values(json).some(isJsonStatDataset)) return 'json-stat';
  if (Array.isArray(json['columns']) && Array.isArray(json['data'])) return 'pxweb-json';
  const values = json['values'];
  if (
    Array.isArray(values) &&
    (values.length === 0 ? 'count' in json : values.some((v) => isObject(v) && ('kpi' in v || 'municipality' in v || 'period' in v)))
  ) {
    return 'kolada-v2';
  }
  return null;
}

function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName);
  return m?.[1]?.toLowerCase() ?? '';
}

/**
 * Parses an imported file of any supported format. Never throws. `onProgress` is called per row of
 * a CSV table and per area of a boundary file (done, total). `divisions` let a CSV table's columns
 * be recognised by their values (codes and names of a known division); `keep` receives a CSV
 * table's grid and columns.
 */
export function parseFile(
  fileName: string,
  bytes: Uint8Array,
  onProgress?: (done: number, total: number) => void,
  divisions: readonly IndexedDivision[] = [],
  keep?: KeepCsv,
): ImportResult {
  if (bytes.length > MAX_IMPORT_BYTES) {
    const limit = Math.round(MAX_IMPORT_BYTES / (1024 * 1024));
    const size = (bytes.length / (1024 * 1024)).toFixed(1);
    return importError('too-large', fileName, msg(`Filen är ${size} MB; gränsen är ${limit} MB.`, `The file is ${size} MB; the limit is ${limit} MB.`));
  }
  return guarded(fileName, 'unknown-format', () => dispatch(fileName, bytes, onProgress, divisions, keep));
}

type RowProgress = ((done: number, total: number) => void) | undefined;

function dispatch(fileName: string, bytes: Uint8Array, onProgress: RowProgress, divisions: readonly IndexedDivision[], keep?: KeepCsv): ImportResult {
  const ext = extensionOf(fileName);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return parseXlsxScb(bytes, fileName, divisions);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return importError(
      'unknown-format',
      fileName,
      msg('Gamla Excel-filer (.xls) stöds inte; spara som .xlsx eller CSV.', 'Old Excel files (.xls) are not supported; save as .xlsx or CSV.'),
    );
  }
  if (ext === 'xlsx') {
    return importError('bad-xlsx', fileName, msg('Filen heter .xlsx men är ingen Excel-arbetsbok.', 'The file is named .xlsx but is not an Excel workbook.'));
  }
  const binary = binaryContent(bytes);
  if (binary) return importError('unknown-format', fileName, notTextMessage(fileName, binary.looksLike));
  const decoded = decodeText(bytes);
  const text = decoded.text.replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  if (trimmed === '') return importError('no-rows', fileName, msg('Filen är tom.', 'The file is empty.'));
  const result =
    trimmed.startsWith('{') || trimmed.startsWith('[') || ['json', 'geojson', 'topojson'].includes(ext)
      ? parseJsonText(text, fileName, onProgress)
      : parseCsvText(text, fileName, onProgress, divisions, keep);
  if (result.kind !== 'error' && decoded.warnings.length > 0) result.warnings.unshift(...decoded.warnings);
  return result;
}

function parseJsonText(text: string, fileName: string, onFeature?: (done: number, total: number) => void): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return importError('bad-json', fileName, msg(`Filen är ingen giltig JSON: ${detail}`, `The file is not valid JSON: ${detail}`));
  }
  switch (detectJsonKind(json)) {
    case 'topojson':
    case 'geojson':
      return parseBoundaries(json, fileName, onFeature);
    case 'json-stat':
      return guarded(fileName, 'bad-json', () => parseJsonStat(json, fileName));
    case 'pxweb-json':
      return parsePxWebJson(json, fileName);
    case 'kolada-v2':
      return guarded(fileName, 'bad-json', () => parseKoladaV2(json, fileName));
    case null:
      return importError(
        'unknown-format',
        fileName,
        msg(
          'JSON-filen känns inte igen: väntade GeoJSON, TopoJSON, JSON-stat, PxWeb (json) eller Kolada.',
          'The JSON file is not recognised: expected GeoJSON, TopoJSON, JSON-stat, PxWeb (json) or Kolada.',
        ),
      );
  }
}

function parseCsvText(text: string, fileName: string, onRow: RowProgress, divisions: readonly IndexedDivision[], keep?: KeepCsv): ImportResult {
  const separator = detectSeparator(text);
  const header = csvRecords(text.slice(0, 4096), separator)[0]?.cells ?? [];
  if (separator === ',' && isDdfHeader(header)) return parseDdfCsv(text, fileName);
  return parseCsvTable(text, fileName, onRow, divisions, keep);
}
