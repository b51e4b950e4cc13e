import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_STAT_CELLS, parseJsonStat } from '../../src/import/json-stat';
import type { ImportResult } from '../../src/import/types';
import { cell, sample, table } from './import-fixtures';

describe('parseJsonStat on saved samples', () => {
  it('parseJsonStat(spec dataset) uses the roles, object index and array index, and status', () => {
    const t = table(parseJsonStat(sample('json-stat-spec-dataset.json'), 'oecd.json'));
    expect(t.format).toBe('json-stat');
    expect(t.title).toBe('Unemployment rate in the OECD countries 2003-2004');
    expect(t.measures).toEqual([{ id: 'unemployment rate', label: 'unemployment rate', unit: 'percent' }]);
    expect(t.unitText).toBe('percent');
    expect(t.rows).toHaveLength(6);
    expect(cell(t, 'AU', 2003, 'unemployment rate')).toEqual([5.943826289, 'ok']);
    // Status "e" (estimate) on a number keeps the number.
    expect(cell(t, 'AT', 2004, 'unemployment rate')).toEqual([4.939707755, 'ok']);
    // null with status ".." is suppressed.
    expect(cell(t, 'BE', 2004, 'unemployment rate')).toEqual([null, 'suppressed']);
    expect(t.rows.find((r) => r.code === 'BE')?.name).toBe('Belgium');
  });

  it('parseJsonStat(sparse values) gives missing cells and measures combining labels of extra dimensions', () => {
    const t = table(parseJsonStat(sample('json-stat-spec-sparse.json'), 'sparse.json'));
    expect(t.measures.map((m) => m.id)).toEqual(['Män · 20–64 år', 'Män · 65+ år', 'Kvinnor · 20–64 år', 'Kvinnor · 65+ år']);
    expect(t.rows).toHaveLength(8);
    expect(cell(t, '1480', 2023, 'Män · 20–64 år')).toEqual([190000, 'ok']);
    expect(cell(t, '1490', 2023, 'Kvinnor · 20–64 år')).toEqual([38000, 'ok']);
    expect(cell(t, '1490', 2023, 'Män · 20–64 år')).toEqual([null, 'missing']);
    expect(t.rows.find((r) => r.code === '1490')?.name).toBe('Borås');
  });

  it('parseJsonStat(collection) reads its one dataset', () => {
    const t = table(parseJsonStat(sample('json-stat-collection.json'), 'c.json'));
    expect(t.rows.map((r) => [r.code, r.year, r.value])).toEqual([
      ['1480', 2023, 604616],
      ['1490', 2023, 115123],
    ]);
    expect(t.measures).toEqual([{ id: 'Folkmängd', label: 'Folkmängd' }]);
  });

  it('parseJsonStat(1.x bundle) reads id/size/role from the dimension member', () => {
    const bundle = {
      pop: {
        label: 'Folkmängd',
        dimension: {
          id: ['område', 'år'],
          size: [1, 2],
          role: { geo: ['område'], time: ['år'] },
          område: { category: { index: { '1480': 0 } } },
          år: { category: { index: ['2022', '2023'] } },
        },
        value: [600000, 604616],
      },
    };
    const t = table(parseJsonStat(bundle, 'bundle.json'));
    expect(t.rows.map((r) => [r.code, r.year, r.value])).toEqual([
      ['1480', 2022, 600000],
      ['1480', 2023, 604616],
    ]);
  });

  it('parseJsonStat(SCB v2 table) gives one measure per ContentsCode and keeps DeSO codes', () => {
    const t = table(parseJsonStat(sample('scb-v2-deso-table.json'), 'TAB.json'));
    expect(t.measures.map((m) => m.id)).toEqual(['Antal personer totalt', 'Låg ekonomisk standard, procent']);
    expect(t.rows).toHaveLength(12);
    expect(cell(t, '1480C1010', 2022, 'Låg ekonomisk standard, procent')).toEqual([13.1, 'ok']);
    expect(cell(t, '1480C1020', 2021, 'Låg ekonomisk standard, procent')).toEqual([null, 'suppressed']);
    expect(cell(t, '1490C1010', 2021, 'Antal personer totalt')).toEqual([980, 'ok']);
    // The region label equals the code: no separate name.
    expect(t.rows[0]?.name).toBeUndefined();
  });

  it('parseJsonStat(SCB v2 without roles) detects Region, ContentsCode and Tid by name', () => {
    const t = table(parseJsonStat(sample('scb-v2-no-roles.json'), 'x.json'));
    expect(t.measures.map((m) => m.id)).toEqual(['Medianvärde, tkr']);
    expect(cell(t, '1480', 2022, 'Medianvärde, tkr')).toEqual([291.4, 'ok']);
    expect(cell(t, '1490', 2022, 'Medianvärde, tkr')).toEqual([null, 'missing']);
  });
});

describe('parseJsonStat errors', () => {
  const base = () => sample('scb-v2-no-roles.json') as Record<string, unknown>;
  it.each([
    { title: 'not an object', json: 42, code: 'bad-json', at: '$' },
    { title: 'null', json: null, code: 'bad-json', at: '$' },
    { title: 'no dataset in an object', json: { hello: 'world' }, code: 'bad-json', at: '$' },
    { title: 'empty collection', json: { class: 'collection', link: { item: [] } }, code: 'bad-json', at: '$.link.item' },
    { title: 'size does not match id', json: { ...base(), size: [2, 1] }, code: 'bad-json', at: '$.size' },
    { title: 'category count differs from size', json: { ...base(), size: [3, 1, 2] }, code: 'bad-json', at: '$.dimension.Region.category' },
    { title: 'missing dimension', json: { ...base(), id: ['Region', 'Nope', 'Tid'] }, code: 'bad-json', at: '$.dimension.Nope' },
    { title: 'no value member', json: { ...base(), value: undefined }, code: 'bad-json', at: '$.value' },
    { title: 'too many cells', json: { ...base(), size: [MAX_JSON_STAT_CELLS, 1, 2] }, code: 'too-large', at: '$.size' },
  ])('parseJsonStat: $title → $code at $at', ({ json, code, at }) => {
    const r = parseJsonStat(json, 'f.json');
    expect(r).toMatchObject({ kind: 'error', code, at, fileName: 'f.json' });
    if (r.kind === 'error') {
      expect(r.message.sv).not.toBe('');
      expect(r.message.en).not.toBe('');
    }
  });

  it('parseJsonStat: no area dimension → no-area-column', () => {
    const json = { id: ['x', 'Tid'], size: [1, 1], dimension: { x: { category: { index: ['a'] } }, Tid: { category: { index: ['2022'] } } }, value: [1] };
    expect(parseJsonStat(json, 'f.json')).toMatchObject({ kind: 'error', code: 'no-area-column' });
  });

  it('parseJsonStat: no time dimension → no-year', () => {
    const json = { id: ['Region', 'x'], size: [1, 1], dimension: { Region: { category: { index: ['1480'] } }, x: { category: { index: ['a'] } } }, value: [1] };
    expect(parseJsonStat(json, 'f.json')).toMatchObject({ kind: 'error', code: 'no-year' });
  });

  it('parseJsonStat: NaN-like and text values become suppressed, never NaN', () => {
    const json = { ...base(), value: ['abc', '..', 'NaN', '12,5'] };
    const t = table(parseJsonStat(json, 'f.json'));
    expect(t.rows.map((r) => [r.value, r.status])).toEqual([
      [null, 'suppressed'],
      [null, 'suppressed'],
      [null, 'suppressed'],
      [12.5, 'ok'],
    ]);
    expect(t.warnings).toHaveLength(1);
  });
});

/** Random JSON-ish values, with JSON-stat-shaped ones mixed in. */
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer({ min: -3, max: 5 }),
    fc.constantFrom('', '..', '2022', 'Region', 'Tid', 'ContentsCode', 'geo', 'time', 'metric', 'dataset', 'collection', 'NaN', '1e999'),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(
      fc.constantFrom('id', 'size', 'dimension', 'value', 'status', 'role', 'class', 'category', 'index', 'label', 'Region', 'Tid', 'link', 'item', '0', '1'),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;

/** Mutates one member of the saved SCB sample. */
const mutated = fc
  .tuple(fc.constantFrom('id', 'size', 'dimension', 'value', 'status', 'role', 'class'), jsonValue)
  .map(([key, v]) => ({ ...(sample('scb-v2-deso-table.json') as Record<string, unknown>), [key]: v }));

function assertWellFormed(r: ImportResult) {
  if (r.kind === 'table') {
    for (const row of r.rows) {
      expect(row.value === null || Number.isFinite(row.value)).toBe(true);
      expect(row.status === 'ok').toBe(row.value !== null);
      expect(Number.isInteger(row.year)).toBe(true);
    }
  } else expect(r.kind).toBe('error');
}

describe('parseJsonStat property', () => {
  it('parseJsonStat(random or mutated JSON) never throws and never yields NaN', () => {
    fc.assert(
      fc.property(fc.oneof(jsonValue, mutated), (json) => {
        assertWellFormed(parseJsonStat(json, 'random.json'));
      }),
      { numRuns: 500 },
    );
  });
});
