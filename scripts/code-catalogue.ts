/**
 * The importer's catalogue of codes (public/data/codes.json, see src/import/code-catalogue.ts):
 * the shipped levels' codes and names, Sweden's län, every DeSO 2018 code (from the SCB tables,
 * checked against SCB's DeSO→RegSO key), every RegSO 2020 with its name, and the DeSO 2018 codes
 * that the DeSO 2025 map levels replaced.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../src/data/csv';
import { parseScbTable } from '../src/data/scb-table';
import type { AreaProperties, LevelId, ShippedLevelId } from '../src/data/types';
import { readXlsx } from '../src/data/xlsx';
import type { CodeCatalogue } from '../src/import/code-catalogue';

const DESO = /^\d{4}[A-C]\d{4}$/;
const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Groups codes by their kommun (first four characters): kommun → the rest of each code, sorted. */
function byKommun<T>(items: readonly T[], codeOf: (item: T) => string): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const item of [...items].sort((a, b) => byCode(codeOf(a), codeOf(b)))) (out[codeOf(item).slice(0, 4)] ??= []).push(item);
  return out;
}

/** SCB's key from DeSO 2018 to RegSO 2020: one row per DeSO. */
function readCrosswalk(sourceDir: string): { deso: string; regso: string; regsoName: string }[] {
  const [header, ...rows] = parseCsv(readFileSync(join(sourceDir, 'indicators/scb-crosswalk/koppling-deso2018-regso2020.csv'), 'utf8'));
  const at = (name: string) => {
    const i = header?.indexOf(name) ?? -1;
    if (i < 0) throw new Error(`crosswalk: no column ${name}`);
    return i;
  };
  const [d, r, n] = [at('DeSO_2018'), at('RegSOkod_2020'), at('RegSO_2020')];
  return rows.filter((row) => row.length > 1).map((row) => ({ deso: row[d] ?? '', regso: row[r] ?? '', regsoName: row[n] ?? '' }));
}

/** The DeSO 2018 codes of SCB's DeSO tables (all of Sweden in each). */
function scbTableCodes(sourceDir: string): Set<string> {
  const dir = join(sourceDir, 'indicators/scb-deso-2022');
  const codes = new Set<string>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()) {
    for (const code of parseScbTable(readXlsx(readFileSync(join(dir, file))).rows).rows.keys()) if (DESO.test(code)) codes.add(code);
  }
  return codes;
}

/**
 * DeSO 2018 codes of a map level's kommun that are not on the (2025) map → the codes that replaced
 * them: SCB gave the parts of a split DeSO its code with a new last digit ("1480C1620" → "1480C1621", "1480C1622").
 */
function desoChanges(mapCodes: readonly string[], kommun: string, deso2018: ReadonlySet<string>): Record<string, string[]> {
  const onMap = new Set(mapCodes);
  const changes: Record<string, string[]> = {};
  for (const old of [...deso2018].filter((c) => c.startsWith(kommun) && !onMap.has(c)).sort(byCode)) {
    changes[old] = mapCodes.filter((c) => c.slice(0, -1) === old.slice(0, -1) && !deso2018.has(c)).sort(byCode);
  }
  return changes;
}

/** Builds codes.json from the source data and the shipped levels' areas. */
export function buildCodeCatalogue(
  sourceDir: string,
  areas: ReadonlyMap<LevelId, readonly AreaProperties[]>,
  log: (line: string) => void = () => {},
): CodeCatalogue {
  const crosswalk = readCrosswalk(sourceDir);
  const fromTables = scbTableCodes(sourceDir);
  const deso = new Set([...fromTables, ...crosswalk.map((c) => c.deso)]);
  const differ = [...deso].filter((c) => !fromTables.has(c)).length;
  log(`codes: ${deso.size} DeSO 2018 (${fromTables.size} in the SCB tables, ${differ} only in the crosswalk)`);

  const levels: CodeCatalogue['levels'] = {};
  const changes: CodeCatalogue['desoChanges'] = {};
  for (const [id, list] of areas as ReadonlyMap<ShippedLevelId, readonly AreaProperties[]>) {
    const kommun = list[0]?.parents.kommun;
    const shared = kommun !== undefined && list.every((a) => a.parents.kommun === kommun) ? kommun : undefined;
    levels[id] = { codes: list.map((a) => a.code), names: list.map((a) => (a.name === a.code ? '' : a.name)), ...(shared ? { kommun: shared } : {}) };
    if (shared && list.length > 0 && list.every((a) => DESO.test(a.code))) {
      const changed = desoChanges(
        list.map((a) => a.code),
        shared,
        deso,
      );
      if (Object.keys(changed).length > 0) changes[id] = changed;
    }
  }

  const lan = (JSON.parse(readFileSync(join(sourceDir, 'geo/sverige-lan-2025.geojson'), 'utf8')) as GeoJSON.FeatureCollection).features
    .map((f) => ({ code: String(f.properties?.lan_kod ?? ''), name: String(f.properties?.lan_namn ?? '') }))
    .sort((a, b) => byCode(a.code, b.code));
  const regso = new Map(crosswalk.map((c) => [c.regso, c.regsoName]));
  return {
    version: 1,
    levels,
    lan: { codes: lan.map((l) => l.code), names: lan.map((l) => l.name) },
    deso2018: Object.fromEntries(Object.entries(byKommun([...deso], (c) => c)).map(([k, list]) => [k, list.map((c) => c.slice(4))])),
    regso2020: Object.fromEntries(
      Object.entries(byKommun([...regso], ([code]) => code)).map(([k, list]) => [k, list.map(([code, name]): [string, string] => [code.slice(4), name])]),
    ),
    desoChanges: changes,
  };
}
