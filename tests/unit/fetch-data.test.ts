import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ddfGeo, fetchData, FetchDataError, type FetchFn } from '../../scripts/fetch-data';

const FIXTURES = join(__dirname, '../fixtures/api');
const sample = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A scratch folder with a small source layout and a previously fetched copy. */
function scratch() {
  const root = mkdtempSync(join(tmpdir(), 'klyft-fetch-'));
  dirs.push(root);
  const put = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  put('source/indicators/kolada/ddf--concepts.csv', 'concept,name\nn00906,Förvärvsinkomst\n');
  put('source/indicators/kolada/ddf--datapoints--n00906--by--geo--gender--year.csv', 'geo,gender,year,n00906\n1480,k,1998,1\n');
  put('source/geo/kommuner.geojson', '{}');
  put('fetched/indicators/kolada/ddf--datapoints--n00923--by--geo--year.csv', 'geo,year,n00923\n1480,2020,1\n');
  put('fetched/indicators/kolada/ddf--concepts.csv', 'concept,name\n');
  put('public/catalogue.json', '{"old":true}');
  return { root, source: join(root, 'source'), outSource: join(root, 'fetched'), out: join(root, 'public') };
}

/** Every file under a folder with its text, to show that nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const d of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (d.isFile()) files[relative(dir, join(d.parentPath, d.name))] = readFileSync(join(d.parentPath, d.name), 'utf8');
  }
  return files;
}

const ok = (json: unknown) => ({ ok: true, status: 200, json: async () => json });

/** Runs that test Kolada alone. */
const KOLADA_ONLY = { scbTables: [], borasSources: [] } as const;

/** A fake Kolada serving the saved samples: N00923 in two pages, N00906 in one. */
const koladaFake: FetchFn = async (url) => {
  if (url.startsWith('https://api.kolada.se/v2/kpi/')) return ok({ count: 1, values: [{ id: 'N00923' }] });
  if (url.startsWith('https://api.kolada.se/v2/data/kpi/N00923/year/')) {
    return ok(sample(url.includes('page=2') ? 'kolada-v2-page2.json' : 'kolada-v2-page1.json'));
  }
  if (url.startsWith('https://api.kolada.se/v2/data/kpi/N00906/year/')) return ok(sample('kolada-v2-data.json'));
  return { ok: false, status: 404, json: async () => ({}) };
};

describe('fetchData offline', () => {
  it('fetchData with a rejecting fetch stops with the Swedish and English message and changes nothing', async () => {
    const s = scratch();
    const before = snapshot(s.root);
    let built = false;
    const fetch: FetchFn = () => Promise.reject(new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } }));
    const run = fetchData({ fetch, ...KOLADA_ONLY, source: s.source, outSource: s.outSource, out: s.out, log: () => {}, build: async () => (built = true) });
    await expect(run).rejects.toBeInstanceOf(FetchDataError);
    const e = await run.catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'offline' });
    const text = (e as FetchDataError).text;
    expect(text.sv).toMatch(/^Ingen nätverksanslutning till api\.kolada\.se .*inget har ändrats\.$/);
    expect(text.en).toMatch(/^No network connection to api\.kolada\.se .*nothing was changed\.$/);
    expect(text.en).toContain('ENOTFOUND');
    expect(built).toBe(false);
    expect(snapshot(s.root)).toEqual(before);
  });

  it('fetchData with a fetch that never answers gives up after timeoutMs as offline', async () => {
    const s = scratch();
    const before = snapshot(s.root);
    const fetch: FetchFn = (_url, init) => new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    await expect(
      fetchData({ fetch, ...KOLADA_ONLY, source: s.source, outSource: s.outSource, out: s.out, timeoutMs: 30, build: false, log: () => {} }),
    ).rejects.toMatchObject({
      kind: 'offline',
      text: { en: expect.stringContaining('timeout') },
    });
    expect(snapshot(s.root)).toEqual(before);
  });

  it('fetchData failing on the second KPI (HTTP 500) leaves the earlier KPI unwritten too', async () => {
    const s = scratch();
    const before = snapshot(s.root);
    const fetch: FetchFn = async (url, init) =>
      url.includes('/data/kpi/N00906/') ? { ok: false, status: 500, json: async () => ({}) } : koladaFake(url, init);
    await expect(
      fetchData({ fetch, ...KOLADA_ONLY, kpis: ['N00923', 'N00906'], source: s.source, outSource: s.outSource, out: s.out, build: false, log: () => {} }),
    ).rejects.toMatchObject({
      kind: 'bad-response',
      text: { sv: expect.stringContaining('svarade 500') },
    });
    expect(snapshot(s.root)).toEqual(before);
  });
});

describe('fetchData with saved API responses', () => {
  it('fetchData writes Kolada DDF CSVs (pages followed, T and K/M split, absent nulls) over the source layout', async () => {
    const s = scratch();
    rmSync(s.outSource, { recursive: true });
    const urls: string[] = [];
    const fetch: FetchFn = (url, init) => {
      urls.push(url);
      return koladaFake(url, init);
    };
    const result = await fetchData({
      fetch,
      ...KOLADA_ONLY,
      kpis: ['N00923', 'N00906'],
      lastYear: 2022,
      source: s.source,
      outSource: s.outSource,
      out: s.out,
      build: false,
      log: () => {},
    });
    expect(urls).toContain('https://api.kolada.se/v2/data/kpi/N00923/year/2021,2022?page=2&per_page=2');
    expect(urls.find((u) => u.includes('/data/kpi/N00906/'))).toMatch(/\/year\/1994,1995,.*,2022\?per_page=5000$/);
    expect(result.written).toEqual([
      'indicators/kolada/ddf--datapoints--n00906--by--geo--gender--year.csv',
      'indicators/kolada/ddf--datapoints--n00906--by--geo--year.csv',
      'indicators/kolada/ddf--datapoints--n00923--by--geo--year.csv',
    ]);
    const read = (p: string) => readFileSync(join(s.outSource, 'indicators/kolada', p), 'utf8');
    // Sweden 0000 → 0, county 0014 → 14; the null of 1490 (status "Bortfall") is an absent row.
    expect(read('ddf--datapoints--n00923--by--geo--year.csv')).toBe('geo,year,n00923\n0,2022,81.34\n14,2021,80.9\n1480,2022,80.55\n');
    expect(read('ddf--datapoints--n00906--by--geo--year.csv')).toBe(
      'geo,year,n00906\n1480,2021,346200\n1480,2022,359800\n1490,2021,333700\n1490,2022,345900\n',
    );
    expect(read('ddf--datapoints--n00906--by--geo--gender--year.csv')).toBe(
      'geo,gender,year,n00906\n1480,k,2021,330500\n1480,m,2021,361900\n1480,k,2022,344100\n1480,m,2022,375300\n1490,m,2021,352000\n1490,k,2022,326800\n',
    );
    // The rest of the source layout is carried over unchanged; the build output is untouched.
    expect(read('ddf--concepts.csv')).toBe('concept,name\nn00906,Förvärvsinkomst\n');
    expect(existsSync(join(s.outSource, 'geo/kommuner.geojson'))).toBe(true);
    expect(readFileSync(join(s.out, 'catalogue.json'), 'utf8')).toBe('{"old":true}');
    expect(readdirSync(s.root).sort()).toEqual(['fetched', 'public', 'source']);
  });

  it('fetchData runs the build on the refreshed source and swaps its outputs into place', async () => {
    const s = scratch();
    const seen: string[] = [];
    await fetchData({
      fetch: koladaFake,
      ...KOLADA_ONLY,
      kpis: ['N00923'],
      source: s.source,
      outSource: s.outSource,
      out: s.out,
      geoOut: join(s.root, 'geodata'),
      log: () => {},
      build: async ({ source, out, geoOut }) => {
        seen.push(readFileSync(join(source ?? '', 'indicators/kolada/ddf--datapoints--n00923--by--geo--year.csv'), 'utf8'));
        writeFileSync(join(out ?? '', 'catalogue.json'), '{"new":true}');
        mkdirSync(geoOut ?? '', { recursive: true });
        writeFileSync(join(geoOut ?? '', 'kommun.topo.json'), '{"type":"Topology"}');
      },
    });
    expect(seen).toEqual(['geo,year,n00923\n0,2022,81.34\n14,2021,80.9\n1480,2022,80.55\n']);
    expect(readFileSync(join(s.out, 'catalogue.json'), 'utf8')).toBe('{"new":true}');
    expect(readFileSync(join(s.root, 'geodata', 'kommun.topo.json'), 'utf8')).toBe('{"type":"Topology"}');
  });
});

describe('ddfGeo', () => {
  it.each([
    ['0000', '0'],
    ['0014', '14'],
    ['0114', '0114'],
    ['1480', '1480'],
  ])('ddfGeo(%s) = %s', (code, geo) => {
    expect(ddfGeo(code)).toBe(geo);
  });
});

describe('scbTableFromJsonStat', () => {
  it("scbTableFromJsonStat(SCB v2 sample) keeps the latest year and is found by the build's header labels", async () => {
    const { scbTableFromJsonStat } = await import('../../scripts/scb-jsonstat');
    const { findColumn } = await import('../../src/data/scb-table');
    const t = scbTableFromJsonStat(sample('scb-v2-deso-table.json'), 'TAB.json');
    const pct = findColumn(t, 'Låg ekonomisk standard, procent');
    const persons = findColumn(t, 'Antal personer totalt');
    expect(t.columns[pct]?.year).toBe(2022);
    expect(t.rows.get('1480C1010')?.[pct]).toBe(13.1);
    expect(t.rows.get('1480C1010')?.[persons]).toBe(1523);
    expect(t.rows.get('1480C1020')?.[pct]).toBe('suppressed');
    expect([...t.rows.keys()]).toEqual(['1480C1010', '1480C1020', '1490C1010']);
  });
});

describe('fetchData with SCB PxWeb API v2', () => {
  const SCB = 'https://statistikdatabasen.scb.se/api/v2';

  /** A fake SCB serving the saved TAB6680 samples; records each data query's selection. */
  function scbFake(queries: { url: string; selection: { variableCode: string; valueCodes: string[] }[] }[]): FetchFn {
    return async (url, init) => {
      if (url.startsWith('https://api.kolada.se/')) return koladaFake(url, init);
      if (url === `${SCB}/tables/TAB6680/metadata?lang=sv`) return ok(sample('scb-v2-TAB6680-metadata.json'));
      if (url === `${SCB}/tables/TAB6680/data?lang=sv&outputFormat=json-stat2` && init?.method === 'POST') {
        const { selection } = JSON.parse(init.body ?? '{}') as { selection: { variableCode: string; valueCodes: string[] }[] };
        queries.push({ url, selection });
        const alder = selection.find((s) => s.variableCode === 'Alder')?.valueCodes;
        return ok(sample(alder?.[0] === '20-64' ? 'scb-v2-TAB6680-data-boras.json' : 'scb-v2-TAB6680-data-deso.json'));
      }
      return { ok: false, status: 404, json: async () => ({}) };
    };
  }

  const scbOptions = async () => {
    const { SCB_TABLES, BORAS_SOURCES } = await import('../../scripts/fetch-sources');
    return {
      kpis: ['N00923'],
      scbTables: SCB_TABLES.filter((t) => t.table === '000007A8'),
      borasSources: BORAS_SOURCES.filter((b) => b.indicator === 'employment' || b.indicator === 'unemp'),
      scbPauseMs: 0,
      build: false as const,
      log: () => {},
    };
  };

  function scbScratch() {
    const s = scratch();
    const put = (path: string, text: string) => {
      mkdirSync(dirname(join(s.root, path)), { recursive: true });
      writeFileSync(join(s.root, path), text);
    };
    rmSync(s.outSource, { recursive: true });
    put('source/indicators/scb-deso-2022/000007A8_20240813-151334.xlsx', 'xlsx bytes');
    put('source/indicators/scb-deso-2022/000006TA_20240813-153551.xlsx', 'other table');
    put(
      'source/indicators/boras-deso/boras-deso-2024-2025.csv',
      'desokod,year,indicator,value\n1490A0010,2024,young,10.923\n1490A0010,2024,employment,92.553\n1490A0020,2024,employment,86.578\n',
    );
    return s;
  }

  it('fetchData saves the TAB6680 answer in place of the 000007A8 xlsx and rewrites the Borås rows it refreshes', async () => {
    const s = scbScratch();
    const queries: { url: string; selection: { variableCode: string; valueCodes: string[] }[] }[] = [];
    const result = await fetchData({ fetch: scbFake(queries), ...(await scbOptions()), source: s.source, outSource: s.outSource, out: s.out });

    // One query for Göteborg and Borås (ages 16–64), one for Borås (20–64) shared by employment and unemp.
    expect(queries).toHaveLength(2);
    expect(queries[0]?.selection).toEqual([
      { variableCode: 'Region', valueCodes: ['1480C1010_DeSO2025', '1480C1021_DeSO2025', '1480C1022_DeSO2025', '1490A0010_DeSO2025', '1490A0020_DeSO2025'] },
      { variableCode: 'Kon', valueCodes: ['1+2'] },
      { variableCode: 'Alder', valueCodes: ['16-64'] },
      { variableCode: 'ContentsCode', valueCodes: ['0000089X', '0000089W', '0000089V', '0000089Z', '0000089Y'] },
      { variableCode: 'Tid', valueCodes: ['2024'] },
    ]);
    expect(queries[1]?.selection.map((q) => q.valueCodes)).toEqual([
      ['1490A0010_DeSO2025', '1490A0020_DeSO2025'],
      ['1+2'],
      ['20-64'],
      ['0000089W', '0000089V', '0000089X', '0000089Y'],
      ['2024'],
    ]);

    expect(result.written).toEqual([
      'indicators/boras-deso/boras-deso-2024-2025.csv',
      'indicators/kolada/ddf--datapoints--n00923--by--geo--year.csv',
      'indicators/scb-deso-2022/000007A8.json',
    ]);
    const deso = readdirSync(join(s.outSource, 'indicators/scb-deso-2022')).sort();
    expect(deso).toEqual(['000006TA_20240813-153551.xlsx', '000007A8.json']);
    expect(JSON.parse(readFileSync(join(s.outSource, 'indicators/scb-deso-2022/000007A8.json'), 'utf8'))).toEqual(sample('scb-v2-TAB6680-data-deso.json'));
    // employment = 100·X/Y, unemp = 100·W/V (ages 20–64), three decimals; the young row is kept.
    expect(readFileSync(join(s.outSource, 'indicators/boras-deso/boras-deso-2024-2025.csv'), 'utf8')).toBe(
      [
        'desokod,year,indicator,value',
        '1490A0010,2024,employment,92.5',
        '1490A0010,2024,unemp,2.632',
        '1490A0010,2024,young,10.923',
        '1490A0020,2024,employment,85.714',
        '1490A0020,2024,unemp,9.091',
        '',
      ].join('\n'),
    );
  });

  it('fetchData with SCB unreachable stops as offline naming SCB, after Kolada answered, and changes nothing', async () => {
    const s = scbScratch();
    const before = snapshot(s.root);
    const fetch: FetchFn = (url, init) =>
      url.startsWith('https://api.kolada.se/') ? koladaFake(url, init) : Promise.reject(new TypeError('fetch failed', { cause: { code: 'EAI_AGAIN' } }));
    const run = fetchData({ fetch, ...(await scbOptions()), source: s.source, outSource: s.outSource, out: s.out });
    await expect(run).rejects.toMatchObject({
      kind: 'offline',
      text: {
        sv: expect.stringMatching(/^Ingen nätverksanslutning till statistikdatabasen\.scb\.se .*inget har ändrats\.$/),
        en: expect.stringContaining('EAI_AGAIN'),
      },
    });
    expect(snapshot(s.root)).toEqual(before);
  });

  it('fetchData with an SCB answer lacking a configured code stops as bad-response and changes nothing', async () => {
    const s = scbScratch();
    const before = snapshot(s.root);
    const queries: { url: string; selection: { variableCode: string; valueCodes: string[] }[] }[] = [];
    const options = await scbOptions();
    const broken = options.scbTables.map((t) => ({ ...t, columns: [{ labels: ['x'], sum: [{ ContentsCode: '0000089Q' }] }] }));
    await expect(
      fetchData({ fetch: scbFake(queries), ...options, scbTables: broken, source: s.source, outSource: s.outSource, out: s.out }),
    ).rejects.toMatchObject({
      kind: 'bad-response',
      text: { en: expect.stringMatching(/^The SCB response could not be used: .*has no value "0000089Q".*Nothing was changed\.$/) },
    });
    expect(snapshot(s.root)).toEqual(before);
  });
});
