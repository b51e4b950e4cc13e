/**
 * The data build: source data (../shared/data) → what the app ships: the TopoJSON boundaries
 * in geodata/ (served as data/geo/ by vite.config.ts) and the catalogue, join report and
 * indicator values in public/data.
 *   npm run data -- [--source ../shared/data] [--out public/data] [--geo-out geodata]
 * Same input gives byte-identical output: no timestamps, sorted codes, fixed rounding.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { AreaProperties, Catalogue, IndicatorMeta, JoinReportEntry, LevelId, LevelMeta } from '../src/data/types';
import { buildBoras } from './boras';
import { LEVEL_TEXT, SOURCES } from './catalogue-entries';
import { buildCodeCatalogue } from './code-catalogue';
import { computeOverlay } from '../src/data/overlay';
import { LEVEL_GEOMETRY, buildBasemap, buildLevelTopology, readGeo, type LevelGeometrySpec } from './geometry';
import { buildKolada } from './kolada';
import { buildScbDeso } from './scb-deso';
import type { IndicatorOutput } from './values';
import { weightFor } from './weights';

/** Repository root (the folder above scripts/). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The boundaries' folder (repository-relative); the app reads it as data/geo/. */
export const GEO_DIR = 'geodata';

/** Repository-relative path of a shipped file named as in the catalogue (`geo/…` is in GEO_DIR). */
export function shippedPath(file: string): string {
  return file.startsWith('geo/') ? `${GEO_DIR}/${file.slice('geo/'.length)}` : `public/data/${file}`;
}

/** What the build owns in its `out` folder (the boundaries are in GEO_DIR). */
export const BUILD_OUTPUTS = ['values', 'basis', 'catalogue.json', 'join-report.json', 'codes.json'] as const;

export interface BuildOptions {
  /** Source data folder (default ../shared/data from the repository root). */
  source?: string;
  /** Output folder (default public/data). */
  out?: string;
  /** Output folder of the TopoJSON boundaries, `geo/…` in the catalogue (default geodata). */
  geoOut?: string;
  /** Progress lines; default console.log. */
  log?: (line: string) => void;
}

/** Size of one written file. */
export interface FileSize {
  path: string;
  raw: number;
  gzip: number;
}

export interface BuildResult {
  files: FileSize[];
  ms: number;
}

/** Runs the whole build; returns the written files (paths relative to out) with sizes. */
export async function buildData(options: BuildOptions = {}): Promise<BuildResult> {
  const t0 = performance.now();
  const source = resolve(REPO_ROOT, options.source ?? '../shared/data');
  const out = resolve(REPO_ROOT, options.out ?? 'public/data');
  const geoOut = resolve(REPO_ROOT, options.geoOut ?? GEO_DIR);
  const log = options.log ?? ((line: string) => console.log(line));
  const files: FileSize[] = [];
  // Paths are the catalogue's (relative to the data URL); `geo/…` lives in geodata/.
  const write = (path: string, text: string) => {
    const full = path.startsWith('geo/') ? join(geoOut, path.slice('geo/'.length)) : join(out, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    const bytes = Buffer.from(text);
    files.push({ path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  };

  // The build owns these outputs: clear them so removed indicators do not linger.
  for (const p of BUILD_OUTPUTS) rmSync(join(out, p), { recursive: true, force: true });
  rmSync(geoOut, { recursive: true, force: true });

  const areas = new Map<LevelId, AreaProperties[]>();
  const levels: LevelMeta[] = [];
  for (const spec of LEVEL_GEOMETRY) {
    const built = await buildLevelTopology(spec, source);
    const file = `geo/${spec.id}.topo.json`;
    write(file, JSON.stringify(built.topology));
    areas.set(spec.id, built.areas);
    levels.push({ id: spec.id, ...LEVEL_TEXT[spec.id], count: built.areas.length, file, bbox: built.bbox });
    log(`geometry ${spec.id}: ${built.areas.length} areas`);
  }
  const basemap = 'geo/basemap.topo.json';
  write(basemap, JSON.stringify(await buildBasemap(source)));

  const codes = (level: LevelId) => (areas.get(level) ?? []).map((a) => a.code);
  const levelAreas = (level: LevelId) => areas.get(level) ?? [];
  const gbgDeso = { level: 'gbg-deso' as const, kommun: '1480', areas: levelAreas('gbg-deso') };

  // Göteborg's own divisions do not nest DeSO: overlay the unsimplified DeSO on the primärområden.
  const spec = (id: LevelId): LevelGeometrySpec => {
    const s = LEVEL_GEOMETRY.find((l) => l.id === id);
    if (!s) throw new Error(`no geometry spec for ${id}`);
    return s;
  };
  const tOverlay = performance.now();
  const desoSpec = spec('gbg-deso');
  const primSpec = spec('gbg-primaromrade');
  const overlay = computeOverlay(
    readGeo(source, desoSpec.file),
    (f) => desoSpec.area(f.properties ?? {}).code,
    readGeo(source, primSpec.file),
    (f) => primSpec.area(f.properties ?? {}).code,
  );
  log(`overlay gbg-deso × gbg-primaromrade: ${overlay.sourceArea.size} DeSO in ${((performance.now() - tOverlay) / 1000).toFixed(1)} s`);
  const prim = new Map(levelAreas('gbg-primaromrade').map((a) => [a.code, a]));
  const estimates = {
    deso: gbgDeso,
    overlay,
    levels: [
      { level: 'gbg-primaromrade' as const, areas: levelAreas('gbg-primaromrade'), parentOf: (c: string) => c },
      { level: 'gbg-mellanomrade' as const, areas: levelAreas('gbg-mellanomrade'), parentOf: (c: string) => prim.get(c)?.parents.mellanomrade },
      { level: 'gbg-stadsomrade' as const, areas: levelAreas('gbg-stadsomrade'), parentOf: (c: string) => prim.get(c)?.parents.stadsomrade },
    ],
  };
  const builds = [
    buildKolada(source, codes('kommun')),
    buildScbDeso(
      source,
      [gbgDeso, { level: 'boras-deso', kommun: '1490', areas: levelAreas('boras-deso') }],
      {
        level: 'gbg-regso',
        areas: levelAreas('gbg-regso'),
        deso: gbgDeso,
      },
      estimates,
      { level: 'kommun', codes: codes('kommun') },
    ),
    buildBoras(source, 'boras-deso', codes('boras-deso')),
  ];

  const indicators: IndicatorMeta[] = [];
  const byId = new Map<string, IndicatorMeta>();
  const outputs: IndicatorOutput[] = builds.flatMap((b) => b.indicators);
  for (const o of outputs) {
    let meta = byId.get(o.meta.id);
    if (!meta) {
      meta = { ...o.meta, levels: {} };
      byId.set(o.meta.id, meta);
      indicators.push(meta);
    }
    const file = `values/${o.values.level}/${o.meta.id}.json`;
    write(file, JSON.stringify(o.values));
    meta.levels[o.values.level] = { years: o.values.years, file, ...(o.derived ? { derived: o.derived } : {}) };
  }
  // Weights once every series is known: a weight is used only where its series is shipped at that level.
  const shipped = new Set(outputs.map((o) => `${o.meta.id}|${o.values.level}`));
  for (const o of outputs) {
    const availability = byId.get(o.meta.id)?.levels[o.values.level];
    if (availability) availability.weight = weightFor(o.weight, o.meta.sex, o.values.level, (id, level) => shipped.has(`${id}|${level}`));
  }
  log(`indicators: ${indicators.length} entries, ${outputs.length} values files`);

  for (const basis of builds.flatMap((b) => b.estimateBasis ?? [])) {
    const file = `basis/${basis.level}.json`;
    write(file, `${JSON.stringify(basis)}\n`);
    const level = levels.find((l) => l.id === basis.level);
    if (level) level.estimateBasis = file;
  }
  const primLevel = levels.find((l) => l.id === 'gbg-primaromrade');
  if (primLevel) primLevel.gapExcluded = unclassifiedAreas(readGeo(source, primSpec.file));

  const catalogue: Catalogue = { version: 1, levels, indicators, sources: [...SOURCES], basemap };
  write('catalogue.json', `${JSON.stringify(catalogue, null, 2)}\n`);
  const joins: JoinReportEntry[] = builds.flatMap((b) => b.joins);
  write('join-report.json', `${JSON.stringify(joins, null, 2)}\n`);
  // The importer's catalogue of codes: loaded by the import worker only, never in the first view.
  write('codes.json', `${JSON.stringify(buildCodeCatalogue(source, areas, log))}\n`);
  return { files, ms: performance.now() - t0 };
}

/**
 * Göteborg's primärområden the city's socioeconomic division leaves unclassified ("Ej klassificerat",
 * class 99: harbour and industrial areas with few residents). Their values are estimates spread from
 * DeSO that mostly lie elsewhere, so the gap measures leave them out by default.
 */
export function unclassifiedAreas(fc: { features: { properties: Record<string, unknown> | null }[] }): NonNullable<LevelMeta['gapExcluded']> {
  const areas = fc.features
    .map((f) => f.properties ?? {})
    .filter((p) => String(p.gbg_socioekonomisk_omr_kod) === '99')
    .map((p) => ({ code: String(p.omrade_kod), name: String(p.omrade_namn) }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const list = areas.map((a) => `${a.name} (${a.code})`).join(', ');
  return {
    codes: areas.map((a) => a.code),
    note: {
      sv: `${list} är ”Ej klassificerat” i Göteborgs Stads socioekonomiska indelning: hamn- och industriområden med få invånare. Deras värden är uppskattade från DeSO som till största delen ligger i andra områden, så de räknas inte med i gapmåtten (de visas på kartan).`,
      en: `${list} are "not classified" in the City of Gothenburg's socioeconomic division: harbour and industrial areas with few residents. Their values are estimated from DeSO that lie mostly in other areas, so they are left out of the gap measures (they are shown on the map).`,
    },
  };
}

/** The table of file sizes printed at the end of the build. */
export function sizeTable(files: readonly FileSize[]): string {
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(8);
  const lines = ['file                                   raw kB  gzip kB'];
  for (const f of files.filter((f) => f.path.startsWith('geo/') || !f.path.startsWith('values/'))) {
    lines.push(`${f.path.padEnd(36)} ${kb(f.raw)} ${kb(f.gzip)}`);
  }
  const values = files.filter((f) => f.path.startsWith('values/'));
  const sum = (k: 'raw' | 'gzip') => values.reduce((s, f) => s + f[k], 0);
  lines.push(`${`values/ (${values.length} files)`.padEnd(36)} ${kb(sum('raw'))} ${kb(sum('gzip'))}`);
  return lines.join('\n');
}

/** Folder options of the data scripts (`--source`, `--out`, …), resolved against the working directory. */
export function folderOptions<K extends string>(argv: readonly string[], names: readonly K[]): Partial<Record<K, string>> {
  const { values } = parseArgs({
    args: [...argv],
    options: Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])),
    strict: true,
  });
  const out: Partial<Record<K, string>> = {};
  for (const name of names) {
    const value = values[name];
    if (typeof value === 'string') out[name] = resolve(process.cwd(), value);
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { 'geo-out': geoOut, ...folders } = folderOptions(process.argv.slice(2), ['source', 'out', 'geo-out']);
  const options: BuildOptions = { ...folders, geoOut };
  const result = await buildData(options);
  console.log(sizeTable(result.files));
  const where = (dir: string) => relative(process.cwd(), resolve(REPO_ROOT, dir)) || '.';
  console.log(
    `wrote ${result.files.length} files to ${where(options.out ?? 'public/data')} and ${where(options.geoOut ?? GEO_DIR)} in ${(result.ms / 1000).toFixed(1)} s`,
  );
}
