import { describe, expect, it } from 'vitest';
import { gapSummary, type GapSummaryInput } from '../../src/i18n/trend-sentences';

// Numbers and units are joined by a no-break space, as in src/format/number.ts.
const nb = '\u00a0';

const lowEconomicStandard: GapSummaryInput['indicator'] = {
  name: { sv: 'Låg ekonomisk standard 0–19 år', en: 'Low economic standard 0–19 years' },
  unit: 'percent',
  decimals: 0,
  direction: 'higher-worse',
};
const lifeExpectancy: GapSummaryInput['indicator'] = {
  name: { sv: 'Medellivslängd', en: 'Life expectancy' },
  unit: 'years',
  decimals: 1,
  direction: 'higher-better',
};
const kommuner = { sv: 'kommuner', svDefinite: 'kommunerna', en: 'municipalities' };

/** A narrowing range 2011–2022 from 40 to 35, overridable per case. */
function input(overrides: Partial<GapSummaryInput>): GapSummaryInput {
  return {
    indicator: lowEconomicStandard,
    levelNoun: kommuner,
    measure: 'range',
    from: 2011,
    to: 2022,
    gapFrom: 40,
    gapTo: 35,
    verdict: 'narrowing',
    lang: 'sv',
    ...overrides,
  };
}

describe('gapSummary(input)', () => {
  it.each<[string, Partial<GapSummaryInput>, string]>([
    [
      'narrowing range (sv)',
      {},
      `Mellan 2011 och 2022 minskade skillnaden i låg ekonomisk standard 0–19 år mellan de kommuner där den är högst och lägst, från 40 till 35${nb}procentenheter.`,
    ],
    [
      'narrowing range (en)',
      { lang: 'en' },
      `Between 2011 and 2022 the gap in low economic standard 0–19 years between the municipalities where it is highest and lowest narrowed, from 40 to 35${nb}percentage points.`,
    ],
    [
      'widening fifth gap, population-weighted (sv)',
      { measure: 'fifthGap', weighted: true, gapFrom: 30, gapTo: 33, verdict: 'widening' },
      `Mellan 2011 och 2022 ökade skillnaden i låg ekonomisk standard 0–19 år mellan den femtedel av befolkningen som bor i de mest och minst utsatta kommunerna, från 30 till 33${nb}procentenheter.`,
    ],
    [
      'widening fifth gap, population-weighted (en)',
      { measure: 'fifthGap', weighted: true, gapFrom: 30, gapTo: 33, verdict: 'widening', lang: 'en' },
      `Between 2011 and 2022 the gap in low economic standard 0–19 years between the fifth of the population living in the most and least disadvantaged municipalities widened, from 30 to 33${nb}percentage points.`,
    ],
    [
      'fifth gap of areas when unweighted (sv)',
      { measure: 'fifthGap', gapFrom: 30, gapTo: 33, verdict: 'widening' },
      `Mellan 2011 och 2022 ökade skillnaden i låg ekonomisk standard 0–19 år mellan den femtedel av kommunerna där den är högst och den femtedel där den är lägst, från 30 till 33${nb}procentenheter.`,
    ],
    [
      // The numbers fall, but the verdict (noise) decides the verb.
      'no clear change (sv)',
      { verdict: 'no-clear-change', gapTo: 39 },
      `Mellan 2011 och 2022 förändrades skillnaden i låg ekonomisk standard 0–19 år mellan de kommuner där den är högst och lägst inte tydligt (från 40 till 39${nb}procentenheter).`,
    ],
    [
      'no clear change (en)',
      { verdict: 'no-clear-change', gapTo: 39, lang: 'en' },
      `Between 2011 and 2022 the gap in low economic standard 0–19 years between the municipalities where it is highest and lowest did not change clearly (from 40 to 39${nb}percentage points).`,
    ],
    [
      'ratio measure in "gånger" with two decimals (sv)',
      { measure: 'ratio', weighted: true, gapFrom: 2.1, gapTo: 1.8 },
      `Mellan 2011 och 2022 minskade skillnaden i låg ekonomisk standard 0–19 år mellan den femtedel av befolkningen som bor i de mest och minst utsatta kommunerna, mätt som kvot, från 2,10 till 1,80${nb}gånger.`,
    ],
    [
      'P90/P10 in "times" (en)',
      { measure: 'p90p10', gapFrom: 3.456, gapTo: 2.9, lang: 'en' },
      `Between 2011 and 2022 the gap in low economic standard 0–19 years between municipalities, measured as the ratio of the 90th to the 10th percentile, narrowed, from 3.46 to 2.90${nb}times.`,
    ],
    [
      'Gini index with three decimals and no unit (sv)',
      { indicator: lifeExpectancy, measure: 'gini', gapFrom: 0.0123, gapTo: 0.0151, verdict: 'widening' },
      'Mellan 2011 och 2022 ökade skillnaden i medellivslängd mellan kommunerna, mätt med Gini-koefficienten, från 0,012 till 0,015.',
    ],
    [
      'Gini index (en)',
      { indicator: lifeExpectancy, measure: 'gini', gapFrom: 0.0123, gapTo: 0.0151, verdict: 'widening', lang: 'en' },
      'Between 2011 and 2022 the gap in life expectancy between municipalities, measured by the Gini coefficient, widened, from 0.012 to 0.015.',
    ],
    [
      'CV with two decimals (en)',
      { measure: 'cv', gapFrom: 0.456, gapTo: 0.41, lang: 'en' },
      'Between 2011 and 2022 the gap in low economic standard 0–19 years between municipalities, measured by the coefficient of variation, narrowed, from 0.46 to 0.41.',
    ],
    [
      'a difference in years with the indicator’s decimals (sv)',
      { indicator: lifeExpectancy, gapFrom: 4.14, gapTo: 5, verdict: 'widening' },
      `Mellan 2011 och 2022 ökade skillnaden i medellivslängd mellan de kommuner där den är högst och lägst, från 4,1 till 5,0${nb}år.`,
    ],
    [
      'insufficient data (sv)',
      { verdict: 'insufficient-data', gapFrom: null },
      'Det finns för få år med uppgifter för att säga hur skillnaden i låg ekonomisk standard 0–19 år mellan de kommuner där den är högst och lägst utvecklades mellan 2011 och 2022.',
    ],
    [
      'too few years to tell, with the observed values (sv)',
      { verdict: 'insufficient-data', points: 3, from: 2014, to: 2022, gapFrom: 12, gapTo: 15 },
      `Med 3 mätår mellan 2014 och 2022 går det inte att avgöra om skillnaden i låg ekonomisk standard 0–19 år mellan de kommuner där den är högst och lägst ökade eller minskade (från 12 till 15${nb}procentenheter).`,
    ],
    [
      'too few years to tell (en)',
      { verdict: 'insufficient-data', points: 3, from: 2014, to: 2022, gapFrom: 12, gapTo: 15, lang: 'en' },
      `With 3 measured years between 2014 and 2022 it is too few to tell whether the gap in low economic standard 0–19 years between the municipalities where it is highest and lowest widened or narrowed (from 12 to 15${nb}percentage points).`,
    ],
    [
      'one year only (sv)',
      { verdict: 'insufficient-data', points: 1, from: 2022, to: 2022, gapFrom: 12, gapTo: 12 },
      'Uppgifterna finns bara för 2022, så det går inte att säga hur skillnaden i låg ekonomisk standard 0–19 år mellan de kommuner där den är högst och lägst har utvecklats över tid.',
    ],
    [
      'the fifth of children when weighted by children (sv)',
      {
        measure: 'fifthGap',
        weighted: true,
        weightGroup: { sv: 'barnen och de unga 0–19 år', en: 'children and young people aged 0–19' },
        gapFrom: 30,
        gapTo: 33,
        verdict: 'widening',
      },
      `Mellan 2011 och 2022 ökade skillnaden i låg ekonomisk standard 0–19 år mellan den femtedel av barnen och de unga 0–19 år som bor i de mest och minst utsatta kommunerna, från 30 till 33${nb}procentenheter.`,
    ],
    [
      'the fifth of children when weighted by children (en)',
      {
        measure: 'fifthGap',
        weighted: true,
        weightGroup: { sv: 'barnen och de unga 0–19 år', en: 'children and young people aged 0–19' },
        gapFrom: 30,
        gapTo: 33,
        verdict: 'widening',
        lang: 'en',
      },
      `Between 2011 and 2022 the gap in low economic standard 0–19 years between the fifth of children and young people aged 0–19 living in the most and least disadvantaged municipalities widened, from 30 to 33${nb}percentage points.`,
    ],
  ])('%s', (_, overrides, expected) => {
    expect(gapSummary(input(overrides))).toBe(expected);
  });

  it('closes the "mätt med …" aside with a comma before "inte tydligt"', () => {
    expect(gapSummary(input({ measure: 'theil', verdict: 'no-clear-change', gapFrom: 0.05, gapTo: 0.051 }))).toBe(
      'Mellan 2011 och 2022 förändrades skillnaden i låg ekonomisk standard 0–19 år mellan kommunerna, mätt med Theil-index, inte tydligt (från 0,050 till 0,051).',
    );
  });

  it('keeps an acronym at the start of a name', () => {
    const indicator = { ...lowEconomicStandard, name: { sv: 'DeSO-andel', en: 'DeSO share' } };
    expect(gapSummary(input({ indicator, lang: 'en' }))).toContain('the gap in DeSO share between');
  });
});
