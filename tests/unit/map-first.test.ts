/** The map-first path of a year change (src/shell/map-first.ts): which changes take it. */
import { describe, expect, it } from 'vitest';
import { yearOnly } from '../../src/shell/map-first';
import { DEFAULT_VIEW } from '../../src/state/view-state';

describe('yearOnly(shown, next)', () => {
  const shown = { ...DEFAULT_VIEW, year: 2020, highlight: ['0180'] };

  it('is true when only the year changed (a copied highlight list counts as the same)', () => {
    expect(yearOnly(shown, { ...shown, year: 2021, highlight: ['0180'] })).toBe(true);
  });

  it.each([
    ['the same year', {}],
    ['the year and the level', { year: 2021, level: 'gbg-deso' as const }],
    ['the year and the indicator', { year: 2021, indicator: 'kolada-n00923' }],
    ['the year and the selected area', { year: 2021, area: '1480' }],
    ['the year and the highlights', { year: 2021, highlight: ['0180', '1480'] }],
    ['the year and the language', { year: 2021, lang: 'en' as const }],
  ])('is false for %s', (_title, patch) => {
    expect(yearOnly(shown, { ...shown, ...patch })).toBe(false);
  });
});
