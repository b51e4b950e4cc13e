import { describe, expect, it } from 'vitest';
import type { ColorScale } from '../../src/scales/color-scale';
import { legendEntries } from '../../src/i18n/legend';

function scale(overrides: Partial<ColorScale>): ColorScale {
  return { breaks: [10, 20], colors: ['#a', '#b', '#c'], rgba: [], min: 0, max: 30, direction: 'higher-worse', ...overrides };
}

const rows = (s: ColorScale, lang: 'sv' | 'en' = 'sv', decimals = 0) => legendEntries(s, 'percent', decimals, lang).map((e) => [e.color, e.label, e.end]);

describe('legendEntries(scale, unit, decimals, lang)', () => {
  it('labels the first class "under", the middle ones as ranges and the last "or more" (sv)', () => {
    expect(rows(scale({}))).toEqual([
      ['#a', 'under 10\u00a0%', 'better'],
      ['#b', '10\u00a0% – 20\u00a0%', null],
      ['#c', '20\u00a0% eller mer', 'worse'],
    ]);
  });

  it('uses English wording and a decimal point with the decimals asked for', () => {
    expect(rows(scale({ breaks: [1.25, 2.5] }), 'en', 1)).toEqual([
      ['#a', 'below 1.3%', 'better'],
      ['#b', '1.3% – 2.5%', null],
      ['#c', '2.5% or more', 'worse'],
    ]);
  });

  it('puts the worse end first when higher is better', () => {
    expect(rows(scale({ direction: 'higher-better' })).map((r) => r[2])).toEqual(['worse', null, 'better']);
  });

  it('marks no ends for neutral indicators', () => {
    expect(rows(scale({ direction: 'neutral' })).map((r) => r[2])).toEqual([null, null, null]);
  });

  it('gives one row with the value when all values are equal', () => {
    expect(rows(scale({ breaks: [], colors: ['#b'], min: 5, max: 5 }))).toEqual([['#b', '5\u00a0%', null]]);
  });

  it('gives one row with min – max when there are no breaks but a spread', () => {
    expect(rows(scale({ breaks: [], colors: ['#b'], min: 5, max: 7 }))).toEqual([['#b', '5\u00a0% – 7\u00a0%', null]]);
  });

  it('gives no rows for a scale built from no values', () => {
    expect(rows(scale({ breaks: [], colors: ['#b'], min: Infinity, max: -Infinity }))).toEqual([]);
  });
});
