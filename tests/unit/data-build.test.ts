import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AreaProperties, Catalogue, EstimateBasisFile, IndicatorValues, JoinReportEntry } from '../../src/data/types';
import { findColumn, parseScbTable } from '../../src/data/scb-table';
import { readXlsx } from '../../src/data/xlsx';
import { buildData, GEO_DIR, REPO_ROOT } from '../../scripts/build-data';

const SOURCE = resolve(REPO_ROOT, '../shared/data');
const COMMITTED = resolve(REPO_ROOT, 'public/data');
const COMMITTED_GEO = resolve(REPO_ROOT, GEO_DIR);
const hasSource = existsSync(join(SOURCE, 'README.md'));

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .sort();
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(COMMITTED, path), 'utf8')) as T;

/** Value of one code in one year of a committed values file. */
function valueAt(file: string, code: string, year: number): number | null | undefined {
  const v = readJson<IndicatorValues>(file);
  return v.values[v.years.indexOf(year)]?.[v.codes.indexOf(code)];
}

if (!hasSource) {
  describe('data build', () => {
    it.skip('needs ../shared/data (the source data is not in this checkout)', () => {});
  });
  console.log(`data-build.test: skipped, no source data at ${SOURCE}`);
} else {
  describe('buildData', () => {
    const out = mkdtempSync(join(tmpdir(), 'klyft-data-'));
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    it('buildData({source, out, geoOut}) reproduces public/data and geodata/ byte for byte', async () => {
      const geoOut = join(out, 'geodata');
      const dataOut = join(out, 'data');
      await buildData({ source: SOURCE, out: dataOut, geoOut, log: () => {} });
      const built = listFiles(dataOut);
      const owned = listFiles(COMMITTED).filter((f) => /^values\/|^basis\/|^(catalogue|join-report|codes)\.json$/.test(f));
      expect(built).toEqual(owned);
      for (const f of built) expect(readFileSync(join(dataOut, f)).equals(readFileSync(join(COMMITTED, f))), f).toBe(true);
      const builtGeo = listFiles(geoOut);
      expect(builtGeo).toEqual(listFiles(COMMITTED_GEO));
      for (const f of builtGeo) expect(readFileSync(join(geoOut, f)).equals(readFileSync(join(COMMITTED_GEO, f))), f).toBe(true);
    }, 120_000);
  });

  describe('committed values against the source, by hand', () => {
    it('Göteborg 1480 life expectancy men (N00923) 2022 is the csv row "1480,2022,80.55"', () => {
      const csv = readFileSync(join(SOURCE, 'indicators/kolada/ddf--datapoints--n00923--by--geo--year.csv'), 'utf8');
      expect(csv).toMatch(/\n1480,2022,80\.55\r?\n/);
      expect(valueAt('values/kommun/kolada-n00923.json', '1480', 2022)).toBe(80.55);
    });

    it('the kommun reference is Sweden (geo 0) and län rows are dropped', () => {
      const v = readJson<IndicatorValues>('values/kommun/kolada-n00923.json');
      expect(v.codes).toHaveLength(290);
      expect(v.codes.every((c) => /^\d{4}$/.test(c))).toBe(true);
      const csv = readFileSync(join(SOURCE, 'indicators/kolada/ddf--datapoints--n00923--by--geo--year.csv'), 'utf8');
      const sweden2022 = /\n0,2022,([\d.]+)\r?\n/.exec(csv)?.[1];
      expect(v.reference?.[v.years.indexOf(2022)]).toBe(Number(sweden2022));
    });

    it('turnout keeps only election years', () => {
      const v = readJson<IndicatorValues>('values/kommun/kolada-n05401.json');
      expect(v.years).toEqual([1994, 1998, 2002, 2006, 2010, 2014, 2018, 2022]);
      // Göteborg municipal election 2018: 81.0 in the csv.
      expect(valueAt('values/kommun/kolada-n05401.json', '1480', 2018)).toBe(81);
    });

    it('a DeSO employment rate equals employed / population 16–64 from the xlsx cells', () => {
      const file = readdirSync(join(SOURCE, 'indicators/scb-deso-2022')).find((f) => f.startsWith('000007A8'));
      const t = parseScbTable(readXlsx(readFileSync(join(SOURCE, 'indicators/scb-deso-2022', file ?? ''))).rows);
      // Columns: sysselsatta, arbetslösa, arbetskraften, utanför arbetskraften, totalt.
      const row = t.rows.get('1480A0010');
      const [employed, , , , total] = row as number[];
      expect(employed).toBe(845);
      expect(total).toBe(1029);
      expect(valueAt('values/gbg-deso/scb-deso-employment.json', '1480A0010', 2022)).toBe(82.1); // 845 / 1029 = 82.12 %
    });

    it('a DeSO median income is the xlsx cell as published (tkr)', () => {
      expect(valueAt('values/gbg-deso/scb-deso-income-median.json', '1480A0010', 2022)).toBe(295.5);
    });

    it('gbg-deso reports the DeSO 2018 → 2025 code change: 293 matched, 13 and 27 unmatched', () => {
      const entry = readJson<JoinReportEntry[]>('join-report.json').find((e) => e.table === '000007A8' && e.level === 'gbg-deso');
      expect(entry?.matched).toBe(293);
      expect(entry?.unmatchedSource).toHaveLength(13);
      expect(entry?.unmatchedGeometry).toHaveLength(27);
      const v = readJson<IndicatorValues>('values/gbg-deso/scb-deso-employment.json');
      for (const code of entry?.unmatchedGeometry ?? []) expect(v.missing[code]).toBe('boundary-changed');
    });

    it('primärområde population estimated from DeSO sums to the DeSO 2018 table total (within 1 %)', () => {
      const file = readdirSync(join(SOURCE, 'indicators/scb-deso-2022')).find((f) => f.startsWith('000005FC'));
      const t = parseScbTable(readXlsx(readFileSync(join(SOURCE, 'indicators/scb-deso-2022', file ?? ''))).rows);
      const total = findColumn(t, 'totalt');
      let deso = 0;
      for (const [code, row] of t.rows) if (code.startsWith('1480')) deso += Number(row[total]);
      const sum = (level: string) =>
        readJson<IndicatorValues>(`values/${level}/scb-deso-population.json`).values[0]?.reduce<number>((s, v) => s + (v ?? 0), 0) ?? 0;
      expect(deso).toBeGreaterThan(500_000);
      for (const level of ['gbg-primaromrade', 'gbg-mellanomrade', 'gbg-stadsomrade']) {
        expect(Math.abs(sum(level) - deso) / deso, level).toBeLessThan(0.01);
      }
    });

    it('Bergsjön primärområden have a higher estimated low economic standard than Askim', () => {
      const topo = JSON.parse(readFileSync(join(COMMITTED_GEO, 'gbg-primaromrade.topo.json'), 'utf8')) as {
        objects: { areas: { geometries: { properties: AreaProperties }[] } };
      };
      const areas = topo.objects.areas.geometries.map((g) => g.properties);
      const value = (a: AreaProperties) => valueAt('values/gbg-primaromrade/scb-deso-low-econ.json', a.code, 2022) ?? NaN;
      const bergsjon = areas.filter((a) => a.name.includes('Bergsjön'));
      const askim = areas.filter((a) => a.name.includes('Askim'));
      expect(bergsjon.length).toBeGreaterThan(0);
      expect(askim.length).toBeGreaterThan(0);
      for (const b of bergsjon) for (const a of askim) expect(value(b), `${b.name} vs ${a.name}`).toBeGreaterThan(value(a));
    });

    it('the estimated levels are marked derived in the catalogue, without median income', () => {
      const cat = readJson<Catalogue>('catalogue.json');
      const pop = cat.indicators.find((i) => i.id === 'scb-deso-population');
      for (const level of ['gbg-primaromrade', 'gbg-mellanomrade', 'gbg-stadsomrade'] as const) {
        expect(pop?.levels[level]?.derived).toBe('estimated-from-deso');
      }
      expect(pop?.levels['gbg-deso']?.derived).toBeUndefined();
      expect(cat.indicators.find((i) => i.id === 'scb-deso-income-median')?.levels['gbg-primaromrade']).toBeUndefined();
    });

    it('the catalogue lists each values file it points to', () => {
      const cat = readJson<Catalogue>('catalogue.json');
      for (const ind of cat.indicators) {
        for (const [level, l] of Object.entries(ind.levels)) {
          if (!l) continue;
          const v = readJson<IndicatorValues>(l.file);
          expect(v.indicator).toBe(ind.id);
          expect(v.level).toBe(level);
          expect(v.years).toEqual(l.years);
        }
      }
      expect(cat.indicators.find((i) => i.id === 'kolada-n00923')?.sex).toBe('men');
      expect(cat.indicators.find((i) => i.id === 'kolada-n00923')?.variantOf).toBeUndefined();
      expect(cat.indicators.find((i) => i.id === 'kolada-n00906-women')?.variantOf).toBe('kolada-n00906');
    });

    it('ships Kolada zeros that stand for missing values as missing, and lists them in the join report', () => {
      const report = readJson<JoinReportEntry[]>('join-report.json');
      const u31803 = report.find((e) => e.table === 'U31803' && e.level === 'kommun');
      // 16 zero kommun-years in the csv, every one next to values of at least 1 %.
      expect(u31803?.zerosAsMissing).toHaveLength(16);
      expect(u31803?.zerosAsMissing).toContainEqual({ code: '2281', year: 2020, neighbours: [5.56339742, 4.96373415] });
      expect(valueAt('values/kommun/kolada-u31803.json', '2281', 2020)).toBeNull(); // Sundsvall
      const n15428 = report.find((e) => e.table === 'N15428' && e.level === 'kommun');
      expect(n15428?.zerosAsMissing?.map((z) => `${z.code} ${z.year} ${z.sex ?? 'total'}`)).toEqual([
        '2305 2013 total',
        '2305 2013 women',
        '2422 2018 women',
        '2305 2013 men',
        '2422 2018 men',
      ]);
      expect(valueAt('values/kommun/kolada-n15428.json', '2305', 2013)).toBeNull(); // Bräcke
      // The 2013 range: the highest kommun (99.32) − the lowest (74.14) = 25.2, not 99.32 − 0.
      const v = readJson<IndicatorValues>('values/kommun/kolada-n15428.json');
      const row = (v.values[v.years.indexOf(2013)] ?? []).filter((x): x is number => x !== null);
      expect(Math.max(...row) - Math.min(...row)).toBeCloseTo(99.32 - 74.14, 2);
    });

    it('declares a weight for every indicator at every level, naming the population or saying why none', () => {
      const cat = readJson<Catalogue>('catalogue.json');
      const ids = new Set(cat.indicators.flatMap((i) => Object.keys(i.levels).map((level) => `${i.id}|${level}`)));
      for (const i of cat.indicators) {
        for (const [level, l] of Object.entries(i.levels)) {
          expect(l?.weight, `${i.id} ${level}`).toBeDefined();
          const w = l!.weight!;
          if (w.indicator !== null) expect(ids.has(`${w.indicator}|${level}`), `${i.id} → ${w.indicator} at ${level}`).toBe(true);
          else expect(w.note?.sv, `${i.id} ${level}`).toBeTruthy();
        }
      }
      const weightOf = (id: string, level: 'kommun' | 'gbg-deso') => cat.indicators.find((i) => i.id === id)?.levels[level]?.weight?.indicator;
      expect(weightOf('kolada-n66077', 'kommun')).toBe('scb-deso-population-0-19');
      expect(weightOf('kolada-n00925', 'kommun')).toBe('kolada-n01951-women');
      expect(weightOf('kolada-n31807', 'kommun')).toBe('kolada-n01951');
      expect(weightOf('kolada-n66078', 'kommun')).toBeNull(); // no population 20–64 by kommun in the data
      expect(weightOf('kolada-n00906-women', 'kommun')).toBeNull();
      expect(weightOf('scb-deso-employment', 'gbg-deso')).toBe('scb-deso-population-16-64');
    });

    it('the kommun population 0–19 is the sum of the kommun’s DeSO in the SCB age table', () => {
      const file = readdirSync(join(SOURCE, 'indicators/scb-deso-2022')).find((f) => f.startsWith('000005FF'));
      const t = parseScbTable(readXlsx(readFileSync(join(SOURCE, 'indicators/scb-deso-2022', file ?? ''))).rows);
      const cols = ['0-4 år', '5-9 år', '10-14 år', '15-19 år'].map((label) => findColumn(t, label));
      let borasChildren = 0;
      for (const [code, row] of t.rows) if (code.startsWith('1490')) for (const c of cols) borasChildren += Number(row[c]);
      expect(borasChildren).toBeGreaterThan(20_000);
      expect(valueAt('values/kommun/scb-deso-population-0-19.json', '1490', 2022)).toBe(borasChildren);
    });

    it('marks Arendal and Högsbo as estimates from split DeSO and leaves them out of the gap measures', () => {
      const basis = readJson<EstimateBasisFile>('basis/gbg-primaromrade.json');
      for (const code of ['516', '707']) expect(basis.areas[code]).toMatchObject({ splitShare: 1, uncertain: true });
      const cat = readJson<Catalogue>('catalogue.json');
      const prim = cat.levels.find((l) => l.id === 'gbg-primaromrade');
      expect(prim?.gapExcluded?.codes).toEqual(['516', '707']);
      expect(prim?.estimateBasis).toBe('basis/gbg-primaromrade.json');
    });

    it('ships the Borås series with two years, and says so in the join report', () => {
      const cat = readJson<Catalogue>('catalogue.json');
      for (const id of ['boras-higher-ed', 'boras-foreign', 'boras-young', 'boras-single', 'boras-renters', 'boras-flats']) {
        expect(cat.indicators.find((i) => i.id === id)?.levels['boras-deso']?.years, id).toEqual([2024, 2025]);
      }
    });
  });
}
