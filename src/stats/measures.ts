/** The gap measures offered in the UI: ids, names, explanations and minimum area counts. */
import type { Localized, UnitKind } from '../data/types';

import type { GapMeasureId } from './measure-ids';

export type { GapMeasureId };

/** One gap measure as the UI lists it. */
export interface GapMeasure {
  id: GapMeasureId;
  name: Localized;
  explain: Localized;
  /** Fewer areas with values than this → the measure is not computed ('too-few-areas'). */
  minAreas: number;
  /** What the measure's number is: a difference in the indicator's unit, a ratio ("times") or a unitless index. */
  kind: 'difference' | 'ratio' | 'index';
}

/** All gap measures, in chooser order. */
export const GAP_MEASURES: readonly GapMeasure[] = [
  {
    id: 'range',
    name: { sv: 'Skillnad högst–lägst', en: 'Range (max − min)' },
    explain: {
      sv: 'Skillnaden mellan det område som har högst värde och det som har lägst. Lätt att förstå, men styrs helt av två områden.',
      en: 'The difference between the area with the highest value and the one with the lowest. Easy to read, but driven entirely by two areas.',
    },
    minAreas: 2,
    kind: 'difference',
  },
  {
    id: 'fifthGap',
    name: { sv: 'Skillnad mellan femtedelarna', en: 'Gap between top and bottom fifths' },
    explain: {
      sv: 'Medelvärdet för den femtedel av befolkningen som bor i de områden där värdet är högst, minus medelvärdet för den femtedel som bor där det är lägst. Utan befolkningsuppgifter: femtedelar av områdena.',
      en: 'The mean for the fifth of the population living in the areas with the highest values minus the mean for the fifth living where values are lowest. Without population figures: fifths of the areas.',
    },
    minAreas: 5,
    kind: 'difference',
  },
  {
    id: 'ratio',
    name: { sv: 'Kvot mellan femtedelarna', en: 'Ratio of top to bottom fifth' },
    explain: {
      sv: 'Hur många gånger högre värdet är i den högsta femtedelen än i den lägsta. Bara för andelar, inkomster och dagar – inte för till exempel medellivslängd, där skillnader i år är det meningsfulla.',
      en: 'How many times higher the value is in the top fifth than in the bottom fifth. Only for shares, incomes and days – not for e.g. life expectancy, where differences in years are what matters.',
    },
    minAreas: 5,
    kind: 'ratio',
  },
  {
    id: 'p90p10',
    name: { sv: 'P90/P10', en: 'P90/P10' },
    explain: {
      sv: 'Kvoten mellan det värde som 90 procent av befolkningen ligger under och det som 10 procent ligger under. Okänslig för enstaka extrema områden.',
      en: 'The ratio of the value 90 per cent of the population lies below to the value 10 per cent lies below. Not swayed by a few extreme areas.',
    },
    minAreas: 10,
    kind: 'ratio',
  },
  {
    id: 'cv',
    name: { sv: 'Variationskoefficient', en: 'Coefficient of variation' },
    explain: {
      sv: 'Standardavvikelsen mellan områdena delad med medelvärdet. Jämförbar mellan indikatorer med olika nivå.',
      en: 'The standard deviation between areas divided by the mean. Comparable between indicators at different levels.',
    },
    minAreas: 2,
    kind: 'index',
  },
  {
    id: 'gini',
    name: { sv: 'Gini-koefficient', en: 'Gini coefficient' },
    explain: {
      sv: 'Den genomsnittliga skillnaden mellan två slumpvis valda invånare, delad med två gånger medelvärdet. 0 betyder att alla områden har samma värde.',
      en: 'The average difference between two randomly chosen residents, divided by twice the mean. 0 means every area has the same value.',
    },
    minAreas: 2,
    kind: 'index',
  },
  {
    id: 'theil',
    name: { sv: 'Theil-index', en: 'Theil index' },
    explain: {
      sv: 'Ett spridningsmått som kan delas upp per område, så att man ser vilka områden som driver skillnaden. 0 betyder att alla har samma värde.',
      en: 'A measure of spread that splits into a contribution per area, showing which areas drive the gap. 0 means every area has the same value.',
    },
    minAreas: 2,
    kind: 'index',
  },
];

/** The measure with this id. */
export function gapMeasure(id: GapMeasureId): GapMeasure {
  const measure = GAP_MEASURES.find((m) => m.id === id);
  if (!measure) throw new Error(`invalid gap measure: ${id}`);
  return measure;
}

/**
 * Units where a ratio of two values means something. Not years: life
 * expectancy of 84 vs 80 is a 4-year gap, "1.05 times" hides it. Not persons:
 * counts scale with an area's size, not with living conditions.
 */
export const RATIO_UNITS: ReadonlySet<UnitKind> = new Set<UnitKind>(['percent', 'sek', 'ksek', 'days']);
