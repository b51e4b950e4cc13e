/**
 * SCB PxWeb API v2 for `npm run data:fetch`: reading a table's metadata and data (both JSON-stat 2.0),
 * building a data query from the metadata, and picking cells by value code or label.
 * Pure; throws PxError with a message in both languages (data:fetch turns it into "nothing was changed").
 */
import type { Localized } from '../src/data/types';

export class PxError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
    this.name = 'PxError';
  }
}

const fail = (sv: string, en: string): never => {
  throw new PxError({ sv, en });
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** One variable of a table: its code (JSON-stat dimension id), label and categories in index order. */
export interface PxDimension {
  id: string;
  label: string;
  codes: string[];
  labels: string[];
}

/** A value as the DeSO build reads it: a number, 'suppressed' (SCB's "..") or null (empty). */
export type PxValue = number | 'suppressed' | null;

/** A JSON-stat 2.0 dataset: the metadata response (no values) or a data response. */
export interface PxCube {
  label: string;
  dims: PxDimension[];
  /** The value at one category index per dimension (data responses only). */
  value(coord: readonly number[]): PxValue;
}

function readDim(id: string, raw: unknown, where: string): PxDimension {
  if (!isObj(raw) || !isObj(raw.category)) return fail(`${where}: variabeln "${id}" saknar kategorier.`, `${where}: variable "${id}" has no categories.`);
  const cat = raw.category;
  const labels = isObj(cat.label) ? cat.label : {};
  let codes: string[];
  if (Array.isArray(cat.index)) codes = cat.index.map((c) => str(c) ?? '');
  else if (isObj(cat.index)) {
    codes = [];
    for (const [code, pos] of Object.entries(cat.index)) if (typeof pos === 'number') codes[pos] = code;
  } else codes = Object.keys(labels);
  return { id, label: str(raw.label) ?? id, codes, labels: codes.map((c) => str(labels[c]) ?? c) };
}

/** Reads a PxWeb v2 JSON-stat 2.0 response; `where` names it in messages (e.g. "TAB6680 metadata"). */
export function readPxCube(json: unknown, where: string): PxCube {
  if (!isObj(json) || !isObj(json.dimension))
    return fail(`${where}: inget JSON-stat-dataset (medlemmen "dimension" saknas).`, `${where}: not a JSON-stat dataset (no "dimension" member).`);
  const dimension = json.dimension;
  const ids = Array.isArray(json.id) ? json.id.map((x) => str(x) ?? '') : Object.keys(dimension);
  const dims = ids.map((id) => readDim(id, dimension[id], where));
  const sizes = dims.map((d) => d.codes.length);
  if (Array.isArray(json.size) && json.size.some((n, i) => n !== sizes[i])) {
    fail(`${where}: "size" stämmer inte med kategorierna.`, `${where}: "size" does not match the categories.`);
  }
  const strides = sizes.map((_, i) => sizes.slice(i + 1).reduce((p, n) => p * n, 1));
  const values = json.value;
  const status = json.status;
  const at = (n: number): unknown => (Array.isArray(values) ? values[n] : isObj(values) ? values[String(n)] : undefined);
  const statusAt = (n: number): string | undefined => (Array.isArray(status) ? str(status[n]) : isObj(status) ? str(status[String(n)]) : undefined);
  return {
    label: str(json.label) ?? where,
    dims,
    value(coord) {
      const n = coord.reduce((sum, c, i) => sum + c * (strides[i] ?? 0), 0);
      const v = at(n);
      if (typeof v === 'number' && Number.isFinite(v)) return v;
      // SCB marks suppressed or not yet published cells with a status such as ".."; a bare null is empty.
      return statusAt(n) !== undefined || typeof v === 'string' ? 'suppressed' : null;
    },
  };
}

const same = (a: string, b: string): boolean => a.localeCompare(b, 'sv', { sensitivity: 'accent' }) === 0;

/** The dimension named by its code ("Alder") or its label ("ålder"); undefined when absent. */
export function findDim(cube: PxCube, name: string): number | undefined {
  const i = cube.dims.findIndex((d) => d.id === name || same(d.label, name));
  return i < 0 ? undefined : i;
}

/** The category named by its value code ("0000089X") or, failing that, its label ("antal sysselsatta"). */
export function findCategory(dim: PxDimension, name: string): number | undefined {
  const byCode = dim.codes.indexOf(name);
  if (byCode >= 0) return byCode;
  const byLabel = dim.labels.findIndex((l) => same(l.trim(), name));
  return byLabel < 0 ? undefined : byLabel;
}

const REGION = /^(region|område)$/i;
const TIME = /^(tid|år)$/i;
const DESO = /^(\d{4})[A-C]\d{4}(_DeSO\d{4})?$/;

export const isRegionDim = (d: PxDimension): boolean => REGION.test(d.id) || REGION.test(d.label);
export const isTimeDim = (d: PxDimension): boolean => TIME.test(d.id) || TIME.test(d.label);

/** Which periods to ask for: the newest, or every year from one on. */
export type PxYears = 'latest' | { from: number };

/** How to query one table: values per variable (code or label of the variable; codes or labels, or "*" for all). */
export interface PxQuery {
  v2Id: string;
  select: Readonly<Record<string, readonly string[]>>;
  years: PxYears;
}

/** One variable's selection in a PxWeb v2 data query (POST body `{ selection: [...] }`). */
export interface PxSelection {
  variableCode: string;
  valueCodes: string[];
}

/**
 * The DeSO codes of the given kommuner in a Region variable. Tables that carry both DeSO versions list the
 * 2025 codes with a suffix ("1480C1622_DeSO2025", valid from reference year 2024) beside the bare 2018 codes:
 * the newest version present is chosen, as the map's geometry is DeSO 2025.
 */
export function desoCodes(region: PxDimension, kommuner: readonly string[]): string[] {
  const matches = region.codes.filter((c) => {
    const m = DESO.exec(c);
    return m !== null && kommuner.includes(m[1] ?? '');
  });
  const version = (c: string) => Number(/_DeSO(\d{4})$/.exec(c)?.[1] ?? 2018);
  const newest = Math.max(...matches.map(version));
  return matches.filter((c) => version(c) === newest);
}

/**
 * The data query for a table, built from its metadata: DeSO of the kommuner, the years asked for, and each
 * configured variable's codes (labels are resolved to codes, "*" to all codes). Every variable is listed, so
 * nothing is left to the server's defaults; a variable not configured must have a single category.
 */
export function pxSelection(meta: PxCube, query: PxQuery, kommuner: readonly string[]): PxSelection[] {
  const where = `${query.v2Id}`;
  const used = new Set<string>();
  const selection = meta.dims.map((d): PxSelection => {
    if (isRegionDim(d)) {
      const codes = desoCodes(d, kommuner);
      if (codes.length === 0)
        fail(`${where}: inga DeSO för ${kommuner.join(', ')} i variabeln ${d.id}.`, `${where}: no DeSO of ${kommuner.join(', ')} in variable ${d.id}.`);
      return { variableCode: d.id, valueCodes: codes };
    }
    if (isTimeDim(d)) {
      const years = d.codes.filter((c) => /^\d{4}$/.test(c)).sort();
      const codes = query.years === 'latest' ? years.slice(-1) : years.filter((y) => Number(y) >= (query.years as { from: number }).from);
      if (codes.length === 0) fail(`${where}: inga år att hämta i variabeln ${d.id}.`, `${where}: no years to fetch in variable ${d.id}.`);
      return { variableCode: d.id, valueCodes: codes };
    }
    const key = Object.keys(query.select).find((k) => k === d.id || same(k, d.label));
    if (key === undefined) {
      if (d.codes.length === 1) return { variableCode: d.id, valueCodes: [...d.codes] };
      return fail(
        `${where}: variabeln ${d.id} (${d.label}) har ${d.codes.length} värden men inget urval i scripts/fetch-sources.ts.`,
        `${where}: variable ${d.id} (${d.label}) has ${d.codes.length} values but no selection in scripts/fetch-sources.ts.`,
      );
    }
    used.add(key);
    const wanted = query.select[key] ?? [];
    if (wanted.includes('*')) return { variableCode: d.id, valueCodes: [...d.codes] };
    return {
      variableCode: d.id,
      valueCodes: wanted.map((w) => {
        const i = findCategory(d, w);
        return i === undefined
          ? fail(`${where}: variabeln ${d.id} har inget värde "${w}".`, `${where}: variable ${d.id} has no value "${w}".`)
          : (d.codes[i] ?? w);
      }),
    };
  });
  const unknown = Object.keys(query.select).filter((k) => !used.has(k));
  if (unknown.length > 0) fail(`${where}: tabellen har ingen variabel ${unknown.join(', ')}.`, `${where}: the table has no variable ${unknown.join(', ')}.`);
  return selection;
}

/** A cell picked by value (code or label) per variable; variables left out must have a single category. */
export type PxPick = Readonly<Record<string, string>>;

/** The fixed coordinates of a pick, with the region and time dimensions left open (-1). */
function pickCoord(cube: PxCube, pick: PxPick): number[] {
  const coord: number[] = cube.dims.map((d) => (isRegionDim(d) || isTimeDim(d) ? -1 : d.codes.length === 1 ? 0 : -2));
  for (const [name, value] of Object.entries(pick)) {
    const di = findDim(cube, name);
    const d = di === undefined ? undefined : cube.dims[di];
    if (di === undefined || !d) return fail(`${cube.label}: ingen variabel ${name}.`, `${cube.label}: no variable ${name}.`);
    const ci = findCategory(d, value);
    if (ci === undefined)
      return fail(`${cube.label}: variabeln ${d.id} har inget värde "${value}".`, `${cube.label}: variable ${d.id} has no value "${value}".`);
    coord[di] = ci;
  }
  const open = coord.findIndex((c) => c === -2);
  if (open >= 0) {
    const d = cube.dims[open];
    fail(
      `${cube.label}: inget värde valt för variabeln ${d?.id} (${d?.codes.length} värden).`,
      `${cube.label}: no value picked for variable ${d?.id} (${d?.codes.length} values).`,
    );
  }
  return coord;
}

/** Region and time positions of a cube (throws when either is missing). */
export function regionAndTime(cube: PxCube): { region: number; time: number } {
  const region = cube.dims.findIndex(isRegionDim);
  const time = cube.dims.findIndex(isTimeDim);
  if (region < 0 || time < 0) fail(`${cube.label}: variabeln Region eller Tid saknas.`, `${cube.label}: the Region or Tid variable is missing.`);
  return { region, time };
}

/**
 * The sum of the picked cells for one region and period: suppressed if any part is, null if any part is empty.
 * Returns a reader so the picks are resolved once per table.
 */
export function pickSum(cube: PxCube, picks: readonly PxPick[]): (regionIndex: number, timeIndex: number) => PxValue {
  const { region, time } = regionAndTime(cube);
  const coords = picks.map((p) => pickCoord(cube, p));
  return (ri, ti) => {
    let sum = 0;
    let empty = false;
    for (const c of coords) {
      c[region] = ri;
      c[time] = ti;
      const v = cube.value(c);
      if (v === 'suppressed') return 'suppressed';
      if (v === null) empty = true;
      else sum += v;
    }
    return empty ? null : sum;
  };
}

/** The DeSO code without SCB's version suffix ("1480C1622_DeSO2025" → "1480C1622"). */
export const bareDeso = (code: string): string => code.replace(/_DeSO\d{4}$/, '');

/** Whether a Region code is a DeSO code (either version). */
export const isDeso = (code: string): boolean => DESO.test(code);
