/**
 * Borås by DeSO 2025 (SCB statistics compiled by real-estate-war-lord/am-dashboard-se) → boras-deso.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvRecords } from '../src/data/csv';
import { joinByCode } from '../src/data/join';
import type { LevelId, Localized } from '../src/data/types';
import { decimalsOf, makeValues, setValue, type IndicatorBase, type SourceBuild, type YearTable } from './values';

const L = (sv: string, en: string): Localized => ({ sv, en });

type BorasMeta = Omit<IndicatorBase, 'id' | 'table' | 'source' | 'sex'>;

/** The Borås indicators shipped, keyed by the csv's indicator name. */
export const BORAS_INDICATORS: Readonly<Record<string, BorasMeta>> = {
  low_econ: {
    name: L('Personer med låg ekonomisk standard, andel (%)', 'Persons with low economic standard (%)'),
    short: L('Låg ekonomisk standard', 'Low economic standard'),
    description: L(
      'Andel personer i hushåll med ekonomisk standard under 60 procent av medianen för riket (risk för fattigdom).',
      'Share of persons in households with an economic standard below 60 % of the national median (at risk of poverty).',
    ),
    unit: 'percent', decimals: 1, direction: 'higher-worse', targetArea: 'work', aggregation: 'rate',
  },
  income_med: {
    name: L('Disponibel inkomst per konsumtionsenhet, median, tkr', 'Median equivalised disposable income (kSEK)'),
    short: L('Ekonomisk standard (median)', 'Disposable income (median)'),
    description: L(
      'Medianvärde av den disponibla inkomsten per konsumtionsenhet (ekonomisk standard), tusen kronor per år.',
      'Median equivalised disposable income, thousand SEK per year.',
    ),
    unit: 'ksek', decimals: 0, direction: 'higher-better', targetArea: 'work', aggregation: 'rate',
  },
  income: {
    name: L('Nettoinkomst, medelvärde per person, tkr (fasta priser)', 'Mean net income per person (kSEK, constant prices)'),
    short: L('Nettoinkomst (medel)', 'Net income (mean)'),
    description: L('Medelvärde av nettoinkomsten per person, tusen kronor per år i fasta priser.', 'Mean net income per person, thousand SEK per year at constant prices.'),
    unit: 'ksek', decimals: 0, direction: 'higher-better', targetArea: 'work', aggregation: 'rate',
  },
  unemp: {
    name: L('Arbetslöshet 20–64 år, andel av arbetskraften (%)', 'Unemployment, ages 20–64 (% of labour force)'),
    short: L('Arbetslöshet 20–64', 'Unemployment 20–64'),
    description: L('Arbetslösa 20–64 år som andel av arbetskraften 20–64 år.', 'Unemployed persons aged 20–64 as a share of the labour force aged 20–64.'),
    unit: 'percent', decimals: 1, direction: 'higher-worse', targetArea: 'work', aggregation: 'rate',
  },
  employment: {
    name: L('Sysselsatta 20–64 år, andel (%)', 'Employed, ages 20–64 (%)'),
    short: L('Sysselsättningsgrad 20–64', 'Employment rate 20–64'),
    description: L('Sysselsatta 20–64 år som andel av befolkningen 20–64 år.', 'Employed persons aged 20–64 as a share of the population aged 20–64.'),
    unit: 'percent', decimals: 1, direction: 'higher-better', targetArea: 'work', aggregation: 'rate',
  },
  higher_ed: {
    name: L('Eftergymnasial utbildning 25–65 år, andel (%)', 'Post-secondary education, ages 25–65 (%)'),
    short: L('Eftergymnasial utbildning', 'Post-secondary education'),
    description: L('Andel av befolkningen 25–65 år med eftergymnasial utbildning.', 'Share of the population aged 25–65 with post-secondary education.'),
    unit: 'percent', decimals: 1, direction: 'higher-better', targetArea: 'work', aggregation: 'rate',
  },
  foreign: {
    name: L('Personer med utländsk bakgrund, andel (%)', 'Persons with foreign background (%)'),
    short: L('Utländsk bakgrund', 'Foreign background'),
    description: L('Andel av befolkningen med utländsk bakgrund.', 'Share of the population with a foreign background.'),
    unit: 'percent', decimals: 1, direction: 'neutral', targetArea: 'living', aggregation: 'rate',
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
    const meta: IndicatorBase = { ...m, id, table: ind, source: 'boras', sex: 'total' };
    return {
      meta,
      values: makeValues({
        indicator: id,
        level,
        geometryCodes,
        table: tables.get(ind) ?? new Map(),
        decimals: decimals.get(ind) ?? 0,
      }),
    };
  });
  const j = joinByCode(records.map((r) => r.desokod ?? ''), geometryCodes);
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
          sv: 'Statistik och gränser är båda DeSO 2025. Indikatorerna renters, flats, young, single, capital_inc och growth ingår inte (definitionerna är inte bekräftade eller ligger utanför appens målområden).',
          en: 'Statistics and boundaries are both DeSO 2025. The indicators renters, flats, young, single, capital_inc and growth are not shipped (definitions unconfirmed or outside the app’s target areas).',
        },
      },
    ],
  };
}
