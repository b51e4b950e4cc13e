/**
 * Refreshes the shipped indicators from the open APIs, then runs the data build:
 *   npm run data:fetch -- [--source ../shared/data] [--out-source .tmp/fetched-source] [--out public/data]
 * Kolada API v2 → DDF CSVs (the layout of indicators/kolada/); SCB PxWeb API v2 → JSON-stat beside the
 * xlsx exports (read by scripts/scb-deso.ts). Everything is written to a staging folder first and swapped
 * into place only when every download, conversion and the build succeeded: a failure changes nothing.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Localized } from '../src/data/types';
import { koladaNextPage, parseKoladaV2 } from '../src/import/kolada-api';
import type { ImportedRow } from '../src/import/types';
import { BUILD_OUTPUTS, buildData, folderOptions, GEO_DIR, REPO_ROOT, sizeTable, type BuildOptions } from './build-data';
import { KOLADA_ENTRIES } from './catalogue-entries';
import { KOLADA_API, KOLADA_FIRST_YEAR, KOLADA_PER_PAGE, SCB_API, SCB_TABLES, type ScbTableSource } from './fetch-sources';

/** The part of `fetch` this script uses (injected in tests). */
export type FetchFn = (url: string, init?: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<{
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
  /** SCB tables to fetch (default SCB_TABLES; those without a v2 id are skipped). */
  scbTables?: readonly ScbTableSource[];
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
  const scb = (options.scbTables ?? SCB_TABLES).filter((t) => t.v2Id !== null);
  const skippedScb = (options.scbTables ?? SCB_TABLES).filter((t) => t.v2Id === null).map((t) => t.table);

  // Probe first, so that an offline machine stops before any work (and well within the timeout).
  await getJson(fetchFn, `${KOLADA_API}/kpi/${kpis[0] ?? 'N01951'}`, timeoutMs);

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

    for (const t of scb) {
      const json = await getJson(fetchFn, `${SCB_API}/tables/${t.v2Id}/data?lang=sv&outputFormat=json-stat2`, timeoutMs, { selection: t.selection });
      const dir = join(stagedSource, 'indicators', 'scb-deso-2022');
      // The JSON-stat replaces the xlsx export of the same table (scb-deso.ts reads either).
      for (const f of existsSync(dir) ? readdirSync(dir) : []) if (f.startsWith(t.table)) rmSync(join(dir, f));
      put(`indicators/scb-deso-2022/${t.table}.json`, `${JSON.stringify(json)}\n`);
      log(`scb ${t.table} (${t.v2Id}): saved as JSON-stat`);
    }
    if (skippedScb.length > 0) log(`scb: kept the saved xlsx of ${skippedScb.join(', ')} (no confirmed PxWeb v2 table id in scripts/fetch-sources.ts)`);

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
