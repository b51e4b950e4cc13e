import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectJsonKind, parseFile } from '../../src/import/detect';
import { MAX_IMPORT_BYTES, type ImportResult } from '../../src/import/types';

const utf8 = (s: string) => new TextEncoder().encode(s);
const kindOf = (r: ImportResult) => (r.kind === 'error' ? `error:${r.code}` : r.kind === 'table' ? r.format : r.format);

const VALID_GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { kod: 'A' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [11, 57],
            [12, 57],
            [12, 58],
            [11, 57],
          ],
        ],
      },
    },
  ],
});

describe('parseFile', () => {
  it('parseFile refuses a file over the limit, stating the limit in MB', () => {
    const r = parseFile('big.csv', new Uint8Array(MAX_IMPORT_BYTES + 1));
    expect(r.kind === 'error' && r.code).toBe('too-large');
    expect(r.kind === 'error' && r.message.sv).toMatch(/gränsen är 50 MB/);
    expect(r.kind === 'error' && r.message.en).toMatch(/the limit is 50 MB/);
  });

  it.each([
    ['a long CSV', 'a.csv', 'kod,år,värde\n0114,2020,1\n', 'csv-long'],
    ['a wide TSV', 'a.tsv', 'kod\t2020\t2021\n0114\t1\t2\n', 'csv-wide'],
    ['a DDF datapoints CSV', 'ddf--datapoints--n1--by--geo--year.csv', 'geo,year,n1\n01,2020,1\n', 'ddf-csv'],
    ['a DDF CSV with time', 'data.csv', 'geo,time,n1\n01,2020,1\n', 'ddf-csv'],
    ['GeoJSON', 'b.geojson', VALID_GEOJSON, 'geojson'],
    [
      'PxWeb v1 JSON',
      'px.json',
      JSON.stringify({
        columns: [
          { code: 'Region', text: 'region', type: 'd' },
          { code: 'Tid', text: 'år', type: 't' },
          { code: 'X', text: 'X', type: 'c' },
        ],
        data: [{ key: ['0114', '2020'], values: ['1'] }],
      }),
      'pxweb-json',
    ],
    ['JSON that is none of the formats', 'x.json', '{"a":1}', 'error:unknown-format'],
    ['broken JSON', 'x.json', '{"a":', 'error:bad-json'],
    ['an empty file', 'x.csv', '', 'error:no-rows'],
    ['an .xlsx that is not a zip', 'x.xlsx', 'kod,år', 'error:bad-xlsx'],
  ])('parseFile recognises %s', (_, name, text, want) => {
    expect(kindOf(parseFile(name, utf8(text)))).toBe(want);
  });

  it('parseFile reads an xlsx by its zip magic whatever its name', () => {
    const r = parseFile('export', zipSync({ 'a.txt': strToU8('x') }));
    expect(kindOf(r)).toBe('error:bad-xlsx');
  });

  it('parseFile refuses an old .xls', () => {
    expect(kindOf(parseFile('a.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0])))).toBe('error:unknown-format');
  });

  it('parseFile reads Windows-1252 CSV and warns about it', () => {
    const bytes = new Uint8Array([...utf8('kod;namn;2020\n1480;G'), 0xf6, ...utf8('teborg;1,5\n')]);
    const r = parseFile('a.csv', bytes);
    if (r.kind !== 'table') throw new Error(JSON.stringify(r));
    expect(r.rows).toEqual([{ code: '1480', name: 'Göteborg', year: 2020, value: 1.5, status: 'ok', measure: 'value', at: '2' }]);
    expect(r.warnings[0]?.en).toMatch(/Windows-1252/);
  });
});

describe('detectJsonKind', () => {
  it.each([
    [{ type: 'Topology', objects: {} }, 'topojson'],
    [{ type: 'FeatureCollection', features: [] }, 'geojson'],
    [{ version: '2.0', class: 'dataset', id: [], size: [], dimension: {}, value: [] }, 'json-stat'],
    [{ dimension: {}, value: [] }, 'json-stat'],
    [{ dataset: { dimension: {}, value: [] } }, 'json-stat'],
    [{ columns: [], data: [] }, 'pxweb-json'],
    [{ count: 1, values: [{ kpi: 'N00905', municipality: '0114', period: 2020, values: [] }] }, 'kolada-v2'],
    [{ values: [1, 2] }, null],
    [[1, 2], null],
    [null, null],
  ])('detectJsonKind(%j) is %j', (json, want) => {
    expect(detectJsonKind(json)).toBe(want);
  });
});

/** The invariant every parse result keeps: no NaN, and a value only when the status is 'ok'. */
function assertWellFormed(r: ImportResult): void {
  if (r.kind === 'error') {
    expect(typeof r.message.sv).toBe('string');
    expect(typeof r.message.en).toBe('string');
    return;
  }
  if (r.kind !== 'table') return;
  for (const row of r.rows) {
    expect(Number.isNaN(row.year)).toBe(false);
    if (row.value !== null) {
      expect(Number.isFinite(row.value)).toBe(true);
      expect(row.status).toBe('ok');
    } else expect(row.status).not.toBe('ok');
  }
}

const VALID_CSV = 'kod;namn;år;värde\n0114;Upplands Väsby;2020;1,5\n0115;Vallentuna;2020;..\n0117;Österåker;2021;\n';
const VALID_WIDE = 'code,name,2019,2020\n0114,"Upplands Väsby","1,5",-\n';
const VALID_JSON = JSON.stringify({
  columns: [
    { code: 'Region', text: 'region', type: 'd' },
    { code: 'Tid', text: 'år', type: 't' },
    { code: 'X', text: 'X', type: 'c' },
  ],
  data: [
    { key: ['0114', '2020'], values: ['1.5'] },
    { key: ['0115', '2020'], values: ['..'] },
  ],
});

/** A string with a few characters replaced, inserted or deleted at random places. */
function mutated(base: string) {
  const alphabet = fc.constantFrom(...';,\t\n".-x0123456789 {}[]:,e'.split(''));
  const edit = fc.tuple(fc.nat(), fc.constantFrom('replace', 'insert', 'delete'), alphabet);
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
    let s = base;
    for (const [pos, op, ch] of edits) {
      const i = s.length === 0 ? 0 : pos % s.length;
      s = op === 'insert' ? s.slice(0, i) + ch + s.slice(i) : op === 'replace' ? s.slice(0, i) + ch + s.slice(i + 1) : s.slice(0, i) + s.slice(i + 1);
    }
    return s;
  });
}

describe('parseFile (properties)', () => {
  it.each(['x.csv', 'x.json', 'x.xlsx', 'x'])('parseFile(%j, random bytes) never throws and keeps values well-formed', (name) => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        assertWellFormed(parseFile(name, bytes));
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['long CSV', 'a.csv', VALID_CSV],
    ['wide CSV', 'a.csv', VALID_WIDE],
    ['PxWeb JSON', 'a.json', VALID_JSON],
    ['GeoJSON', 'a.geojson', VALID_GEOJSON],
  ])('parseFile on a mutated %s never throws and keeps values well-formed', (_, name, base) => {
    fc.assert(
      fc.property(mutated(base), (text) => {
        assertWellFormed(parseFile(name, utf8(text)));
      }),
      { numRuns: 200 },
    );
  });

  it('parseFile on random text tables never throws', () => {
    const cell = fc.oneof(fc.constantFrom('', '..', '-', 'x', '1,5', '12 345', '2020', 'NaN', 'Infinity', '"'), fc.string({ maxLength: 6 }));
    const line = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(';'));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
        assertWellFormed(parseFile('a.csv', utf8(['kod;år;värde', ...lines].join('\n'))));
      }),
      { numRuns: 200 },
    );
  });
});
