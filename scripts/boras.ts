/**
 * Borås by DeSO 2025 (SCB statistics compiled by real-estate-war-lord/am-dashboard-se) → boras-deso.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvRecords } from '../src/data/csv';
import { joinByCode } from '../src/data/join';
import type { LevelId, Localized } from '../src/data/types';
import { decimalsOf, makeValues, setValue, type IndicatorBase, type SourceBuild, type YearTable } from './values';
import type { WeightDeclaration } from './weights';

const L = (sv: string, en: string): Localized => ({ sv, en });

type BorasMeta = Omit<IndicatorBase, 'id' | 'table' | 'source' | 'sex'> & { weight: WeightDeclaration };

const NEAREST_16_64: WeightDeclaration = {
  key: 'ages-16-64',
  note: L(
    'Indikatorn gäller 20–64 år; 16–64 år är den närmaste åldersgruppen i datan.',
    'The indicator is about ages 20–64; 16–64 is the nearest age group in the data.',
  ),
};

/** The Borås indicators shipped, keyed by the csv's indicator name. */
export const BORAS_INDICATORS: Readonly<Record<string, BorasMeta>> = {
  low_econ: {
    name: L('Personer med låg ekonomisk standard, andel (%)', 'Persons with low economic standard (%)'),
    short: L('Låg ekonomisk standard', 'Low economic standard'),
    description: L(
      'Andel personer i hushåll med ekonomisk standard under 60 procent av medianen för riket (risk för fattigdom).',
      'Share of persons in households with an economic standard below 60 % of the national median (at risk of poverty).',
    ),
    unit: 'percent',
    decimals: 1,
    direction: 'higher-worse',
    targetArea: 'work',
    aggregation: 'rate',
    weight: { key: 'population' },
    ageCaveat: 'students',
  },
  income_med: {
    name: L('Disponibel inkomst per konsumtionsenhet, median, tkr', 'Median equivalised disposable income (kSEK)'),
    short: L('Ekonomisk standard (median)', 'Disposable income (median)'),
    description: L(
      'Medianvärde av den disponibla inkomsten per konsumtionsenhet (ekonomisk standard), tusen kronor per år.',
      'Median equivalised disposable income, thousand SEK per year.',
    ),
    unit: 'ksek',
    decimals: 0,
    direction: 'higher-better',
    targetArea: 'work',
    aggregation: 'rate',
    weight: { key: 'population' },
    ageCaveat: 'students',
  },
  income: {
    name: L('Nettoinkomst, medelvärde per person, tkr (fasta priser)', 'Mean net income per person (kSEK, constant prices)'),
    short: L('Nettoinkomst (medel)', 'Net income (mean)'),
    description: L(
      'Medelvärde av nettoinkomsten per person, tusen kronor per år i fasta priser.',
      'Mean net income per person, thousand SEK per year at constant prices.',
    ),
    unit: 'ksek',
    decimals: 0,
    direction: 'higher-better',
    targetArea: 'work',
    aggregation: 'rate',
    weight: { key: 'ages-20plus' },
    ageCaveat: 'students',
  },
  unemp: {
    name: L('Arbetslöshet 20–64 år, andel av arbetskraften (%)', 'Unemployment, ages 20–64 (% of labour force)'),
    short: L('Arbetslöshet 20–64', 'Unemployment 20–64'),
    description: L('Arbetslösa 20–64 år som andel av arbetskraften 20–64 år.', 'Unemployed persons aged 20–64 as a share of the labour force aged 20–64.'),
    unit: 'percent',
    decimals: 1,
    direction: 'higher-worse',
    targetArea: 'work',
    aggregation: 'rate',
    weight: NEAREST_16_64,
    ageCaveat: 'students',
  },
  employment: {
    name: L('Sysselsatta 20–64 år, andel (%)', 'Employed, ages 20–64 (%)'),
    short: L('Sysselsättningsgrad 20–64', 'Employment rate 20–64'),
    description: L('Sysselsatta 20–64 år som andel av befolkningen 20–64 år.', 'Employed persons aged 20–64 as a share of the population aged 20–64.'),
    unit: 'percent',
    decimals: 1,
    direction: 'higher-better',
    targetArea: 'work',
    aggregation: 'rate',
    weight: NEAREST_16_64,
    ageCaveat: 'students',
  },
  higher_ed: {
    name: L('Eftergymnasial utbildning 25–65 år, andel (%)', 'Post-secondary education, ages 25–65 (%)'),
    short: L('Eftergymnasial utbildning', 'Post-secondary education'),
    description: L('Andel av befolkningen 25–65 år med eftergymnasial utbildning.', 'Share of the population aged 25–65 with post-secondary education.'),
    unit: 'percent',
    decimals: 1,
    direction: 'higher-better',
    targetArea: 'work',
    aggregation: 'rate',
    weight: { key: 'none-ages' },
  },
  foreign: {
    name: L('Personer med utländsk bakgrund, andel (%)', 'Persons with foreign background (%)'),
    short: L('Utländsk bakgrund', 'Foreign background'),
    description: L('Andel av befolkningen med utländsk bakgrund.', 'Share of the population with a foreign background.'),
    unit: 'percent',
    decimals: 1,
    direction: 'neutral',
    targetArea: 'living',
    aggregation: 'rate',
    weight: { key: 'population' },
  },
  young: {
    name: L('Unga vuxna 20–34 år, andel av befolkningen (%)', 'Young adults aged 20–34 (% of population)'),
    short: L('Unga vuxna 20–34 år', 'Young adults 20–34'),
    description: L('Andel av befolkningen som är 20–34 år.', 'Share of the population aged 20–34.'),
    unit: 'percent',
    decimals: 1,
    direction: 'neutral',
    targetArea: 'living',
    aggregation: 'rate',
    weight: { key: 'population' },
  },
  single: {
    name: L('Ensamstående utan barn, andel av hushållen (%)', 'Single people without children (% of households)'),
    short: L('Ensamstående utan barn', 'Single without children'),
    description: L(
      'Hushåll med en ensamstående vuxen utan barn, andel av alla hushåll (stämmer med SCB:s hushållstabell 2022, r = 0,99).',
      'Households of one adult without children, as a share of all households (matches Statistics Sweden’s household table for 2022, r = 0.99).',
    ),
    unit: 'percent',
    decimals: 1,
    direction: 'neutral',
    targetArea: 'living',
    aggregation: 'rate',
    weight: {
      key: 'population',
      note: L('Andelen gäller hushåll; gapmåtten väger med folkmängd.', 'The share is of households; the gap measures are weighted by population.'),
    },
  },
  renters: {
    name: L('Hyresrätter, andel av lägenheterna (%)', 'Rented dwellings (% of dwellings)'),
    short: L('Hyresrätter', 'Rented dwellings'),
    description: L(
      'Andel av lägenheterna som är hyresrätter; lägenheter med okänd upplåtelseform räknas med i nämnaren (stämmer med SCB:s tabell över upplåtelseform 2022, r = 0,99).',
      'Share of dwellings that are rented; dwellings of unknown tenure count in the denominator (matches Statistics Sweden’s tenure table for 2022, r = 0.99).',
    ),
    unit: 'percent',
    decimals: 1,
    direction: 'neutral',
    targetArea: 'living',
    aggregation: 'rate',
    weight: {
      key: 'population',
      note: L('Andelen gäller lägenheter; gapmåtten väger med folkmängd.', 'The share is of dwellings; the gap measures are weighted by population.'),
    },
  },
  flats: {
    name: L('Boende i flerbostadshus, andel (%)', 'Living in blocks of flats (%)'),
    short: L('Boende i flerbostadshus', 'Living in blocks of flats'),
    description: L(
      'Andel av invånarna som bor i flerbostadshus (stämmer med SCB:s tabell över personer per hustyp 2022, r = 1,00).',
      'Share of residents living in blocks of flats (matches Statistics Sweden’s table of persons by type of building for 2022, r = 1.00).',
    ),
    unit: 'percent',
    decimals: 1,
    direction: 'neutral',
    targetArea: 'living',
    aggregation: 'rate',
    weight: { key: 'population' },
  },
};

const FILE = 'boras-deso-2024-2025.csv';

/** Builds the Borås csv indicators for the boras-deso level. */
export function buildBoras(sourceDir: string, level: LevelId, geometryCodes: readonly string[]): SourceBuild {
  const records = parseCsvRecords(readFileSync(join(sourceDir, 'indicators', 'boras-deso', FILE), 'utf8'));
  const tables = new Map<string, YearTable>();
  const decimals = new Map<string, number>();
  const rowKeys: string[] = [];
  for (const r of records) {
    const ind = r.indicator ?? '';
    if (!(ind in BORAS_INDICATORS)) continue;
    const code = r.desokod ?? '';
    rowKeys.push(`${ind}|${r.year}|${code}`);
    let t = tables.get(ind);
    if (!t) tables.set(ind, (t = new Map()));
    const text = (r.value ?? '').trim();
    setValue(t, Number(r.year), code, text === '' ? null : Number(text));
    decimals.set(ind, Math.max(decimals.get(ind) ?? 0, decimalsOf(text)));
  }
  const indicators = Object.entries(BORAS_INDICATORS).map(([ind, m]) => {
    const id = `boras-${ind.replace(/_/g, '-')}`;
    const { weight, ...rest } = m;
    const meta: IndicatorBase = { ...rest, id, table: ind, source: 'boras', sex: 'total' };
    return {
      meta,
      weight,
      values: makeValues({
        indicator: id,
        level,
        geometryCodes,
        table: tables.get(ind) ?? new Map(),
        decimals: decimals.get(ind) ?? 0,
      }),
    };
  });
  const j = joinByCode(
    records.map((r) => r.desokod ?? ''),
    geometryCodes,
  );
  const dups = joinByCode(rowKeys, []).duplicates.map((k) => k.split('|')[2] ?? '');
  return {
    indicators,
    joins: [
      {
        source: 'boras',
        table: FILE,
        level,
        matched: j.matched.length,
        unmatchedSource: j.unmatchedSource,
        unmatchedGeometry: j.unmatchedGeometry,
        duplicates: [...new Set(dups)].sort(),
        note: {
          sv: 'Statistik och gränser är båda DeSO 2025. Alla indikatorer med mer än ett år ingår (higher_ed, foreign, young, single, renters, flats: 2024 och 2025). renters, flats och single stämmer med SCB:s egna tabeller för 2022 (korrelation 0,99–1,00), vilket bekräftar definitionerna. capital_inc (bara 2024) och growth (bara 2025, en förändring och inte en nivå) ingår inte.',
          en: 'Statistics and boundaries are both DeSO 2025. Every indicator with more than one year is shipped (higher_ed, foreign, young, single, renters, flats: 2024 and 2025). renters, flats and single match Statistics Sweden’s own tables for 2022 (correlation 0.99–1.00), which confirms their definitions. capital_inc (2024 only) and growth (2025 only, a change rather than a level) are not shipped.',
        },
      },
    ],
  };
}
