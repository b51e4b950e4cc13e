/**
 * Refreshes the shipped indicators from the open APIs, then runs the data build:
 *   npm run data:fetch -- [--source ../shared/data] [--out-source .tmp/fetched-source] [--out public/data]
 * Kolada API v2 → DDF CSVs (the layout of indicators/kolada/); SCB PxWeb API v2 → the DeSO tables as JSON-stat
 * in place of their xlsx exports (read by scripts/scb-deso.ts), and the Borås indicators into the rows of
 * indicators/boras-deso/boras-deso-2024-2025.csv. Everything is written to a staging folder first and swapped
 * into place only when every download, conversion and the build succeeded: a failure changes nothing.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Localized } from '../src/data/types';
import { koladaNextPage, parseKoladaV2 } from '../src/import/kolada-api';
import type { ImportedRow } from '../src/import/types';
import { BUILD_OUTPUTS, buildData, folderOptions, GEO_DIR, REPO_ROOT, sizeTable, type BuildOptions } from './build-data';
import { KOLADA_ENTRIES } from './catalogue-entries';
import { parseCsvRecords } from '../src/data/csv';
import {
  BORAS_SOURCES,
  KOLADA_API,
  KOLADA_FIRST_YEAR,
  KOLADA_PER_PAGE,
  SCB_API,
  SCB_KOMMUNER,
  SCB_TABLES,
  type BorasSource,
  type ScbTableSource,
} from './fetch-sources';
import { bareDeso, isDeso, pickSum, PxError, pxSelection, readPxCube, regionAndTime, type PxCube, type PxQuery } from './pxweb';
import { scbTableFromPxWeb } from './scb-jsonstat';

/** The part of `fetch` this script uses (injected in tests). */
export type FetchFn = (
  url: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

export interface FetchDataOptions {
  /** Default: the global fetch. */
  fetch?: FetchFn;
  /** The source data the refreshed files are laid over (default ../shared/data). */
  source?: string;
  /** Where the refreshed source is written (default .tmp/fetched-source). */
  outSource?: string;
  /** Output of the build (default public/data). */
  out?: string;
  /** The build's boundaries folder (default geodata). */
  geoOut?: string;
  /** The build to run on the refreshed source; false skips it (default buildData). */
  build?: ((options: BuildOptions) => Promise<unknown>) | false;
  /** KPIs to fetch (default: the catalogue's 23). */
  kpis?: readonly string[];
  /** SCB DeSO tables to fetch (default SCB_TABLES; those without a v2 query are kept as saved). */
  scbTables?: readonly ScbTableSource[];
  /** Borås indicators to fetch into boras-deso-2024-2025.csv (default BORAS_SOURCES). */
  borasSources?: readonly BorasSource[];
  /** Pause between SCB requests (default 350 ms: SCB allows 30 requests per 10 s). */
  scbPauseMs?: number;
  /** Last year asked of Kolada (default: the current year). */
  lastYear?: number;
  /** Time allowed for each request before the network counts as unavailable (default 8 s). */
  timeoutMs?: number;
  log?: (line: string) => void;
}

/** Why data:fetch stopped; the message is meant for the person running it, in both languages. */
export class FetchDataError extends Error {
  constructor(
    readonly kind: 'offline' | 'bad-response',
    readonly text: Localized,
  ) {
    super(`${text.sv}\n${text.en}`);
    this.name = 'FetchDataError';
  }
}

const offline = (host: string, cause: unknown): FetchDataError =>
  new FetchDataError('offline', {
    sv: `Ingen nätverksanslutning till ${host} (${describe(cause)}): inget har ändrats.`,
    en: `No network connection to ${host} (${describe(cause)}): nothing was changed.`,
  });

const describe = (e: unknown): string => {
  if (e instanceof Error) {
    const cause = (e as Error & { cause?: unknown }).cause;
    const code = cause && typeof cause === 'object' && 'code' in cause ? String(cause.code) : '';
    return [e.name === 'TimeoutError' ? 'timeout' : e.message, code].filter(Boolean).join(', ');
  }
  return String(e);
};

/** GETs (or POSTs) JSON; a network failure or timeout is 'offline', an HTTP error 'bad-response'. */
async function getJson(fetchFn: FetchFn, url: string, timeoutMs: number, body?: unknown): Promise<unknown> {
  const host = new URL(url).host;
  let response: Awaited<ReturnType<FetchFn>>;
  try {
    response = await fetchFn(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    throw offline(host, e);
  }
  if (!response.ok) {
    throw new FetchDataError('bad-response', {
      sv: `${host} svarade ${response.status} på ${url}: inget har ändrats.`,
      en: `${host} answered ${response.status} to ${url}: nothing was changed.`,
    });
  }
  try {
    return await response.json();
  } catch (e) {
    throw new FetchDataError('bad-response', {
      sv: `${host} gav inte JSON för ${url} (${describe(e)}): inget har ändrats.`,
      en: `${host} did not return JSON for ${url} (${describe(e)}): nothing was changed.`,
    });
  }
}

/** Kolada's region codes as the DDF dump writes them: Sweden "0000" → "0", county "0014" → "14". */
export function ddfGeo(code: string): string {
  if (code === '0000') return '0';
  const county = /^00(\d\d)$/.exec(code);
  return county?.[1] ?? code;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Kolada rows of one KPI → the DDF CSVs the build reads: the total (gender T) and, when the KPI is
 * divided by gender, women and men (k, m). Missing and suppressed values are absent rows, as in the dump.
 */
export function koladaToDdf(kpi: string, rows: readonly ImportedRow[]): { total: string; byGender: string | null } {
  const col = kpi.toLowerCase();
  const total: string[] = [];
  const gender: string[] = [];
  const seen = new Set<string>();
  const sorted = [...rows].sort((a, b) => byText(ddfGeo(a.code), ddfGeo(b.code)) || a.year - b.year || byText(a.measure ?? '', b.measure ?? ''));
  for (const r of sorted) {
    if (r.value === null) continue;
    const g = (r.measure ?? '').slice(kpi.length + 1);
    const key = `${r.code}|${r.year}|${g}`;
    // Pages can overlap if Kolada updates between requests: keep the first row.
    if (seen.has(key)) continue;
    seen.add(key);
    const geo = ddfGeo(r.code);
    if (g === 'T') total.push(`${geo},${r.year},${r.value}`);
    else if (g === 'K' || g === 'M') gender.push(`${geo},${g.toLowerCase()},${r.year},${r.value}`);
  }
  return {
    total: [`geo,year,${col}`, ...total, ''].join('\n'),
    byGender: gender.length > 0 ? [`geo,gender,year,${col}`, ...gender, ''].join('\n') : null,
  };
}

/** All rows of one KPI from Kolada, following `next_page`. */
async function fetchKpi(fetchFn: FetchFn, kpi: string, years: number[], timeoutMs: number): Promise<ImportedRow[]> {
  let url: string | null = `${KOLADA_API}/data/kpi/${kpi}/year/${years.join(',')}?per_page=${KOLADA_PER_PAGE}`;
  const rows: ImportedRow[] = [];
  const visited = new Set<string>();
  while (url && !visited.has(url)) {
    visited.add(url);
    const json = await getJson(fetchFn, url, timeoutMs);
    const parsed = parseKoladaV2(json, url);
    // An empty last page is fine; anything else unreadable stops the refresh.
    if (parsed.kind === 'error' && parsed.code !== 'no-rows') {
      throw new FetchDataError('bad-response', {
        sv: `Kolada-svaret för ${kpi} kunde inte läsas (${parsed.message.sv}, ${parsed.at ?? '$'}): inget har ändrats.`,
        en: `The Kolada response for ${kpi} could not be read (${parsed.message.en}, ${parsed.at ?? '$'}): nothing was changed.`,
      });
    }
    if (parsed.kind === 'table') rows.push(...parsed.rows.filter((r) => r.measure?.startsWith(`${kpi}-`)));
    url = koladaNextPage(json);
  }
  if (!rows.some((r) => r.value !== null)) {
    throw new FetchDataError('bad-response', {
      sv: `Kolada gav inga värden för ${kpi}: inget har ändrats.`,
      en: `Kolada returned no values for ${kpi}: nothing was changed.`,
    });
  }
  return rows;
}

/** An unreadable or unexpected SCB answer (or a configured code SCB does not have): stops the refresh. */
const scbProblem = (e: unknown): FetchDataError => {
  const text = e instanceof PxError ? e.text : { sv: describe(e), en: describe(e) };
  return new FetchDataError('bad-response', {
    sv: `SCB-svaret kunde inte användas: ${text.sv} Inget har ändrats.`,
    en: `The SCB response could not be used: ${text.en} Nothing was changed.`,
  });
};

/** SCB PxWeb v2 reads of one run: metadata per table and data per query are fetched once. */
function scbClient(fetchFn: FetchFn, timeoutMs: number, pauseMs: number) {
  const metadata = new Map<string, Promise<PxCube>>();
  const data = new Map<string, Promise<unknown>>();
  let queue: Promise<unknown> = Promise.resolve();
  // One request at a time, spaced: SCB allows 30 requests per 10 seconds.
  const paced = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(async () => {
      const r = await run();
      if (pauseMs > 0) await new Promise((ok) => setTimeout(ok, pauseMs));
      return r;
    });
    queue = next.catch(() => undefined);
    return next;
  };
  const meta = (id: string): Promise<PxCube> => {
    let m = metadata.get(id);
    if (!m) {
      m = paced(() => getJson(fetchFn, `${SCB_API}/tables/${id}/metadata?lang=sv`, timeoutMs)).then((json) => {
        try {
          return readPxCube(json, `${id} metadata`);
        } catch (e) {
          throw scbProblem(e);
        }
      });
      metadata.set(id, m);
    }
    return m;
  };
  /** The JSON-stat 2.0 answer to a query for the DeSO of `kommuner`. */
  const get = async (query: PxQuery, kommuner: readonly string[]): Promise<unknown> => {
    let selection;
    try {
      selection = pxSelection(await meta(query.v2Id), query, kommuner);
    } catch (e) {
      throw e instanceof FetchDataError ? e : scbProblem(e);
    }
    const url = `${SCB_API}/tables/${query.v2Id}/data?lang=sv&outputFormat=json-stat2`;
    const body = { selection };
    const key = `${url} ${JSON.stringify(body)}`;
    let d = data.get(key);
    if (!d) data.set(key, (d = paced(() => getJson(fetchFn, url, timeoutMs, body))));
    return d;
  };
  return { meta, get };
}

const BORAS_FILE = 'indicators/boras-deso/boras-deso-2024-2025.csv';

/** Rows `desokod,year,indicator,value` of one Borås indicator from its PxWeb v2 answer (empty cells: no row). */
export function borasRows(source: BorasSource, json: unknown): string[] {
  const cube = readPxCube(json, `${source.query.v2Id} (${source.indicator})`);
  const { region, time } = regionAndTime(cube);
  const num = pickSum(cube, source.numerator);
  const den = source.denominator ? pickSum(cube, source.denominator) : undefined;
  const rows: string[] = [];
  cube.dims[region]?.codes.forEach((code, ri) => {
    if (!isDeso(code)) return;
    cube.dims[time]?.codes.forEach((period, ti) => {
      const a = num(ri, ti);
      const b = den?.(ri, ti);
      if (typeof a !== 'number' || (den && (typeof b !== 'number' || b <= 0))) return;
      const value = den ? (100 * a) / (b as number) : a;
      rows.push(`${bareDeso(code)},${period.slice(0, 4)},${source.indicator},${Number(value.toFixed(source.decimals))}`);
    });
  });
  if (rows.length === 0) throw new PxError({ sv: `${cube.label}: inga värden.`, en: `${cube.label}: no values.` });
  return rows;
}

/** The Borås csv with the refreshed indicators' rows replaced; other indicators' rows are kept. */
export function mergeBorasCsv(old: string | null, fresh: ReadonlyMap<string, readonly string[]>): string {
  const kept = (old === null ? [] : parseCsvRecords(old))
    .filter((r) => !fresh.has(r.indicator ?? ''))
    .map((r) => `${r.desokod},${r.year},${r.indicator},${r.value}`);
  const rows = [...kept, ...[...fresh.values()].flat()];
  const key = (row: string) => row.split(',');
  rows.sort((x, y) => {
    const [a, b] = [key(x), key(y)];
    return byText(a[0] ?? '', b[0] ?? '') || byText(a[2] ?? '', b[2] ?? '') || byText(a[1] ?? '', b[1] ?? '');
  });
  return ['desokod,year,indicator,value', ...rows, ''].join('\n');
}

/** Replaces `target` by `staged` (same file system), keeping the old one until the rename succeeded. */
function swapInto(staged: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  const old = `${target}.old-${process.pid}`;
  if (existsSync(target)) renameSync(target, old);
  try {
    renameSync(staged, target);
  } catch (e) {
    if (existsSync(old)) renameSync(old, target);
    throw e;
  }
  rmSync(old, { recursive: true, force: true });
}

/** What data:fetch wrote. */
export interface FetchDataResult {
  /** Source files written (relative to outSource). */
  written: string[];
  /** SCB tables left as saved (no confirmed v2 id). */
  skippedScb: string[];
}

/** Fetches, converts to the source layout, builds, and swaps everything into place; throws FetchDataError. */
export async function fetchData(options: FetchDataOptions = {}): Promise<FetchDataResult> {
  const fetchFn = options.fetch ?? (globalThis.fetch as unknown as FetchFn);
  const source = resolve(REPO_ROOT, options.source ?? '../shared/data');
  const outSource = resolve(REPO_ROOT, options.outSource ?? '.tmp/fetched-source');
  const out = resolve(REPO_ROOT, options.out ?? 'public/data');
  const geoOut = resolve(REPO_ROOT, options.geoOut ?? GEO_DIR);
  const timeoutMs = options.timeoutMs ?? 8000;
  const log = options.log ?? ((line: string) => console.log(line));
  const kpis = options.kpis ?? KOLADA_ENTRIES.map((e) => e.kpi);
  const lastYear = options.lastYear ?? new Date().getFullYear();
  const years = Array.from({ length: lastYear - KOLADA_FIRST_YEAR + 1 }, (_, i) => KOLADA_FIRST_YEAR + i);
  const scbTables = options.scbTables ?? SCB_TABLES;
  const scb = scbTables.flatMap((t) => (t.query ? [{ ...t, query: t.query }] : []));
  const skippedScb = scbTables.filter((t) => t.query === null).map((t) => t.table);
  const boras = options.borasSources ?? BORAS_SOURCES;
  const scbApi = scbClient(fetchFn, timeoutMs, options.scbPauseMs ?? 350);

  // Probe both APIs first, so that an offline machine stops before any work (and well within the timeout).
  await getJson(fetchFn, `${KOLADA_API}/kpi/${kpis[0] ?? 'N01951'}`, timeoutMs);
  const firstScb = scb[0]?.query.v2Id ?? boras[0]?.query.v2Id;
  if (firstScb) await scbApi.meta(firstScb);

  mkdirSync(dirname(outSource), { recursive: true });
  const stage = mkdtempSync(join(dirname(outSource), `.${basename(outSource)}-staging-`));
  try {
    const stagedSource = join(stage, 'source');
    cpSync(existsSync(outSource) ? outSource : source, stagedSource, { recursive: true });
    const written: string[] = [];
    const put = (path: string, text: string) => {
      const full = join(stagedSource, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
      written.push(path);
    };

    for (const kpi of kpis) {
      const rows = await fetchKpi(fetchFn, kpi, years, timeoutMs);
      const ddf = koladaToDdf(kpi, rows);
      const base = `indicators/kolada/ddf--datapoints--${kpi.toLowerCase()}--by--geo--`;
      put(`${base}year.csv`, ddf.total);
      rmSync(join(stagedSource, `${base}gender--year.csv`), { force: true });
      if (ddf.byGender) put(`${base}gender--year.csv`, ddf.byGender);
      log(`kolada ${kpi}: ${rows.filter((r) => r.value !== null).length} values`);
    }

    if (scb.length + boras.length > 0) {
      log('scb: table ids and codes are from scripts/fetch-sources.ts, confirmed in public code using the API, not yet against the live API');
    }
    const deso = join(stagedSource, 'indicators', 'scb-deso-2022');
    for (const t of scb) {
      const json = await scbApi.get(t.query, SCB_KOMMUNER);
      const file = `${t.table}.json`;
      let table;
      try {
        // Converted now as the build will, so that a response the build cannot read stops here, named.
        table = scbTableFromPxWeb(json, file, t.columns);
      } catch (e) {
        throw scbProblem(e);
      }
      // The JSON-stat replaces the xlsx export of the same table (scb-deso.ts reads either).
      for (const f of existsSync(deso) ? readdirSync(deso) : []) if (f.startsWith(t.table)) rmSync(join(deso, f));
      put(`indicators/scb-deso-2022/${file}`, `${JSON.stringify(json)}\n`);
      log(`scb ${t.table} (${t.query.v2Id}): ${table.rows.size} DeSO ${table.desoVersion ?? ''}, ${table.columns[0]?.year ?? ''} — ${t.confirmed}`);
    }
    if (boras.length > 0) {
      const fresh = new Map<string, string[]>();
      for (const b of boras) {
        const json = await scbApi.get(b.query, ['1490']);
        try {
          fresh.set(b.indicator, borasRows(b, json));
        } catch (e) {
          throw scbProblem(e);
        }
        log(`scb ${b.query.v2Id} → boras ${b.indicator}: ${fresh.get(b.indicator)?.length ?? 0} values`);
      }
      const path = join(stagedSource, BORAS_FILE);
      put(BORAS_FILE, mergeBorasCsv(existsSync(path) ? readFileSync(path, 'utf8') : null, fresh));
    }
    if (skippedScb.length > 0) log(`scb: kept the saved xlsx of ${skippedScb.join(', ')}: no PxWeb v2 table configured in scripts/fetch-sources.ts`);

    const build = options.build === undefined ? buildData : options.build;
    if (build) {
      const stagedOut = join(stage, 'out');
      const stagedGeo = join(stage, 'geodata');
      cpSync(out, stagedOut, { recursive: true });
      await build({ source: stagedSource, out: stagedOut, geoOut: stagedGeo, log });
      // Swap only the build's own outputs; anything else in public/data stays as it is.
      for (const p of BUILD_OUTPUTS) {
        if (existsSync(join(stagedOut, p))) swapInto(join(stagedOut, p), join(out, p));
      }
      if (existsSync(stagedGeo)) swapInto(stagedGeo, geoOut);
    }
    swapInto(stagedSource, outSource);
    return { written: written.sort(), skippedScb };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { source, out, 'out-source': outSource } = folderOptions(process.argv.slice(2), ['source', 'out', 'out-source']);
  const options: FetchDataOptions = { source, out, outSource };
  try {
    const files: { path: string; raw: number; gzip: number }[] = [];
    const result = await fetchData({
      ...options,
      build: async (o) => {
        const r = await buildData(o);
        files.push(...r.files);
        return r;
      },
    });
    console.log(sizeTable(files));
    console.log(`data:fetch: ${result.written.length} source files refreshed in ${options.outSource ?? '.tmp/fetched-source'}; public data rebuilt.`);
  } catch (e) {
    if (!(e instanceof FetchDataError)) throw e;
    console.error(e.text.sv);
    console.error(e.text.en);
    process.exitCode = 1;
  }
}
