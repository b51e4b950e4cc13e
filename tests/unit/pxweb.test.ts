import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BORAS_SOURCES, SCB_TABLES } from '../../scripts/fetch-sources';
import { desoCodes, pickSum, PxError, pxSelection, readPxCube, type PxQuery } from '../../scripts/pxweb';
import { SCB_INDICATORS } from '../../scripts/scb-deso';
import { scbTableFromPxWeb } from '../../scripts/scb-jsonstat';
import { findColumn, type ScbTable } from '../../src/data/scb-table';

const FIXTURES = join(__dirname, '../fixtures/api');
const sample = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
const meta = () => readPxCube(sample('scb-v2-TAB6680-metadata.json'), 'TAB6680 metadata');

const employment = SCB_TABLES.find((t) => t.table === '000007A8');

describe('readPxCube', () => {
  it('readPxCube(PxWeb v2 metadata) lists the variables in order with codes and labels', () => {
    const m = meta();
    expect(m.dims.map((d) => d.id)).toEqual(['Region', 'Kon', 'Alder', 'ContentsCode', 'Tid']);
    expect(m.dims[1]).toEqual({ id: 'Kon', label: 'kön', codes: ['1', '2', '1+2'], labels: ['män', 'kvinnor', 'totalt'] });
    expect(m.dims[4]?.codes).toEqual(['2020', '2021', '2022', '2023', '2024']);
  });

  it('readPxCube(data) reads values row-major, ".." status as suppressed', () => {
    const d = readPxCube(sample('scb-v2-TAB6680-data-deso.json'), 'data');
    expect(d.value([0, 0, 0, 0, 0])).toBe(800);
    expect(d.value([0, 0, 0, 4, 0])).toBe(1000);
    expect(d.value([1, 0, 0, 0, 0])).toBe('suppressed');
    expect(d.value([2, 0, 0, 1, 0])).toBe(20);
  });

  it('readPxCube of something without dimensions throws a PxError in both languages', () => {
    expect(() => readPxCube({ error: 'x' }, 'TAB1')).toThrow(PxError);
    try {
      readPxCube([], 'TAB1');
    } catch (e) {
      expect((e as PxError).text.sv).toMatch(/^TAB1: inget JSON-stat-dataset/);
    }
  });
});

describe('pxSelection', () => {
  it('desoCodes picks the newest DeSO version of the kommuner only (no kommun, county, RegSO or other kommun)', () => {
    const region = meta().dims[0];
    expect(region && desoCodes(region, ['1480', '1490'])).toEqual([
      '1480C1010_DeSO2025',
      '1480C1021_DeSO2025',
      '1480C1022_DeSO2025',
      '1490A0010_DeSO2025',
      '1490A0020_DeSO2025',
    ]);
    const only2018 = { id: 'Region', label: 'region', codes: ['1480', '1480C1010', '1480C1020'], labels: [] };
    expect(desoCodes(only2018, ['1480'])).toEqual(['1480C1010', '1480C1020']);
  });

  it('pxSelection(000007A8 query) lists every variable: DeSO, configured codes and the latest year', () => {
    expect(employment?.query).toBeTruthy();
    const sel = pxSelection(meta(), employment?.query as PxQuery, ['1480', '1490']);
    expect(sel).toEqual([
      { variableCode: 'Region', valueCodes: ['1480C1010_DeSO2025', '1480C1021_DeSO2025', '1480C1022_DeSO2025', '1490A0010_DeSO2025', '1490A0020_DeSO2025'] },
      { variableCode: 'Kon', valueCodes: ['1+2'] },
      { variableCode: 'Alder', valueCodes: ['16-64'] },
      { variableCode: 'ContentsCode', valueCodes: ['0000089X', '0000089W', '0000089V', '0000089Z', '0000089Y'] },
      { variableCode: 'Tid', valueCodes: ['2024'] },
    ]);
  });

  it('pxSelection resolves variables and values given by label, "*" to all, and years from one on', () => {
    const q: PxQuery = { v2Id: 'TAB6680', select: { kön: ['totalt'], ålder: ['*'], tabellinnehåll: ['antal totalt'] }, years: { from: 2023 } };
    const sel = pxSelection(meta(), q, ['1490']);
    expect(sel.map((s) => s.valueCodes)).toEqual([
      ['1490A0010_DeSO2025', '1490A0020_DeSO2025'],
      ['1+2'],
      ['15-74', '16-64', '20-64'],
      ['0000089Y'],
      ['2023', '2024'],
    ]);
  });

  it.each([
    [{ Kon: ['1+2'], Alder: ['16-65'], ContentsCode: ['*'] }, /variable Alder has no value "16-65"/],
    [{ Kon: ['1+2'], ContentsCode: ['*'] }, /variable Alder \(ålder\) has 3 values but no selection/],
    [{ Kon: ['1+2'], Alder: ['16-64'], ContentsCode: ['*'], Fodelseregion: ['tot'] }, /the table has no variable Fodelseregion/],
  ])('pxSelection with a code or variable the table lacks stops with a message naming it (%j)', (select, message) => {
    expect(() => pxSelection(meta(), { v2Id: 'TAB6680', select, years: 'latest' }, ['1480'])).toThrow(message);
  });
});

describe('scbTableFromPxWeb', () => {
  it('scbTableFromPxWeb(TAB6680 answer) gives the columns the DeSO build finds, DeSO 2025 codes without suffix', () => {
    const t = scbTableFromPxWeb(sample('scb-v2-TAB6680-data-deso.json'), '000007A8.json', employment?.columns ?? []);
    expect(t.desoVersion).toBe(2025);
    expect([...t.rows.keys()]).toEqual(['1480C1010', '1480C1021', '1490A0010']);
    const employed = findColumn(t, 'antal sysselsatta', '16-64 år');
    const total = findColumn(t, 'antal totalt', '16-64 år');
    expect(t.columns[employed]?.year).toBe(2024);
    expect(t.rows.get('1480C1010')?.[employed]).toBe(800);
    expect(t.rows.get('1480C1010')?.[total]).toBe(1000);
    expect(t.rows.get('1480C1021')?.[employed]).toBe('suppressed');
    // The build's own employment indicator on the fetched table: 800 / 1000 employed.
    const def = SCB_INDICATORS.find((d) => d.id === 'scb-deso-employment');
    const parts = def?.columns(t).parts(t.rows.get('1480C1010') ?? []);
    expect(parts).toEqual({ a: 800, b: 1000 });
    expect(def?.columns(t).parts(t.rows.get('1480C1021') ?? [])).toBe('suppressed');
  });

  it('scbTableFromPxWeb with a column SCB does not have throws, naming the value', () => {
    const cols = [{ labels: ['x'], sum: [{ ContentsCode: '0000089Q' }] }];
    expect(() => scbTableFromPxWeb(sample('scb-v2-TAB6680-data-deso.json'), 'f.json', cols)).toThrow(/has no value "0000089Q"/);
  });

  it('pickSum adds the picked cells, suppressed if any part is', () => {
    const d = readPxCube(sample('scb-v2-TAB6680-data-deso.json'), 'data');
    const read = pickSum(d, [{ ContentsCode: '0000089X' }, { ContentsCode: 'antal arbetslösa' }]);
    expect(read(0, 0)).toBe(850);
    expect(read(1, 0)).toBe('suppressed');
  });
});

describe('configured SCB sources', () => {
  it.each(SCB_TABLES.map((t) => [t.table, t] as const))(
    'every indicator the build makes from %s finds its columns among the configured labels',
    (table, source) => {
      const t: ScbTable = {
        title: table,
        columns: source.columns.map((c, index) => ({ index, labels: [...c.labels, '2024'], year: 2024 })),
        rows: new Map(),
        duplicates: [],
      };
      const defs = SCB_INDICATORS.filter((d) => d.table === table);
      for (const d of defs) expect(() => d.columns(t)).not.toThrow();
      expect(source.query?.v2Id).toMatch(/^TAB\d+$/);
    },
  );

  it('every Borås indicator the build ships is refreshed from a TAB id', async () => {
    const { BORAS_INDICATORS } = await import('../../scripts/boras');
    expect(BORAS_SOURCES.map((b) => b.indicator).sort()).toEqual(Object.keys(BORAS_INDICATORS).sort());
    for (const b of BORAS_SOURCES) expect(b.query.v2Id).toMatch(/^TAB\d+$/);
  });
});
