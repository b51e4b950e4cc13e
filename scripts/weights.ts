/**
 * What each indicator's gap measures are weighted with, per level: the population the indicator
 * is about (children 0–19 for child poverty, women for women's life expectancy, persons 16–64 for
 * employment), where the source data has that population per area; otherwise unweighted, with
 * the reason. "The worst-off fifth" is then the fifth of the people the indicator counts.
 */
import type { IndicatorWeight, LevelId, Localized } from '../src/data/types';

/** The kinds of weight an indicator can declare. */
export type WeightKey =
  | 'population'
  | 'ages-0-19'
  | 'ages-15-19'
  | 'ages-16-64'
  | 'ages-20plus'
  /** Unweighted: no population of the indicator's ages (and sex) per area in the data. */
  | 'none-ages'
  /** Unweighted: a count (people, dwellings), not a share of residents. */
  | 'none-count';

const L = (sv: string, en: string): Localized => ({ sv, en });

/** Id of the weight series at each kind of level; absent: the data has no such population there. */
const SERIES: Record<Exclude<WeightKey, 'none-ages' | 'none-count'>, { kommun?: string; deso?: string }> = {
  population: { kommun: 'kolada-n01951', deso: 'scb-deso-population' },
  'ages-0-19': { kommun: 'scb-deso-population-0-19', deso: 'scb-deso-population-0-19' },
  'ages-15-19': { kommun: 'scb-deso-population-15-19' },
  'ages-16-64': { deso: 'scb-deso-population-16-64' },
  'ages-20plus': { kommun: 'scb-deso-population-20plus', deso: 'scb-deso-population-20plus' },
};

const SCB_2022: Localized = L(
  'SCB:s befolkning per ålder finns för 2022 (per DeSO; för kommuner summerad över kommunens DeSO): samma vikter används alla år.',
  'Statistics Sweden’s population by age is for 2022 (by DeSO; for municipalities summed over their DeSO): the same weights are used in every year.',
);

const TEXT: Record<WeightKey, { label: Localized; group?: Localized; note?: Localized }> = {
  population: { label: L('folkmängd', 'population'), group: L('befolkningen', 'the population') },
  'ages-0-19': {
    label: L('barn och unga 0–19 år, 2022 (SCB)', 'children and young people aged 0–19, 2022 (Statistics Sweden)'),
    group: L('barnen och de unga 0–19 år', 'children and young people aged 0–19'),
    note: SCB_2022,
  },
  'ages-15-19': {
    label: L('unga 15–19 år, 2022 (SCB)', 'young people aged 15–19, 2022 (Statistics Sweden)'),
    group: L('de unga 15–19 år', 'young people aged 15–19'),
    note: SCB_2022,
  },
  'ages-16-64': {
    label: L('personer 16–64 år, 2022 (SCB)', 'persons aged 16–64, 2022 (Statistics Sweden)'),
    group: L('personerna 16–64 år', 'persons aged 16–64'),
    note: L('Antal personer 16–64 år i SCB:s arbetsmarknadstabell, 2022.', 'Persons aged 16–64 in Statistics Sweden’s labour market table, 2022.'),
  },
  'ages-20plus': {
    label: L('vuxna 20 år och äldre, 2022 (SCB)', 'adults aged 20 and over, 2022 (Statistics Sweden)'),
    group: L('de vuxna', 'adults'),
    note: L(
      'Folkmängd 20 år och äldre (folkmängd minus 0–19 år) i SCB:s befolkning per ålder, 2022 (per DeSO; för kommuner summerad över kommunens DeSO): samma vikter alla år.',
      'Population aged 20 and over (population minus ages 0–19) in Statistics Sweden’s population by age, 2022 (by DeSO; for municipalities summed over their DeSO): the same weights in every year.',
    ),
  },
  'none-ages': {
    label: L('ovägt – varje område räknas lika', 'unweighted – every area counts once'),
    note: L(
      'Datan har ingen befolkning i indikatorns åldersgrupp och kön per område, så gapmåtten väger inte efter befolkning: femtedelarna är femtedelar av områdena.',
      'The data has no population of the indicator’s age group and sex per area, so the gap measures are not population-weighted: the fifths are fifths of the areas.',
    ),
  },
  'none-count': {
    label: L('ovägt – varje område räknas lika', 'unweighted – every area counts once'),
    note: L(
      'Indikatorn är ett antal, inte en andel av invånarna: varje område räknas lika.',
      'The indicator is a count, not a share of residents: every area counts once.',
    ),
  },
};

/** Extra words for one indicator's weight (why the nearest age group stands in for its own). */
export interface WeightDeclaration {
  key: WeightKey;
  note?: Localized;
}

const isKommun = (level: LevelId) => level === 'kommun';

/**
 * The weight of an indicator at a level. A sex variant of an all-ages indicator is weighted by
 * that sex's population (Kolada N01951 by gender); other variants have no population of their
 * age and sex and are unweighted. When the weight series is not shipped at the level (`has`),
 * the measures are unweighted with that reason.
 */
export function weightFor(
  declared: WeightDeclaration,
  sex: 'total' | 'women' | 'men',
  level: LevelId,
  has: (indicator: string, level: LevelId) => boolean,
): IndicatorWeight {
  const unweighted = (key: 'none-ages' | 'none-count'): IndicatorWeight => ({ indicator: null, ...TEXT[key] });
  if (declared.key === 'none-ages' || declared.key === 'none-count') return unweighted(declared.key);
  if (sex !== 'total') {
    if (declared.key !== 'population' || !isKommun(level)) return unweighted('none-ages');
    const id = `kolada-n01951-${sex}`;
    if (!has(id, level)) return unweighted('none-ages');
    const women = sex === 'women';
    return {
      indicator: id,
      label: women
        ? L('kvinnor, folkmängd samma år (Kolada N01951)', 'women, population in the same year (Kolada N01951)')
        : L('män, folkmängd samma år (Kolada N01951)', 'men, population in the same year (Kolada N01951)'),
      group: women ? L('kvinnorna', 'women') : L('männen', 'men'),
    };
  }
  const id = SERIES[declared.key][isKommun(level) ? 'kommun' : 'deso'];
  if (!id || !has(id, level)) return unweighted('none-ages');
  const text = TEXT[declared.key];
  const label =
    declared.key === 'population'
      ? isKommun(level)
        ? L('folkmängd samma år (Kolada N01951)', 'population in the same year (Kolada N01951)')
        : L('folkmängd 2023 (SCB)', 'population 2023 (Statistics Sweden)')
      : text.label;
  const baseNote =
    declared.key === 'population' && !isKommun(level)
      ? L(
          'Folkmängd per DeSO finns för 2023, närmast indikatorns år: samma vikter alla år.',
          'Population by DeSO is for 2023, the nearest year to the indicator’s: the same weights in every year.',
        )
      : text.note;
  const note = joinNotes(declared.note, baseNote);
  return { indicator: id, label, ...(text.group ? { group: text.group } : {}), ...(note ? { note } : {}) };
}

function joinNotes(a: Localized | undefined, b: Localized | undefined): Localized | undefined {
  if (!a) return b;
  if (!b) return a;
  return { sv: `${a.sv} ${b.sv}`, en: `${a.en} ${b.en}` };
}
