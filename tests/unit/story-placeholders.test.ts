import { describe, expect, it } from 'vitest';
import type { IndicatorMeta, IndicatorValues } from '../../src/data/types';
import { fillPlaceholders, unknownPlaceholders, type PlaceholderContext } from '../../src/story/placeholders';
import { gapSeries } from '../../src/stats/gap';
import { joinIndicator } from '../../src/state/selectors';

const nb = '\u00a0';

/**
 * Five areas over three years, unweighted, so every figure is easy by hand:
 * range = max − min; with five areas each fifth is one area, so fifthGap = range too.
 *   2011: 10 20 30 40 50 → range 40      2012: 9 16 22 28 35 → range 26      2013: 8 12 14 16 20 → range 12
 * Area F has no value in any year.
 */
function context(): PlaceholderContext {
  const indicator: IndicatorMeta = {
    id: 'test-low-econ',
    name: { sv: 'Låg ekonomisk standard', en: 'Low economic standard' },
    short: { sv: 'Låg ekonomisk standard', en: 'Low economic standard' },
    description: { sv: '', en: '' },
    unit: 'percent',
    decimals: 1,
    direction: 'higher-worse',
    targetArea: 'living',
    sex: 'total',
    aggregation: 'rate',
    source: 'test',
    table: 'test',
    levels: {},
  };
  const codes = ['A', 'B', 'C', 'D', 'E', 'F'];
  const values: IndicatorValues = {
    indicator: indicator.id,
    level: 'kommun',
    years: [2011, 2012, 2013],
    codes: ['E', 'D', 'C', 'B', 'A'],
    values: [
      [50, 40, 30, 20, 10],
      [35, 28, 22, 16, 9],
      [20, 16, 14, 12, 8],
    ],
    missing: { F: 'suppressed' },
  };
  const series = joinIndicator(codes, values);
  const stats = gapSeries(series, null, indicator);
  return { indicator, level: 'kommun', series, stats, codes, names: ['Aby', 'Bro', 'Cala', 'Dal', 'Ed', 'Fors'], measure: 'range', from: 2011, to: 2013 };
}

describe('fillPlaceholders(text, context, lang)', () => {
  it.each<[string, 'sv' | 'en', string]>([
    ['{gap:range:2011}', 'sv', `40,0${nb}procentenheter`],
    ['{gap:range:2012}', 'en', `26.0${nb}percentage points`],
    ['{gap:fifthGap:2013}', 'sv', `12,0${nb}procentenheter`],
    ['{gap:range:2011:2013:change}', 'sv', `−28,0${nb}procentenheter`],
    ['{gap:range:2012:2013:change}', 'en', `-14.0${nb}percentage points`],
    ['{value:C:2012}', 'sv', `22,0${nb}%`],
    ['{value:C:2012}', 'en', '22.0%'],
    ['{value:F:2012}', 'sv', 'uppgift saknas'],
    ['{name:D}', 'sv', 'Dal'],
    // 40, 26, 12: a steady fall, but three years can never rule out chance (Mann–Kendall: min p = 2/6).
    ['{verdict:range:2011:2013}', 'sv', 'kan inte bedömas (för få år)'],
    ['{verdict:range:2011:2013}', 'en', 'cannot be judged (too few years)'],
    [
      '{summary}',
      'sv',
      `Med 3 mätår mellan 2011 och 2013 går det inte att avgöra om skillnaden i låg ekonomisk standard mellan de kommuner där den är högst och lägst ökade eller minskade (från 40,0 till 12,0${nb}procentenheter).`,
    ],
  ])('fills %s (%s) as %s', (text, lang, expected) => {
    expect(fillPlaceholders(text, context(), lang)).toBe(expected);
  });

  it('fills several placeholders inside a sentence and leaves other text alone', () => {
    expect(fillPlaceholders('I {name:A} var det {value:A:2011} – {x y} och {} står kvar.', context(), 'sv')).toBe(
      `I Aby var det 10,0${nb}% – {x y} och {} står kvar.`,
    );
  });

  it.each<[string, 'sv' | 'en', string]>([
    ['{gapp:range:2011}', 'sv', '[okänd platshållare: {gapp:range:2011}]'],
    ['{gap:variance:2011}', 'en', '[unknown placeholder: {gap:variance:2011}]'],
    ['{gap:range:11}', 'sv', '[okänd platshållare: {gap:range:11}]'],
    ['{gap:range:2011:2013:diff}', 'sv', '[okänd platshållare: {gap:range:2011:2013:diff}]'],
    ['{summary:x}', 'sv', '[okänd platshållare: {summary:x}]'],
    ['{gap:range:2030}', 'sv', '[saknas i data: {gap:range:2030}]'],
    ['{value:Z:2011}', 'en', '[not in the data: {value:Z:2011}]'],
    ['{name:Z}', 'sv', '[saknas i data: {name:Z}]'],
    ['{verdict:range:2013:2011}', 'sv', '[saknas i data: {verdict:range:2013:2011}]'],
  ])('keeps %s visible (%s) as %s', (text, lang, expected) => {
    expect(fillPlaceholders(text, context(), lang)).toBe(expected);
  });

  it('says when the verdict has too few years', () => {
    const ctx = context();
    // One year with a value: insufficient.
    expect(
      fillPlaceholders(
        '{verdict:range:2011:2012}',
        { ...ctx, stats: [ctx.stats[0]!, { ...ctx.stats[1]!, range: { value: null, reason: 'no-data', minIndex: -1, maxIndex: -1 } }] },
        'sv',
      ),
    ).toBe('kan inte bedömas (för få år)');
    // Two years with values (40 → 26) are too few as well.
    expect(fillPlaceholders('{verdict:range:2011:2012}', ctx, 'en')).toBe('cannot be judged (too few years)');
  });
});

describe('unknownPlaceholders(text)', () => {
  it('lists only the placeholders that do not parse', () => {
    expect(unknownPlaceholders('{gap:range:2011} {foo} {value:1480:2022} {verdict:gini:2011} {name:1480}')).toEqual(['{foo}', '{verdict:gini:2011}']);
  });

  it('returns nothing for plain text', () => {
    expect(unknownPlaceholders('')).toEqual([]);
    expect(unknownPlaceholders('Inga platshållare här, bara {mellanslag i klamrar}.')).toEqual([]);
  });
});
