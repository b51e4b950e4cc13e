import { describe, expect, it } from 'vitest';
import { sortRows, type TableColumn, type SortDirection, type TableRow } from '../../src/data/table-sort';

function row(code: string, name: string, value: number, rank: number, change = NaN): TableRow {
  return { code, name, value, rank, change, reason: null };
}

/** Four municipalities; Ödeshög has no value, Borås and Ale tie on value. */
const rows: TableRow[] = [row('0509', 'Ödeshög', NaN, 0), row('1490', 'Borås', 12, 2, -1.5), row('1440', 'Ale', 12, 2, 0.5), row('1480', 'Göteborg', 9.5, 1)];

const codes = (sorted: TableRow[]) => sorted.map((r) => r.code);

describe('sortRows(rows, column, direction)', () => {
  const cases: { title: string; column: TableColumn; direction: SortDirection; expected: string[] }[] = [
    {
      title: 'rank ascending: best first, ties in input order, missing last',
      column: 'rank',
      direction: 'ascending',
      expected: ['1480', '1490', '1440', '0509'],
    },
    { title: 'rank descending: missing still last, ties stay stable', column: 'rank', direction: 'descending', expected: ['1490', '1440', '1480', '0509'] },
    { title: 'value ascending', column: 'value', direction: 'ascending', expected: ['1480', '1490', '1440', '0509'] },
    { title: 'value descending keeps missing last', column: 'value', direction: 'descending', expected: ['1490', '1440', '1480', '0509'] },
    {
      title: 'change ascending: two missing changes last in input order',
      column: 'change',
      direction: 'ascending',
      expected: ['1490', '1440', '0509', '1480'],
    },
    { title: 'change descending', column: 'change', direction: 'descending', expected: ['1440', '1490', '0509', '1480'] },
    { title: 'name ascending uses Swedish order (Ö after G)', column: 'name', direction: 'ascending', expected: ['1440', '1490', '1480', '0509'] },
    { title: 'name descending', column: 'name', direction: 'descending', expected: ['0509', '1480', '1490', '1440'] },
    { title: 'code ascending', column: 'code', direction: 'ascending', expected: ['0509', '1440', '1480', '1490'] },
    { title: 'code descending', column: 'code', direction: 'descending', expected: ['1490', '1480', '1440', '0509'] },
  ];
  for (const { title, column, direction, expected } of cases) {
    it(title, () => {
      expect(codes(sortRows(rows, column, direction))).toEqual(expected);
    });
  }

  it('returns an empty array for no rows', () => {
    expect(sortRows([], 'rank', 'ascending')).toEqual([]);
  });

  it('does not reorder its input', () => {
    const input = [...rows];
    sortRows(input, 'value', 'ascending');
    expect(codes(input)).toEqual(['0509', '1490', '1440', '1480']);
  });

  it('puts ä after z in Swedish and with the a:s in English', () => {
    const names = [row('1', 'Älmhult', 1, 1), row('2', 'Zinkgruvan', 1, 1), row('3', 'Arjeplog', 1, 1)];
    expect(codes(sortRows(names, 'name', 'ascending', 'sv'))).toEqual(['3', '2', '1']);
    // English collation reads Ä as A, so "Älm…" sorts before "Arj…" (l < r).
    expect(codes(sortRows(names, 'name', 'ascending', 'en'))).toEqual(['1', '3', '2']);
  });

  it('orders alphanumeric codes by their numbers (DeSO)', () => {
    const deso = [row('1480C1622', 'x', 1, 1), row('1480C990', 'y', 1, 1), row('1480A0010', 'z', 1, 1)];
    expect(codes(sortRows(deso, 'code', 'ascending'))).toEqual(['1480A0010', '1480C990', '1480C1622']);
  });

  it('treats rank 0 as missing even when a value is present', () => {
    const odd = [row('a', 'a', 5, 0), row('b', 'b', 7, 3)];
    expect(codes(sortRows(odd, 'rank', 'descending'))).toEqual(['b', 'a']);
  });
});
