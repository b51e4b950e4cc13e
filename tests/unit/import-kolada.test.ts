import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { koladaNextPage, parseKoladaV2 } from '../../src/import/kolada-api';
import { cell, sample, table } from './import-fixtures';

describe('parseKoladaV2 on a saved response', () => {
  it('parseKoladaV2(two municipalities × two periods × T/K/M) gives 12 rows and 3 measures', () => {
    const t = table(parseKoladaV2(sample('kolada-v2-data.json'), 'kolada.json'));
    expect(t.format).toBe('kolada-v2');
    expect(t.title).toBe('Kolada N00906');
    expect(t.measures).toEqual([
      { id: 'N00906-K', label: 'N00906, kvinnor' },
      { id: 'N00906-M', label: 'N00906, män' },
      { id: 'N00906-T', label: 'N00906, totalt' },
    ]);
    expect(t.rows).toHaveLength(12);
    expect(cell(t, '1480', 2022, 'N00906-T')).toEqual([359800, 'ok']);
    expect(cell(t, '1480', 2021, 'N00906-K')).toEqual([330500, 'ok']);
    expect(t.warnings).toEqual([]);
  });

  it('parseKoladaV2: null with a status is suppressed, null without one is missing', () => {
    const t = table(parseKoladaV2(sample('kolada-v2-data.json'), 'kolada.json'));
    expect(cell(t, '1490', 2021, 'N00906-K')).toEqual([null, 'suppressed']);
    expect(cell(t, '1490', 2022, 'N00906-M')).toEqual([null, 'missing']);
  });

  it('parseKoladaV2: period as a string, and a page with next_page warns that it is one of several', () => {
    const json = sample('kolada-v2-page1.json');
    const t = table(parseKoladaV2(json, 'p1.json'));
    expect(cell(t, '1480', 2022, 'N00923-T')).toEqual([80.55, 'ok']);
    expect(t.warnings).toHaveLength(1);
    expect(koladaNextPage(json)).toBe('https://api.kolada.se/v2/data/kpi/N00923/year/2021,2022?page=2&per_page=2');
    expect(koladaNextPage(sample('kolada-v2-page2.json'))).toBeNull();
  });
});

describe('parseKoladaV2 edge cases', () => {
  it.each([
    { title: 'not an object', json: 'x', code: 'bad-json', at: '$.values' },
    { title: 'no values list', json: { count: 0 }, code: 'bad-json', at: '$.values' },
    { title: 'empty values', json: { count: 0, values: [] }, code: 'no-rows', at: '$.values' },
    { title: 'items without a year', json: { values: [{ kpi: 'N1', municipality: '1480', period: 'x', values: [] }] }, code: 'no-rows', at: '$.values' },
  ])('parseKoladaV2: $title → $code', ({ json, code, at }) => {
    expect(parseKoladaV2(json, 'k.json')).toMatchObject({ kind: 'error', code, at, fileName: 'k.json' });
  });

  it('parseKoladaV2: broken items are skipped with a warning; NaN-ish values are missing', () => {
    const json = {
      values: [null, { kpi: 'N1', municipality: '1480', period: 2022, values: [{ gender: 'T', value: 'NaN', status: null }, 7, { value: 3 }] }],
    };
    const t = table(parseKoladaV2(json, 'k.json'));
    expect(t.rows.map((r) => [r.measure, r.value, r.status])).toEqual([
      ['N1-T', null, 'missing'],
      ['N1-T', 3, 'ok'],
    ]);
    expect(t.warnings).toHaveLength(1);
    expect(t.rows[1]?.at).toBe('$.values[1].values[2]');
  });
});

const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.constantFrom('', 'T', 'K', 'M', '2022', '1480', 'N00906', 'Bortfall', 'NaN', '1e999', 'Infinity'),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.constantFrom('kpi', 'municipality', 'period', 'values', 'gender', 'value', 'status', 'count', 'next_page'), tie('value'), { maxKeys: 6 }),
  ),
})).value;

const entry = fc.record({ gender: fc.constantFrom('T', 'K', 'M', 'X', ''), value: fc.oneof(fc.double(), fc.constant(null), jsonValue), status: jsonValue });
const item = fc.record({
  kpi: fc.oneof(fc.constant('N00906'), jsonValue),
  municipality: fc.oneof(fc.constantFrom('1480', '0000'), jsonValue),
  period: fc.oneof(fc.integer({ min: 1990, max: 2030 }), jsonValue),
  values: fc.oneof(fc.array(entry, { maxLength: 3 }), jsonValue),
});

describe('parseKoladaV2 property', () => {
  it('parseKoladaV2(random or Kolada-shaped JSON) never throws and never yields NaN', () => {
    fc.assert(
      fc.property(fc.oneof(jsonValue, fc.record({ count: fc.nat(), values: fc.array(item, { maxLength: 6 }) })), (json) => {
        const r = parseKoladaV2(json, 'random.json');
        if (r.kind === 'table') {
          for (const row of r.rows) {
            expect(row.value === null || Number.isFinite(row.value)).toBe(true);
            expect(row.status === 'ok').toBe(row.value !== null);
          }
        } else expect(r.kind).toBe('error');
      }),
      { numRuns: 500 },
    );
  });
});
