/**
 * SCB DeSO tables (2022, DeSO 2018 codes) → indicators for Göteborg's and Borås's DeSO 2025,
 * for Göteborg's RegSO by summing the counts of their DeSO, and estimates for Göteborg's own
 * divisions (primär-, mellan-, stadsområden) apportioned from DeSO by an areal overlay.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apportion, DEFAULT_MIN_COVERAGE, groupSources, nestShares, overlayShares, type SourceValue } from '../src/data/aggregate';
import { joinByCode } from '../src/data/join';
import { findColumn, parseScbTable, type ScbTable, type ScbValue } from '../src/data/scb-table';
import type { AreaProperties, EstimateBasis, EstimateBasisFile, JoinReportEntry, LevelId, Localized, MissingReason } from '../src/data/types';
import { readXlsx } from '../src/data/xlsx';
import type { Overlay } from '../src/data/overlay';
import { SCB_TABLES } from './fetch-sources';
import { scbTableFromJsonStat, scbTableFromPxWeb } from './scb-jsonstat';
import { makeValues, setValue, type IndicatorBase, type IndicatorOutput, type SourceBuild, type YearTable } from './values';
import type { WeightDeclaration } from './weights';

/**
 * How a value is made from a row, and how DeSO values combine into a RegSO value:
 * share = 100·a/b (RegSO: 100·Σa/Σb); count = a (Σa); mean = a weighted by b (Σab/Σb);
 * median = a (not combinable: no RegSO value).
 */
type Kind = 'share' | 'count' | 'mean' | 'median';

/** a and b of one row, or why there are none. */
type Parts = { a: number; b: number } | 'suppressed' | null;

interface ScbIndicatorDef {
  id: string;
  table: string;
  kind: Kind;
  /** Given the table, returns the row reader and the column whose year the value has. */
  columns: (t: ScbTable) => { parts: (row: ScbValue[]) => Parts; yearColumn: number };
  meta: Omit<IndicatorBase, 'id' | 'table' | 'source' | 'sex' | 'aggregation'>;
  storeDecimals: number;
  /** The population the gap measures are weighted with (see weights.ts). */
  weight: WeightDeclaration;
  /** Also ship the sum over each municipality's DeSO (counts only; needs a table covering all of Sweden). */
  kommun?: boolean;
  /** Ship only the municipal sum (no DeSO-based levels). */
  kommunOnly?: boolean;
}

const num = (v: ScbValue | undefined): number | 'suppressed' | null => (v === undefined ? null : v);

/** a/b parts from columns; 'suppressed' wins over missing. */
function partsOf(row: ScbValue[], aCols: number[], bCols: number[]): Parts {
  let a = 0;
  let b = 0;
  for (const [cols, add] of [
    [aCols, (x: number) => (a += x)],
    [bCols, (x: number) => (b += x)],
  ] as const) {
    for (const c of cols) {
      const v = num(row[c]);
      if (v === 'suppressed') return 'suppressed';
      if (v === null) return null;
      add(v);
    }
  }
  return { a, b };
}

const share = (aLabels: string[][], bLabels: string[][]) => (t: ScbTable) => {
  const aCols = aLabels.map((l) => findColumn(t, ...l));
  const bCols = bLabels.map((l) => findColumn(t, ...l));
  return { parts: (row: ScbValue[]) => partsOf(row, aCols, bCols), yearColumn: aCols[0] ?? 0 };
};

const L = (sv: string, en: string): Localized => ({ sv, en });

/** A count summed over age columns of the age table (000005FF: "0-4 år", "5-9 år", …). */
const ageCount = (labels: string[]) => (t: ScbTable) => {
  const cols = labels.map((label) => findColumn(t, label));
  return { parts: (row: ScbValue[]) => partsOf(row, cols, []), yearColumn: cols[0] ?? 0 };
};

/** The indicators derived from the SCB DeSO tables. */
export const SCB_INDICATORS: readonly ScbIndicatorDef[] = [
  {
    id: 'scb-deso-low-econ',
    table: '000006TA',
    kind: 'mean',
    columns: share([['Låg ekonomisk standard, procent']], [['Antal personer totalt']]),
    weight: { key: 'population' },
    storeDecimals: 0,
    meta: {
      name: L('Personer med låg ekonomisk standard, andel (%)', 'Persons with low economic standard (%)'),
      short: L('Låg ekonomisk standard', 'Low economic standard'),
      description: L(
        'Andel personer som lever i hushåll vars ekonomiska standard är mindre än 60 procent av medianvärdet för riket. Alla åldrar.',
        'Share of persons, all ages, living in households with an economic standard below 60 % of the national median.',
      ),
      ageCaveat: 'students',
      unit: 'percent',
      decimals: 0,
      direction: 'higher-worse',
      targetArea: 'work',
    },
  },
  {
    id: 'scb-deso-income-median',
    table: '000005FM',
    kind: 'median',
    columns: share([['Medianvärde, tkr', 'nettoinkomst']], [['Antal personer totalt']]),
    weight: { key: 'ages-20plus' },
    storeDecimals: 1,
    meta: {
      name: L('Nettoinkomst, medianvärde, tkr, 20+ år', 'Median net income, ages 20+ (kSEK)'),
      short: L('Nettoinkomst (median)', 'Net income (median)'),
      description: L(
        'Medianvärde av nettoinkomsten (alla skattepliktiga och skattefria inkomster minus skatt och övriga negativa transfereringar) för personer 20 år och äldre, tusen kronor.',
        'Median net income (all taxable and tax-free income minus tax and other negative transfers) of persons 20 and older, thousand SEK.',
      ),
      ageCaveat: 'students',
      unit: 'ksek',
      decimals: 0,
      direction: 'higher-better',
      targetArea: 'work',
    },
  },
  {
    id: 'scb-deso-income-mean',
    table: '000005FM',
    kind: 'mean',
    columns: share([['Medelvärde, tkr', 'nettoinkomst']], [['Antal personer totalt']]),
    weight: { key: 'ages-20plus' },
    storeDecimals: 1,
    meta: {
      name: L('Nettoinkomst, medelvärde, tkr, 20+ år', 'Mean net income, ages 20+ (kSEK)'),
      short: L('Nettoinkomst (medel)', 'Net income (mean)'),
      description: L(
        'Medelvärde av nettoinkomsten för personer 20 år och äldre, tusen kronor. För RegSO vägt med antal personer.',
        'Mean net income of persons 20 and older, thousand SEK. For RegSO weighted by the number of persons.',
      ),
      ageCaveat: 'students',
      unit: 'ksek',
      decimals: 0,
      direction: 'higher-better',
      targetArea: 'work',
    },
  },
  {
    id: 'scb-deso-employment',
    table: '000007A8',
    kind: 'share',
    columns: share([['antal sysselsatta', '16-64 år']], [['antal totalt', '16-64 år']]),
    weight: { key: 'ages-16-64' },
    storeDecimals: 1,
    meta: {
      name: L('Sysselsatta 16–64 år, andel (%)', 'Employed, ages 16–64 (%)'),
      short: L('Sysselsättningsgrad 16–64', 'Employment rate 16–64'),
      description: L(
        'Antal sysselsatta 16–64 år dividerat med antal personer 16–64 år (SCB:s arbetsmarknadsstatus, BAS).',
        'Employed persons aged 16–64 divided by all persons aged 16–64 (Statistics Sweden labour market status register).',
      ),
      ageCaveat: 'students',
      unit: 'percent',
      decimals: 1,
      direction: 'higher-better',
      targetArea: 'work',
    },
  },
  {
    id: 'scb-deso-unemployment',
    table: '000007A8',
    kind: 'share',
    columns: share([['antal arbetslösa', '16-64 år']], [['antal sysselsatta och arbetslösa (arbetskraften)', '16-64 år']]),
    weight: {
      key: 'ages-16-64',
      note: L(
        'Indikatorn är en andel av arbetskraften; gapmåtten väger med alla 16–64 år.',
        'The indicator is a share of the labour force; the gap measures are weighted by everyone aged 16–64.',
      ),
    },
    storeDecimals: 1,
    meta: {
      name: L('Arbetslösa 16–64 år, andel av arbetskraften (%)', 'Unemployed, ages 16–64 (% of labour force)'),
      short: L('Arbetslöshet 16–64', 'Unemployment 16–64'),
      description: L(
        'Antal arbetslösa 16–64 år dividerat med arbetskraften (sysselsatta och arbetslösa) 16–64 år.',
        'Unemployed persons aged 16–64 divided by the labour force (employed and unemployed) aged 16–64.',
      ),
      ageCaveat: 'students',
      unit: 'percent',
      decimals: 1,
      direction: 'higher-worse',
      targetArea: 'work',
    },
  },
  {
    id: 'scb-deso-foreign-background',
    table: '000005FE',
    kind: 'share',
    columns: share([['utländsk bakgrund']], [['totalt', 'totalt']]),
    weight: { key: 'population' },
    storeDecimals: 1,
    meta: {
      name: L('Personer med utländsk bakgrund, andel (%)', 'Persons with foreign background (%)'),
      short: L('Utländsk bakgrund', 'Foreign background'),
      description: L(
        'Andel av folkmängden som är utrikes födda eller inrikes födda med två utrikes födda föräldrar.',
        'Share of the population born abroad, or born in Sweden with two parents born abroad.',
      ),
      unit: 'percent',
      decimals: 1,
      direction: 'neutral',
      targetArea: 'living',
    },
  },
  {
    id: 'scb-deso-born-abroad',
    table: '000005FB',
    kind: 'share',
    columns: share([['Europa utom Sverige'], ['övriga världen inkl. uppgift saknas']], [['totalt', 'totalt']]),
    weight: { key: 'population' },
    storeDecimals: 1,
    meta: {
      name: L('Utrikes födda, andel (%)', 'Born abroad (%)'),
      short: L('Utrikes födda', 'Born abroad'),
      description: L(
        'Andel av folkmängden som är född utanför Sverige (Europa utom Sverige samt övriga världen inkl. uppgift saknas).',
        'Share of the population born outside Sweden (rest of Europe and the rest of the world, unknown included).',
      ),
      unit: 'percent',
      decimals: 1,
      direction: 'neutral',
      targetArea: 'living',
    },
  },
  {
    id: 'scb-deso-population',
    table: '000005FC',
    kind: 'count',
    columns: (t) => {
      const c = findColumn(t, 'totalt');
      return { parts: (row) => partsOf(row, [c], []), yearColumn: c };
    },
    weight: { key: 'none-count' },
    storeDecimals: 0,
    meta: {
      name: L('Folkmängd', 'Population'),
      short: L('Folkmängd', 'Population'),
      description: L('Antal folkbokförda personer den 31 december.', 'Number of registered residents on 31 December.'),
      unit: 'persons',
      decimals: 0,
      direction: 'neutral',
      targetArea: 'living',
    },
  },
  {
    id: 'scb-deso-renting',
    table: '000006OC',
    kind: 'share',
    columns: share([['hyresrätt']], [['hyresrätt'], ['bostadsrätt'], ['äganderätt']]),
    weight: {
      key: 'population',
      note: L('Andelen gäller lägenheter; gapmåtten väger med folkmängd.', 'The share is of dwellings; the gap measures are weighted by population.'),
    },
    storeDecimals: 1,
    meta: {
      name: L('Hyresrätter, andel av lägenheterna (%)', 'Rented dwellings (% of dwellings)'),
      short: L('Hyresrätter', 'Rented dwellings'),
      description: L(
        'Lägenheter med hyresrätt dividerat med lägenheter med känd upplåtelseform (hyresrätt, bostadsrätt, äganderätt).',
        'Rented dwellings divided by dwellings with known tenure (rented, tenant-owned, owner-occupied).',
      ),
      unit: 'percent',
      decimals: 1,
      direction: 'neutral',
      targetArea: 'living',
    },
  },
  {
    id: 'scb-deso-single-parent',
    table: '000005F8',
    kind: 'share',
    columns: share(
      [['ensamstående med barn']],
      [['sammanboende med barn'], ['sammanboende utan barn'], ['ensamstående med barn'], ['ensamstående utan barn'], ['övriga hushåll']],
    ),
    weight: {
      key: 'population',
      note: L('Andelen gäller hushåll; gapmåtten väger med folkmängd.', 'The share is of households; the gap measures are weighted by population.'),
    },
    storeDecimals: 1,
    meta: {
      name: L('Ensamstående med barn, andel av hushållen (%)', 'Single parents (% of households)'),
      short: L('Ensamstående föräldrar', 'Single-parent households'),
      description: L(
        'Hushåll med en ensamstående vuxen och barn, andel av alla hushåll.',
        'Households of one adult with children, as a share of all households.',
      ),
      unit: 'percent',
      decimals: 1,
      direction: 'neutral',
      targetArea: 'start',
    },
  },
  {
    id: 'scb-deso-population-0-19',
    table: '000005FF',
    kind: 'count',
    columns: ageCount(['0-4 år', '5-9 år', '10-14 år', '15-19 år']),
    storeDecimals: 0,
    weight: { key: 'none-count' },
    kommun: true,
    meta: {
      name: L('Folkmängd 0–19 år', 'Population aged 0–19'),
      short: L('Folkmängd 0–19 år', 'Population 0–19'),
      description: L('Antal folkbokförda barn och unga 0–19 år den 31 december.', 'Registered children and young people aged 0–19 on 31 December.'),
      unit: 'persons',
      decimals: 0,
      direction: 'neutral',
      targetArea: 'start',
      ages: '0-19',
    },
  },
  {
    id: 'scb-deso-population-15-19',
    table: '000005FF',
    kind: 'count',
    columns: ageCount(['15-19 år']),
    storeDecimals: 0,
    weight: { key: 'none-count' },
    kommun: true,
    kommunOnly: true,
    meta: {
      name: L('Folkmängd 15–19 år', 'Population aged 15–19'),
      short: L('Folkmängd 15–19 år', 'Population 15–19'),
      description: L(
        'Antal folkbokförda unga 15–19 år den 31 december, summerat över kommunens DeSO.',
        'Registered young people aged 15–19 on 31 December, summed over the municipality’s DeSO.',
      ),
      unit: 'persons',
      decimals: 0,
      direction: 'neutral',
      targetArea: 'start',
      ages: '15-19',
    },
  },
  {
    id: 'scb-deso-population-20plus',
    table: '000005FF',
    kind: 'count',
    columns: (t) => {
      const total = findColumn(t, 'totalt', 'totalt');
      const young = ['0-4 år', '5-9 år', '10-14 år', '15-19 år'].map((label) => findColumn(t, label));
      return {
        parts: (row) => {
          const p = partsOf(row, [total], young);
          return p === null || p === 'suppressed' ? p : { a: p.a - p.b, b: 0 };
        },
        yearColumn: total,
      };
    },
    storeDecimals: 0,
    weight: { key: 'none-count' },
    kommun: true,
    meta: {
      name: L('Folkmängd 20 år och äldre', 'Population aged 20 and over'),
      short: L('Folkmängd 20+ år', 'Population 20+'),
      description: L(
        'Antal folkbokförda personer 20 år och äldre den 31 december (folkmängd minus 0–19 år).',
        'Registered persons aged 20 and over on 31 December (population minus ages 0–19).',
      ),
      unit: 'persons',
      decimals: 0,
      direction: 'neutral',
      targetArea: 'living',
      ages: '20+',
    },
  },
  {
    id: 'scb-deso-population-16-64',
    table: '000007A8',
    kind: 'count',
    columns: (t) => {
      const c = findColumn(t, 'antal totalt', '16-64 år');
      return { parts: (row) => partsOf(row, [c], []), yearColumn: c };
    },
    storeDecimals: 0,
    weight: { key: 'none-count' },
    meta: {
      name: L('Personer 16–64 år', 'Persons aged 16–64'),
      short: L('Personer 16–64 år', 'Persons 16–64'),
      description: L(
        'Antal personer 16–64 år i SCB:s registerbaserade arbetsmarknadsstatistik.',
        'Persons aged 16–64 in Statistics Sweden’s register-based labour market statistics.',
      ),
      unit: 'persons',
      decimals: 0,
      direction: 'neutral',
      targetArea: 'work',
      ages: '16-64',
    },
  },
  {
    id: 'scb-deso-age-20-24',
    table: '000005FF',
    kind: 'share',
    columns: share([['20-24 år']], [['totalt', 'totalt']]),
    storeDecimals: 1,
    weight: { key: 'population' },
    meta: {
      name: L('Unga vuxna 20–24 år, andel av befolkningen (%)', 'Young adults aged 20–24 (% of population)'),
      short: L('Andel 20–24 år', 'Share aged 20–24'),
      description: L(
        'Andel av folkmängden som är 20–24 år. Där den är hög bor ofta många studenter, som har låga inkomster under studietiden: då kan andelar med låg inkomst eller låg ekonomisk standard se sämre ut än områdets levnadsvillkor.',
        'Share of the population aged 20–24. Where it is high, many residents are often students with low incomes while they study: shares with low income or low economic standard can then look worse than the area’s living conditions.',
      ),
      unit: 'percent',
      decimals: 1,
      direction: 'neutral',
      targetArea: 'living',
    },
  },
];

function valueOf(kind: Kind, p: { a: number; b: number }): number | null {
  if (kind === 'share') return p.b > 0 ? (100 * p.a) / p.b : null;
  return p.a;
}

/** Levels of the DeSO geometry this source feeds, with the kommun whose source rows belong to it. */
export interface DesoLevel {
  level: LevelId;
  kommun: string;
  areas: readonly AreaProperties[];
}

/** A level estimated from DeSO: its areas, and the code of the area enclosing each primärområde. */
export interface EstimateLevel {
  level: LevelId;
  areas: readonly AreaProperties[];
  parentOf: (primaromrade: string) => string | undefined;
}

/** The DeSO level the estimates start from, its overlay on the primärområden, and the levels to fill. */
export interface DesoEstimates {
  deso: DesoLevel;
  overlay: Overlay;
  levels: readonly EstimateLevel[];
}

/**
 * The table's unit of a DeSO 2025 code: SCB gave the parts of a split DeSO 2018 new codes that keep
 * all but the last digit ("1480C1620" → "1480C1621", "1480C1622"); such parts carry the 2018 value together.
 */
function desoUnit(code: string, tableCodes: ReadonlySet<string>, mapCodes: ReadonlySet<string>): string {
  if (tableCodes.has(code)) return code;
  const before = `${code.slice(0, -1)}0`;
  return tableCodes.has(before) && !mapCodes.has(before) ? before : code;
}

const ESTIMATE_NOTE: Localized = {
  sv: 'Uppskattad från DeSO: värden fördelade efter yta och befolkning. Varje DeSO (landyta; en DeSO 2018 som delats 2025 är summan av sina delar, t.ex. 1480C1620 = 1480C1621 + 1480C1622) fördelas på primärområdena efter hur stor del av dess yta som ligger i dem (delar under 0,5 % av DeSO:ns yta räknas som skarvfel och tas bort; resten skalas om till 100 %); mellan- och stadsområden summerar sina primärområdens andelar. Antal summeras efter andel; andelar och medelvärden är medelvärden vägda med andel × nämnaren (t.ex. personer 16–64 år för sysselsättning, personer för låg ekonomisk standard och medelinkomst). Medianinkomst ingår inte: medianer kan inte läggas samman. Ett område får värde bara om DeSO med värde täcker minst 90 % av dess befolkning (folkmängd 2023; DeSO utan statistik räknas med Göteborgs median-DeSO); övriga visas som ändrad indelning.',
  en: "Estimated from DeSO: values apportioned by area and population. Each DeSO (land area; a DeSO 2018 split in 2025 is the union of its parts, e.g. 1480C1620 = 1480C1621 + 1480C1622) is split over the primärområden by the share of its area lying in each (parts under 0.5 % of the DeSO's area are treated as digitising slivers and dropped; the rest is rescaled to 100 %); mellan- and stadsområden add up their primärområden's shares. Counts are summed by share; shares and means are averages weighted by share × the denominator (e.g. persons 16–64 for employment, persons for low economic standard and mean income). Median income is left out: medians cannot be combined. An area gets a value only if DeSO with a value cover at least 90 % of its population (2023 population; DeSO without statistics count as Göteborg's median DeSO); the others show as boundary changed.",
};

/** Builds the SCB DeSO indicators for the DeSO levels, for RegSO (nesting sums) and the estimated levels. */
export function buildScbDeso(
  sourceDir: string,
  desoLevels: readonly DesoLevel[],
  regso?: { level: LevelId; areas: readonly AreaProperties[]; deso: DesoLevel },
  estimates?: DesoEstimates,
  kommun?: { level: LevelId; codes: readonly string[] },
): SourceBuild {
  const dir = join(sourceDir, 'indicators', 'scb-deso-2022');
  const files = readdirSync(dir).sort();
  const tables = new Map<string, ScbTable>();
  // Tables fetched from PxWeb API v2 (npm run data:fetch) are JSON-stat and replace the xlsx of the same id;
  // either way the tables are read in id order, so the join report's order does not depend on the format.
  const byId = new Map<string, string>();
  for (const f of files) if (f.endsWith('.xlsx') ? !byId.has(f.slice(0, 8)) : f.endsWith('.json')) byId.set(f.slice(0, 8), f);
  for (const [id, f] of [...byId].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (f.endsWith('.xlsx')) tables.set(id, parseScbTable(readXlsx(readFileSync(join(dir, f))).rows));
    else {
      const json: unknown = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      const source = SCB_TABLES.find((s) => s.table === id);
      tables.set(id, source ? scbTableFromPxWeb(json, f, source.columns) : scbTableFromJsonStat(json, f));
    }
  }

  const indicators: IndicatorOutput[] = [];
  const joins: JoinReportEntry[] = [];
  const used = new Set(SCB_INDICATORS.map((d) => d.table));

  for (const [tableId, t] of tables) {
    for (const dl of desoLevels) {
      const codes = dl.areas.map((a) => a.code);
      const sourceCodes = [...t.rows.keys()].filter((c) => c.startsWith(dl.kommun));
      const j = joinByCode(sourceCodes, codes);
      joins.push({
        source: 'scb-deso',
        table: tableId,
        level: dl.level,
        matched: j.matched.length,
        unmatchedSource: j.unmatchedSource,
        unmatchedGeometry: j.unmatchedGeometry,
        duplicates: t.duplicates.filter((c) => c.startsWith(dl.kommun)),
        note: {
          sv:
            (t.desoVersion === 2025
              ? 'Tabellen (hämtad från SCB:s PxWeb API v2) använder DeSO 2025-koder, som kartan.'
              : 'Tabellen använder DeSO 2018-koder, kartan DeSO 2025. Koder som bara finns i 2018 saknar gräns på kartan; 2025-områden utan rad visas som ändrad indelning.') +
            (used.has(tableId) ? '' : ' Ingen indikator härleds ännu från tabellen.'),
          en:
            (t.desoVersion === 2025
              ? "The table (fetched from SCB's PxWeb API v2) uses DeSO 2025 codes, as the map does."
              : 'The table uses DeSO 2018 codes, the map DeSO 2025. Codes only in 2018 have no boundary on the map; 2025 areas without a row are shown as boundary changed.') +
            (used.has(tableId) ? '' : ' No indicator is derived from this table yet.'),
        },
      });
    }
  }

  const units = estimates ? estimateShares(tables, estimates) : undefined;
  const coverageWeight = estimates ? populationWeights(tables, estimates.deso, units?.unitOf ?? ((c) => c)) : () => 1;

  for (const def of SCB_INDICATORS) {
    const t = tables.get(def.table);
    if (!t) throw new Error(`SCB table ${def.table} not found in ${dir}`);
    const { parts, yearColumn } = def.columns(t);
    const year = t.columns[yearColumn]?.year;
    if (!year) throw new Error(`SCB table ${def.table}: no year in the header`);
    const meta: IndicatorBase = {
      ...def.meta,
      id: def.id,
      table: def.table,
      source: 'scb-deso',
      sex: 'total',
      aggregation: def.kind === 'count' ? 'count' : 'rate',
    };
    const partsByCode = new Map<string, Parts>();
    for (const [code, row] of t.rows) partsByCode.set(code, parts(row));

    if (kommun && def.kommun) {
      const sum = kommunSums(t, parts, kommun.codes);
      joins.push(sum.join(def, kommun.level));
      if (sum.table) {
        indicators.push({
          meta,
          weight: def.weight,
          values: makeValues({
            indicator: def.id,
            level: kommun.level,
            geometryCodes: kommun.codes,
            table: yearTable(year, sum.table),
            decimals: def.storeDecimals,
          }),
        });
      }
    }
    if (def.kommunOnly) continue;

    for (const dl of desoLevels) {
      const table: YearTable = new Map();
      const reasons = new Map<string, MissingReason>();
      for (const a of dl.areas) {
        const p = partsByCode.get(a.code);
        if (p === undefined) reasons.set(a.code, 'boundary-changed');
        else if (p === 'suppressed') reasons.set(a.code, 'suppressed');
        else setValue(table, year, a.code, p === null ? null : valueOf(def.kind, p));
      }
      indicators.push({
        meta,
        weight: def.weight,
        values: makeValues({
          indicator: def.id,
          level: dl.level,
          geometryCodes: dl.areas.map((a) => a.code),
          table,
          decimals: def.storeDecimals,
          reasonFor: (c) => reasons.get(c) ?? 'not-reported',
        }),
      });
    }

    // Medians cannot be combined: no estimate rather than a mean of medians.
    if (estimates && def.kind !== 'median') {
      const values = new Map<string, SourceValue>();
      for (const [code, p] of partsByCode) {
        if (p === null || p === 'suppressed') continue;
        const value = valueOf(def.kind, p);
        // Rates are weighted by their own denominator (persons 16–64, dwellings, households, persons).
        if (value !== null) values.set(code, { value, weight: def.kind === 'count' ? 1 : p.b });
      }
      for (const el of estimates.levels) {
        const codes = el.areas.map((a) => a.code);
        const est = apportion(units?.byLevel.get(el.level) ?? new Map(), values, codes, { aggregation: meta.aggregation, coverageWeight });
        const table: YearTable = new Map();
        const reasons = new Map<string, MissingReason>();
        for (const c of codes) {
          const e = est.get(c);
          if (e?.value !== null && e?.value !== undefined) setValue(table, year, c, e.value);
          else reasons.set(c, missingReason(e?.lacking ?? [], partsByCode));
        }
        indicators.push({
          meta,
          weight: def.weight,
          derived: 'estimated-from-deso',
          values: makeValues({
            indicator: def.id,
            level: el.level,
            geometryCodes: codes,
            table,
            decimals: def.storeDecimals,
            reasonFor: (c) => reasons.get(c) ?? 'not-reported',
          }),
        });
      }
    }

    if (regso && def.kind !== 'median') {
      const table: YearTable = new Map();
      const reasons = new Map<string, MissingReason>();
      for (const r of regso.areas) {
        const members = regso.deso.areas.filter((d) => d.parents.regso === r.code);
        let a = 0;
        let b = 0;
        let reason: MissingReason | undefined = members.length === 0 ? 'boundary-changed' : undefined;
        for (const d of members) {
          const p = partsByCode.get(d.code);
          if (p === undefined) reason = 'boundary-changed';
          else if (p === 'suppressed') reason ??= 'suppressed';
          else if (p === null) reason ??= 'not-reported';
          else if (def.kind === 'mean') {
            a += p.a * p.b;
            b += p.b;
          } else {
            a += p.a;
            b += p.b;
          }
        }
        if (reason) reasons.set(r.code, reason);
        else setValue(table, year, r.code, def.kind === 'mean' ? (b > 0 ? a / b : null) : valueOf(def.kind, { a, b }));
      }
      indicators.push({
        meta,
        weight: def.weight,
        values: makeValues({
          indicator: def.id,
          level: regso.level,
          geometryCodes: regso.areas.map((a) => a.code),
          table,
          decimals: def.storeDecimals,
          reasonFor: (c) => reasons.get(c) ?? 'not-reported',
        }),
      });
    }
  }

  if (estimates) {
    for (const tableId of [...used].sort()) {
      const rows = tables.get(tableId)?.rows ?? new Map<string, ScbValue[]>();
      const present = new Map<string, SourceValue>();
      for (const unit of units?.shares.keys() ?? []) if (rows.has(unit)) present.set(unit, { value: 0, weight: 0 });
      for (const el of estimates.levels) {
        const codes = el.areas.map((a) => a.code);
        const cover = apportion(units?.byLevel.get(el.level) ?? new Map(), present, codes, { aggregation: 'count', coverageWeight });
        const complete = codes.filter((c) => (cover.get(c)?.coverage ?? 0) >= DEFAULT_MIN_COVERAGE).sort();
        joins.push({
          source: 'scb-deso',
          table: tableId,
          level: el.level,
          matched: complete.length,
          unmatchedSource: [],
          unmatchedGeometry: codes.filter((c) => !complete.includes(c)).sort(),
          duplicates: [],
          note: ESTIMATE_NOTE,
        });
      }
    }
  }

  if (regso) {
    for (const tableId of [...used].sort()) {
      const rows = tables.get(tableId)?.rows ?? new Map<string, ScbValue[]>();
      const complete: string[] = [];
      const incomplete: string[] = [];
      for (const r of regso.areas) {
        const members = regso.deso.areas.filter((d) => d.parents.regso === r.code);
        (members.length > 0 && members.every((d) => rows.has(d.code)) ? complete : incomplete).push(r.code);
      }
      joins.push({
        source: 'scb-deso',
        table: tableId,
        level: regso.level,
        matched: complete.length,
        unmatchedSource: [],
        unmatchedGeometry: incomplete,
        duplicates: [],
        note: {
          sv: 'RegSO-värden är summor av DeSO 2025-områdenas antal (andelar räknas om från summorna; medelvärden vägs med antal personer; medianer summeras inte). En RegSO får värde bara om alla dess DeSO finns i tabellen; övriga visas som ändrad indelning.',
          en: 'RegSO values are sums of the counts of their DeSO 2025 areas (shares recomputed from the sums; means weighted by persons; medians are not combined). A RegSO gets a value only if all its DeSO are in the table; the others show as boundary changed.',
        },
      });
    }
  }
  const estimateBasis = estimates && units ? basisFiles(estimates, units.byLevel, coverageWeight) : [];
  return { indicators, joins, estimateBasis };
}

/**
 * How each estimated area's value was made: how many DeSO feed it, how many of them are split between
 * this area and others (beyond digitising slivers; their residents are spread evenly over land by
 * assumption, though they may all live on one side), and the share of the area's estimated residents
 * that come from split DeSO. More than half → the estimate is less certain.
 */
export function basisFiles(
  estimates: DesoEstimates,
  byLevel: ReadonlyMap<LevelId, ReadonlyMap<string, ReadonlyMap<string, number>>>,
  weightOf: (unit: string) => number,
): EstimateBasisFile[] {
  return estimates.levels.map((el) => {
    const shares = byLevel.get(el.level) ?? new Map<string, ReadonlyMap<string, number>>();
    const acc = new Map<string, { deso: number; split: number; total: number; fromSplit: number }>();
    for (const unit of [...shares.keys()].sort()) {
      const w = weightOf(unit);
      for (const [target, share] of shares.get(unit) ?? []) {
        let a = acc.get(target);
        if (!a) acc.set(target, (a = { deso: 0, split: 0, total: 0, fromSplit: 0 }));
        const split = (shares.get(unit)?.size ?? 0) > 1;
        a.deso++;
        a.total += share * w;
        if (split) {
          a.split++;
          a.fromSplit += share * w;
        }
      }
    }
    const areas: Record<string, EstimateBasis> = {};
    for (const code of el.areas.map((a) => a.code).sort()) {
      const a = acc.get(code);
      if (!a) continue;
      const splitShare = a.total > 0 ? Math.round((1000 * a.fromSplit) / a.total) / 1000 : 0;
      areas[code] = { deso: a.deso, split: a.split, splitShare, uncertain: splitShare > 0.5 };
    }
    return { level: el.level, areas };
  });
}

/** The sum of a count over each municipality's DeSO rows, shipped only when every municipality has rows. */
function kommunSums(t: ScbTable, parts: (row: ScbValue[]) => Parts, codes: readonly string[]) {
  const sums = new Map<string, number>();
  const incomplete = new Set<string>();
  for (const [code, row] of t.rows) {
    if (!/^\d{4}[ABC]\d{4}$/.test(code)) continue;
    const kommun = code.slice(0, 4);
    const p = parts(row);
    if (p === null || p === 'suppressed') incomplete.add(kommun);
    else sums.set(kommun, (sums.get(kommun) ?? 0) + p.a);
  }
  const lacking = codes.filter((c) => !sums.has(c) || incomplete.has(c)).sort();
  const table = lacking.length === 0 ? new Map(codes.map((c) => [c, sums.get(c)!] as const)) : null;
  const join = (def: ScbIndicatorDef, level: LevelId): JoinReportEntry => ({
    source: 'scb-deso',
    table: def.table,
    level,
    matched: codes.length - lacking.length,
    unmatchedSource: [],
    unmatchedGeometry: lacking,
    duplicates: [],
    note: {
      sv: `${def.meta.name.sv}: summan av kommunens DeSO-rader (DeSO-kodens fyra första siffror är kommunkoden). ${
        table
          ? 'Alla kommuner på kartan har rader.'
          : 'Några kommuner saknar rader eller har skyddade värden, så ingen kommunsumma skickas med (tabellen täcker inte hela Sverige).'
      }`,
      en: `${def.meta.name.en}: the sum of the municipality's DeSO rows (the DeSO code's first four digits are the municipal code). ${
        table
          ? 'Every municipality on the map has rows.'
          : 'Some municipalities have no rows or suppressed values, so no municipal sum is shipped (the table does not cover all of Sweden).'
      }`,
    },
  });
  return { table, join };
}

/** One year's values as a YearTable. */
function yearTable(year: number, values: ReadonlyMap<string, number>): YearTable {
  const table: YearTable = new Map();
  for (const [code, value] of values) setValue(table, year, code, value);
  return table;
}

/** Why an estimate is missing: a DeSO without a row (code changed) outweighs a suppressed one. */
function missingReason(lacking: readonly string[], partsByCode: ReadonlyMap<string, Parts>): MissingReason {
  if (lacking.some((c) => !partsByCode.has(c))) return 'boundary-changed';
  if (lacking.some((c) => partsByCode.get(c) === 'suppressed')) return 'suppressed';
  return 'not-reported';
}

/**
 * Each DeSO's population (table 000005FC, 2023) as its weight in the coverage rule. DeSO with no row (new 2025 codes)
 * count as the median DeSO: DeSO are drawn to hold similar populations (about 700–2,700).
 */
function populationWeights(tables: ReadonlyMap<string, ScbTable>, deso: DesoLevel, unitOf: (code: string) => string): (code: string) => number {
  const def = SCB_INDICATORS.find((d) => d.id === 'scb-deso-population');
  const t = def && tables.get(def.table);
  if (!def || !t) throw new Error('SCB population table not found');
  const { parts } = def.columns(t);
  const pop = new Map<string, number>();
  for (const d of deso.areas) {
    const unit = unitOf(d.code);
    const row = t.rows.get(unit);
    const p = row && parts(row);
    if (p && p !== 'suppressed') pop.set(unit, p.a);
  }
  const sorted = [...pop.values()].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length === 0 ? 1 : sorted.length % 2 ? (sorted[mid] ?? 1) : ((sorted[mid - 1] ?? 1) + (sorted[mid] ?? 1)) / 2;
  return (code) => pop.get(code) ?? median;
}

/** Overlay shares per estimated level, with split DeSO 2025 grouped back into their DeSO 2018 unit. */
function estimateShares(tables: ReadonlyMap<string, ScbTable>, estimates: DesoEstimates) {
  // Codes of the tables indicators are made from: a table that feeds none (e.g. an xlsx left with DeSO 2018
  // codes beside fetched DeSO 2025 tables) must not regroup DeSO 2025 areas into their 2018 unit.
  const used = new Set(SCB_INDICATORS.map((d) => d.table));
  const tableCodes = new Set<string>();
  for (const [id, t] of tables) if (used.has(id)) for (const c of t.rows.keys()) if (c.startsWith(estimates.deso.kommun)) tableCodes.add(c);
  const mapCodes = new Set(estimates.deso.areas.map((a) => a.code));
  const unitOf = (code: string) => desoUnit(code, tableCodes, mapCodes);
  const grouped = groupSources(estimates.overlay.intersections, estimates.overlay.sourceArea, unitOf);
  const prim = overlayShares(grouped.intersections, grouped.sourceArea);
  const byLevel = new Map<LevelId, Map<string, Map<string, number>>>();
  for (const el of estimates.levels) byLevel.set(el.level, nestShares(prim, el.parentOf));
  return { unitOf, byLevel, shares: prim };
}
