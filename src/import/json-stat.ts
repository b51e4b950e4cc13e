/**
 * JSON-stat (2.0, and 1.x bundles) → ImportedTable: one row per area × year × measure.
 * SCB's PxWeb API v2 answers `/v2/tables/{id}/data?outputFormat=json-stat2` in this format.
 * Pure: runs in a Web Worker; never throws (failures become an ImportError naming the JSON path).
 */
import type { Localized } from '../data/types';
import { readYear } from './common';
import type { ImportError, ImportedRow, ImportedTable, ImportResult, ValueStatus } from './types';
import { OutsideYears } from './year-range';

/** More cells than this are refused: a dataset's size is the product of its dimension sizes. */
export const MAX_JSON_STAT_CELLS = 5_000_000;

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A dimension read from the dataset: its categories in index order. */
interface Dimension {
  id: string;
  label: string;
  codes: string[];
  labels: string[];
  /** Unit label per category (metric dimensions), when given. */
  units: (string | undefined)[];
}

class Failure {
  constructor(
    readonly code: ImportError['code'],
    readonly at: string,
    readonly message: Localized,
  ) {}
}

const fail = (code: ImportError['code'], at: string, sv: string, en: string): never => {
  throw new Failure(code, at, { sv, en });
};

const AREA_NAME = /^(region|regions|geo|area|omrade|område|kommun|municipality|deso|regso|lan|län|county)$/i;
const TIME_NAME = /^(tid|time|year|years|år|ar|period|perioder)$/i;
const METRIC_NAME = /^(contentscode|contents|tabellinnehåll|metric|measure|indicator|variable)$/i;

/** Finds the dataset: a JSON-stat 2.0 dataset, a collection or a 1.x bundle with (at least) one dataset. */
function findDataset(json: unknown): { ds: Obj; at: string; warnings: Localized[] } {
  if (!isObj(json)) return fail('bad-json', '$', 'Filen är inte ett JSON-stat-objekt.', 'The file is not a JSON-stat object.');
  const warnings: Localized[] = [];
  if (json.class === 'dataset' || ('dimension' in json && 'value' in json)) return { ds: json, at: '$', warnings };
  if (json.class === 'collection') {
    const link = isObj(json.link) ? json.link : undefined;
    const items = Array.isArray(link?.item) ? link.item : [];
    const sets = items.map((it, i) => ({ it, i })).filter(({ it }) => isObj(it) && (it.class === 'dataset' || 'dimension' in it));
    const first = sets[0];
    if (!first || !isObj(first.it)) {
      return fail('bad-json', '$.link.item', 'Samlingen innehåller inget dataset med värden.', 'The collection holds no dataset with values.');
    }
    if (sets.length > 1) warnings.push(severalNote(sets.length));
    return { ds: first.it, at: `$.link.item[${first.i}]`, warnings };
  }
  // JSON-stat 1.x bundle (or class "bundle"): datasets are the top-level members.
  const keys = Object.keys(json).filter((k) => isObj(json[k]) && 'dimension' in (json[k] as Obj));
  const key = keys[0];
  if (key === undefined) {
    return fail(
      'bad-json',
      '$',
      'Ingen JSON-stat-datamängd hittades (class "dataset", "collection" eller "bundle").',
      'No JSON-stat dataset found (class "dataset", "collection" or "bundle").',
    );
  }
  if (keys.length > 1) warnings.push(severalNote(keys.length));
  return { ds: json[key] as Obj, at: `$.${key}`, warnings };
}

const severalNote = (n: number): Localized => ({
  sv: `Filen innehåller ${n} dataset; bara det första läses.`,
  en: `The file holds ${n} datasets; only the first is read.`,
});

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** Reads one dimension's categories (index as array or object; a single category may have a label only). */
function readDimension(id: string, dim: unknown, size: number, at: string): Dimension {
  if (!isObj(dim)) return fail('bad-json', at, `Dimensionen "${id}" saknas.`, `Dimension "${id}" is missing.`);
  const cat = isObj(dim.category) ? dim.category : {};
  const labelMap = isObj(cat.label) ? cat.label : {};
  let codes: string[];
  if (Array.isArray(cat.index)) codes = cat.index.map((c) => text(c) ?? '');
  else if (isObj(cat.index)) {
    const index = cat.index;
    codes = new Array<string>(Object.keys(index).length).fill('');
    for (const [code, pos] of Object.entries(index)) {
      if (typeof pos !== 'number' || !Number.isInteger(pos) || pos < 0 || pos >= codes.length) {
        return fail('bad-json', `${at}.category.index.${code}`, `Ogiltig position för kategorin "${code}".`, `Invalid position for category "${code}".`);
      }
      codes[pos] = code;
    }
  } else codes = Object.keys(labelMap);
  if (codes.length !== size) {
    return fail(
      'bad-json',
      `${at}.category`,
      `Dimensionen "${id}" har ${codes.length} kategorier men storleken ${size}.`,
      `Dimension "${id}" has ${codes.length} categories but size ${size}.`,
    );
  }
  const unitMap = isObj(cat.unit) ? cat.unit : {};
  return {
    id,
    label: text(dim.label) ?? id,
    codes,
    labels: codes.map((c) => text(labelMap[c]) ?? c),
    units: codes.map((c) => {
      const u = unitMap[c];
      return isObj(u) ? (text(u.label) ?? text(u.symbol)) : undefined;
    }),
  };
}

/** Ids from the role member, if any (2.0: dataset.role; 1.x: dimension.role). */
function roleIds(role: unknown, name: string): string[] {
  if (!isObj(role)) return [];
  const ids = role[name];
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
}

const YEAR = /^(\d{4})(?:$|[^0-9])/;

/**
 * The four-digit year of a time category: its code ("2022", "2022M01", "2022K1") or else its
 * label; it may lie outside the accepted range (readYear tells).
 */
function yearOf(code: string, label: string): number | null {
  const m = YEAR.exec(code.trim()) ?? YEAR.exec(label.trim());
  return m?.[1] ? Number(m[1]) : null;
}

function numberOf(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') {
    const t = v.trim().replace(/\s/g, '').replace(',', '.');
    if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
    const n = Number(t);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function parse(json: unknown, fileName: string): ImportedTable {
  const { ds, at, warnings } = findDataset(json);
  const dimension = isObj(ds.dimension)
    ? ds.dimension
    : fail('bad-json', `${at}.dimension`, 'Medlemmen "dimension" saknas.', 'The "dimension" member is missing.');
  // 2.0 has id/size/role on the dataset; 1.x on the dimension object.
  const idsRaw = Array.isArray(ds.id) ? ds.id : dimension.id;
  const sizeRaw = Array.isArray(ds.size) ? ds.size : dimension.size;
  const idAt = Array.isArray(ds.id) ? `${at}.id` : `${at}.dimension.id`;
  const sizeAt = Array.isArray(ds.size) ? `${at}.size` : `${at}.dimension.size`;
  if (!Array.isArray(idsRaw) || !idsRaw.every((x) => typeof x === 'string')) {
    return fail('bad-json', idAt, 'Listan "id" med dimensionernas namn saknas.', 'The "id" list of dimension names is missing.');
  }
  const ids = idsRaw as string[];
  if (!Array.isArray(sizeRaw) || sizeRaw.length !== ids.length || !sizeRaw.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)) {
    return fail('bad-json', sizeAt, 'Listan "size" saknas eller passar inte till "id".', 'The "size" list is missing or does not match "id".');
  }
  const sizes = sizeRaw as number[];
  let cells = 1;
  for (const n of sizes) {
    cells *= n;
    if (cells > MAX_JSON_STAT_CELLS) {
      return fail('too-large', sizeAt, `Datamängden har fler än ${MAX_JSON_STAT_CELLS} celler.`, `The dataset has more than ${MAX_JSON_STAT_CELLS} cells.`);
    }
  }
  const dims = ids.map((id, i) => readDimension(id, dimension[id], sizes[i] ?? 0, `${at}.dimension.${id}`));

  const role = isObj(ds.role) ? ds.role : dimension.role;
  const pick = (roleName: string, pattern: RegExp, exclude: number[]): number => {
    const byRole = roleIds(role, roleName)
      .map((r) => ids.indexOf(r))
      .find((i) => i >= 0 && !exclude.includes(i));
    if (byRole !== undefined) return byRole;
    return dims.findIndex((d, i) => !exclude.includes(i) && (pattern.test(d.id) || pattern.test(d.label)));
  };
  const timeDim = pick('time', TIME_NAME, []);
  const geoDim = pick('geo', AREA_NAME, [timeDim]);
  const metricDim = pick('metric', METRIC_NAME, [timeDim, geoDim]);
  if (geoDim < 0) {
    return fail(
      'no-area-column',
      `${at}.dimension`,
      'Ingen områdesdimension (roll "geo" eller en dimension som heter Region).',
      'No area dimension (role "geo" or a dimension named Region).',
    );
  }
  if (timeDim < 0) {
    return fail(
      'no-year',
      `${at}.dimension`,
      'Ingen tidsdimension (roll "time" eller en dimension som heter Tid).',
      'No time dimension (role "time" or a dimension named Tid).',
    );
  }

  // Measure dimensions: the metric one, plus any other dimension with more than one category.
  const measureDims = dims.map((_, i) => i).filter((i) => i !== geoDim && i !== timeDim && (i === metricDim || (dims[i]?.codes.length ?? 0) > 1));

  const strides = sizes.map((_, i) => sizes.slice(i + 1).reduce((p, n) => p * n, 1));
  const value = ds.value;
  const valueAt = Array.isArray(value) ? (n: number) => value[n] : isObj(value) ? (n: number) => value[String(n)] : undefined;
  if (!valueAt) return fail('bad-json', `${at}.value`, 'Medlemmen "value" saknas.', 'The "value" member is missing.');
  if (Array.isArray(value) && value.length !== cells) {
    warnings.push({
      sv: `"value" har ${value.length} värden men datamängden ${cells} celler; saknade räknas som tomma.`,
      en: `"value" has ${value.length} values but the dataset ${cells} cells; absent ones count as missing.`,
    });
  }
  const status = ds.status;
  const statusAt = (n: number): string | undefined =>
    typeof status === 'string' ? status : Array.isArray(status) ? text(status[n]) : isObj(status) ? text(status[String(n)]) : undefined;

  const measureIds = new Map<string, { id: string; label: string; unit?: string }>();
  const rows: ImportedRow[] = [];
  let noYear = 0;
  const outside = new OutsideYears('cell');
  let notNumber = 0;
  const coord = new Array<number>(ids.length).fill(0);
  for (let n = 0; n < cells; n++) {
    let rest = n;
    for (let d = 0; d < ids.length; d++) {
      const stride = strides[d] ?? 1;
      coord[d] = Math.floor(rest / stride);
      rest %= stride;
    }
    const g = dims[geoDim];
    const t = dims[timeDim];
    const gi = coord[geoDim] ?? 0;
    const ti = coord[timeDim] ?? 0;
    if (!g || !t) continue;
    const written = yearOf(t.codes[ti] ?? '', t.labels[ti] ?? '');
    const year = readYear(written);
    if (year === null) {
      // A year outside 1900–2099 ("1850") is named with the range, not as "without a year".
      if (!outside.note(written, `${at}.value[${n}]`)) noYear++;
      continue;
    }
    const parts = measureDims.map((d) => dims[d]?.labels[coord[d] ?? 0] ?? '');
    const key = measureDims.map((d) => dims[d]?.codes[coord[d] ?? 0] ?? '').join('\u0000');
    let measure = measureIds.get(key);
    if (!measure) {
      const label = parts.length > 0 ? parts.join(' · ') : (text(ds.label) ?? 'värde');
      const taken = [...measureIds.values()].some((m) => m.id === label);
      const id = taken ? `${label} (${key.split('\u0000').join(' · ')})` : label;
      const unit = metricDim >= 0 ? dims[metricDim]?.units[coord[metricDim] ?? 0] : undefined;
      measure = unit === undefined ? { id, label } : { id, label, unit };
      measureIds.set(key, measure);
    }
    const raw = valueAt(n);
    const st = statusAt(n);
    let v = numberOf(raw);
    let s: ValueStatus = 'ok';
    if (v === null) {
      if (raw !== null && raw !== undefined && !(typeof raw === 'string' && /^[.\-–x:]*$/.test(raw.trim()))) notNumber++;
      s = (st !== undefined && st.trim() !== '') || (typeof raw === 'string' && raw.trim() !== '') ? 'suppressed' : 'missing';
      v = null;
    }
    const code = g.codes[gi] ?? '';
    const name = g.labels[gi];
    const row: ImportedRow = { code, year, value: v, status: s, measure: measure.id, at: `${at}.value[${n}]` };
    if (name !== undefined && name !== code) row.name = name;
    rows.push(row);
  }
  warnings.push(...outside.warnings());
  if (noYear > 0) {
    warnings.push({
      sv: `${noYear} celler utan läsbart år hoppades över.`,
      en: `${noYear} cells without a readable year were skipped.`,
    });
  }
  if (notNumber > 0) {
    warnings.push({
      sv: `${notNumber} värden var inte tal och räknas som undertryckta.`,
      en: `${notNumber} values were not numbers and count as suppressed.`,
    });
  }
  const allOutside = rows.length === 0 && noYear === 0 ? outside.error(fileName) : null;
  if (allOutside) throw new Failure(allOutside.code, allOutside.at ?? `${at}.value`, allOutside.message);
  if (rows.length === 0) {
    return fail('no-rows', `${at}.value`, 'Datamängden innehåller inga värden.', 'The dataset holds no values.');
  }
  const measures = [...measureIds.values()];
  const table: ImportedTable = { kind: 'table', format: 'json-stat', fileName, measures, rows, warnings };
  const title = text(ds.label);
  if (title !== undefined) table.title = title;
  const units = new Set(measures.map((m) => m.unit).filter((u): u is string => u !== undefined));
  const onlyUnit = [...units][0];
  if (units.size === 1 && onlyUnit !== undefined) table.unitText = onlyUnit;
  return table;
}

/** Parses a JSON-stat dataset (or a collection/bundle holding one) into rows per area × year × measure. */
export function parseJsonStat(json: unknown, fileName: string): ImportResult {
  try {
    return parse(json, fileName);
  } catch (e) {
    if (e instanceof Failure) return { kind: 'error', code: e.code, fileName, at: e.at, message: e.message };
    // A guard against the unforeseen: the contract says parsers never throw.
    return {
      kind: 'error',
      code: 'bad-json',
      fileName,
      at: '$',
      message: { sv: `JSON-stat-filen kunde inte läsas: ${String(e)}`, en: `The JSON-stat file could not be read: ${String(e)}` },
    };
  }
}
