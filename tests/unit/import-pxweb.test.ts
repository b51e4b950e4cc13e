import { describe, expect, it } from 'vitest';
import { parsePxWebJson } from '../../src/import/pxweb-json';
import type { ImportResult, ImportedTable } from '../../src/import/types';

function table(r: ImportResult): ImportedTable {
  if (r.kind !== 'table') throw new Error(`expected a table, got ${JSON.stringify(r)}`);
  return r;
}

/** A response of SCB's PxWeb API v1 with `"response": { "format": "json" }` (BE0101N1, folkmängd). */
function scbResponse(times: string[] = ['2022', '2023']) {
  return {
    columns: [
      { code: 'Region', text: 'region', type: 'd' },
      { code: 'Kon', text: 'kön', type: 'd' },
      { code: 'Tid', text: 'år', type: 't' },
      { code: 'BE0101N1', text: 'Folkmängd', type: 'c' },
    ],
    comments: [],
    data: [
      { key: ['0114', '1', times[0]], values: ['24123'] },
      { key: ['0114', '2', times[0]], values: ['..'] },
      { key: ['0115', '1', times[1]], values: ['21000'] },
    ],
    metadata: [{ infofile: 'BE0101', updated: '2024-02-21T07:00:00', label: 'Folkmängden efter region, kön och år', source: 'Statistiska centralbyrån' }],
  };
}

describe('parsePxWebJson', () => {
  it('parsePxWebJson reads region, year and contents, with other variables in the measure', () => {
    const r = table(parsePxWebJson(scbResponse(), 'px.json'));
    expect(r.format).toBe('pxweb-json');
    expect(r.title).toBe('Folkmängden efter region, kön och år');
    expect(r.measures.map((m) => m.id)).toEqual(['Folkmängd, 1', 'Folkmängd, 2']);
    expect(r.rows.map(({ code, year, value, status, measure }) => [code, year, value, status, measure])).toEqual([
      ['0114', 2022, 24123, 'ok', 'Folkmängd, 1'],
      ['0114', 2022, null, 'suppressed', 'Folkmängd, 2'],
      ['0115', 2023, 21000, 'ok', 'Folkmängd, 1'],
    ]);
  });

  it('parsePxWebJson makes one measure per contents column', () => {
    const json = {
      columns: [
        { code: 'Region', text: 'region', type: 'd' },
        { code: 'Tid', text: 'år', type: 't' },
        { code: 'A', text: 'Medianinkomst', type: 'c', unit: 'tkr' },
        { code: 'B', text: 'Antal', type: 'c' },
      ],
      data: [{ key: ['0114', '2022'], values: ['320.5', ''] }],
    };
    const r = table(parsePxWebJson(json, 'px.json'));
    expect(r.measures).toEqual([
      { id: 'Medianinkomst', label: 'Medianinkomst', unit: 'tkr' },
      { id: 'Antal', label: 'Antal' },
    ]);
    expect(r.rows.map((x) => [x.value, x.status])).toEqual([
      [320.5, 'ok'],
      [null, 'missing'],
    ]);
  });

  it('parsePxWebJson refuses monthly data', () => {
    const r = parsePxWebJson(scbResponse(['2022M01', '2022M02']), 'px.json');
    expect(r.kind === 'error' && r.code).toBe('no-year');
  });

  it('parsePxWebJson skips quarters mixed with years, with a warning', () => {
    const r = table(parsePxWebJson(scbResponse(['2022K1', '2023']), 'px.json'));
    expect(r.rows).toHaveLength(1);
    expect(r.warnings[0]?.en).toMatch(/^2 rows with a month\/quarter were skipped \(first: 2022K1\)/);
  });

  it.each([
    ['not an object', 42, 'bad-json'],
    ['no data', { columns: [] }, 'bad-json'],
    [
      'a data entry without key',
      {
        columns: [
          { code: 'Region', type: 'd' },
          { code: 'Tid', type: 't' },
        ],
        data: [{ values: [] }],
      },
      'bad-json',
    ],
    [
      'no region',
      {
        columns: [
          { code: 'Tid', type: 't' },
          { code: 'X', type: 'c' },
        ],
        data: [],
      },
      'no-area-column',
    ],
    [
      'no time',
      {
        columns: [
          { code: 'Region', type: 'd' },
          { code: 'X', type: 'c' },
        ],
        data: [],
      },
      'no-year',
    ],
    [
      'no rows',
      {
        columns: [
          { code: 'Region', type: 'd' },
          { code: 'Tid', type: 't' },
          { code: 'X', type: 'c' },
        ],
        data: [],
      },
      'no-rows',
    ],
    [
      'a value that is not a number',
      {
        columns: [
          { code: 'Region', type: 'd' },
          { code: 'Tid', type: 't' },
          { code: 'X', type: 'c' },
        ],
        data: [{ key: ['01', '2020'], values: ['tolv'] }],
      },
      'bad-number',
    ],
  ])('parsePxWebJson reports %s', (_, json, code) => {
    const r = parsePxWebJson(json, 'px.json');
    expect(r.kind === 'error' && r.code).toBe(code);
  });
});
