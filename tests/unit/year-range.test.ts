import { describe, expect, it } from 'vitest';
import { readYear } from '../../src/import/common';
import { parseCsvTable } from '../../src/import/csv-table';
import { YEAR_RANGE, yearOutOfRange } from '../../src/import/year-range';

describe('YEAR_RANGE', () => {
  it('is the range readYear accepts', () => {
    expect(readYear(YEAR_RANGE.min)).toBe(YEAR_RANGE.min);
    expect(readYear(YEAR_RANGE.max)).toBe(YEAR_RANGE.max);
    expect(readYear(YEAR_RANGE.min - 1)).toBeNull();
    expect(readYear(YEAR_RANGE.max + 1)).toBeNull();
  });
});

describe('yearOutOfRange(raw)', () => {
  it.each([
    ['1850', 1850],
    [' 1899 ', 1899],
    [2150, 2150],
    ['999', 999],
    ['1900', null],
    ['2024', null],
    ['', null],
    ['20x0', null],
    ['12345', null],
    ['2020-01', null],
    [null, null],
    [undefined, null],
  ] as const)('%j → %j', (raw, expected) => {
    expect(yearOutOfRange(raw)).toBe(expected);
  });
});

describe('parseCsvTable(text, fileName) with years outside the range', () => {
  it('names the year and the range when some rows are outside it, and keeps the rest', () => {
    const result = parseCsvTable('kod;år;värde\n1480;1850;1\n1480;1899;2\n1480;2020;3\n', 'gammal.csv');
    expect(result.kind).toBe('table');
    if (result.kind !== 'table') return;
    expect(result.rows.map((r) => r.year)).toEqual([2020]);
    expect(result.warnings.map((w) => w.sv)).toEqual(['2 rader har år utanför det godtagna intervallet 1900–2099 och hoppades över (första: rad 2, år 1850).']);
    expect(result.warnings.map((w) => w.en)).toEqual(['2 rows have years outside the accepted range 1900–2099 and were skipped (first: line 2, year 1850).']);
  });

  it('keeps "without a year" for rows whose year is empty or not a year', () => {
    const result = parseCsvTable('kod;år;värde\n1480;;1\n1480;okänt;2\n1480;2020;3\n', 'tom.csv');
    expect(result.kind === 'table' && result.warnings.map((w) => w.sv)).toEqual(['2 rader utan år hoppades över (första: 2).']);
  });

  it('fails naming the range when every year is outside it', () => {
    const result = parseCsvTable('kod;år;värde\n1480;1850;1\n1480;1860;2\n', 'gammal.csv');
    expect(result).toMatchObject({ kind: 'error', code: 'no-year', at: '2' });
    expect(result.kind === 'error' && result.message.sv).toBe('Alla år i filen ligger utanför det godtagna intervallet 1900–2099 (t.ex. 1850 på rad 2).');
  });

  it('says which year columns of a wide table were not read', () => {
    const result = parseCsvTable('kod;1850;2020\n1480;1;2\n', 'bred.csv');
    expect(result.kind === 'table' && result.warnings.map((w) => w.sv)).toEqual(['Kolumnerna 1850 har år utanför det godtagna intervallet 1900–2099 och lästes inte.']);
  });
});
