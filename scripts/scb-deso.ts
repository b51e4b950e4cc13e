/**
 * SCB DeSO tables (2022, DeSO 2018 codes) → indicators for Göteborg's and Borås's DeSO 2025,
 * and for Göteborg's RegSO by summing the counts of their DeSO.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { joinByCode } from '../src/data/join';
import { findColumn, parseScbTable, type ScbTable, type ScbValue } from '../src/data/scb-table';
import type { AreaProperties, JoinReportEntry, LevelId, Localized, MissingReason } from '../src/data/types';
import { readXlsx } from '../src/data/xlsx';
import { makeValues, setValue, type IndicatorBase, type IndicatorOutput, type SourceBuild, type YearTable } from './values';

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
}

const num = (v: ScbValue | undefined): number | 'suppressed' | null => (v === undefined ? null : v);

/** a/b parts from columns; 'suppressed' wins over missing. */
function partsOf(row: ScbValue[], aCols: number[], bCols: number[]): Parts {
  let a = 0;
  let b = 0;
  for (const [cols, add] of [[aCols, (x: number) => (a += x)], [bCols, (x: number) => (b += x)]] as const) {
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

/** The indicators derived from the SCB DeSO tables. */
export const SCB_INDICATORS: readonly ScbIndicatorDef[] = [
  {
    id: 'scb-deso-low-econ',
    table: '000006TA',
    kind: 'mean',
    columns: share([['Låg ekonomisk standard, procent']], [['Antal personer totalt']]),
    storeDecimals: 0,
    meta: {
      name: L('Personer med låg ekonomisk standard, andel (%)', 'Persons with low economic standard (%)'),
      short: L('Låg ekonomisk standard', 'Low economic standard'),
      description: L(
        'Andel personer som lever i hushåll vars ekonomiska standard är mindre än 60 procent av medianvärdet för riket. Alla åldrar.',
        'Share of persons, all ages, living in households with an economic standard below 60 % of the national median.',
      ),
      unit: 'percent', decimals: 0, direction: 'higher-worse', targetArea: 'work',
    },
  },
  {
    id: 'scb-deso-income-median',
    table: '000005FM',
    kind: 'median',
    columns: share([['Medianvärde, tkr', 'nettoinkomst']], [['Antal personer totalt']]),
    storeDecimals: 1,
    meta: {
      name: L('Nettoinkomst, medianvärde, tkr, 20+ år', 'Median net income, ages 20+ (kSEK)'),
      short: L('Nettoinkomst (median)', 'Net income (median)'),
      description: L(
        'Medianvärde av nettoinkomsten (alla skattepliktiga och skattefria inkomster minus skatt och övriga negativa transfereringar) för personer 20 år och äldre, tusen kronor.',
        'Median net income (all taxable and tax-free income minus tax and other negative transfers) of persons 20 and older, thousand SEK.',
      ),
      unit: 'ksek', decimals: 0, direction: 'higher-better', targetArea: 'work',
    },
  },
  {
    id: 'scb-deso-income-mean',
    table: '000005FM',
    kind: 'mean',
    columns: share([['Medelvärde, tkr', 'nettoinkomst']], [['Antal personer totalt']]),
    storeDecimals: 1,
    meta: {
      name: L('Nettoinkomst, medelvärde, tkr, 20+ år', 'Mean net income, ages 20+ (kSEK)'),
      short: L('Nettoinkomst (medel)', 'Net income (mean)'),
      description: L(
        'Medelvärde av nettoinkomsten för personer 20 år och äldre, tusen kronor. För RegSO vägt med antal personer.',
        'Mean net income of persons 20 and older, thousand SEK. For RegSO weighted by the number of persons.',
      ),
      unit: 'ksek', decimals: 0, direction: 'higher-better', targetArea: 'work',
    },
  },
  {
    id: 'scb-deso-employment',
    table: '000007A8',
    kind: 'share',
    columns: share([['antal sysselsatta', '16-64 år']], [['antal totalt', '16-64 år']]),
    storeDecimals: 1,
    meta: {
      name: L('Sysselsatta 16–64 år, andel (%)', 'Employed, ages 16–64 (%)'),
      short: L('Sysselsättningsgrad 16–64', 'Employment rate 16–64'),
      description: L(
        'Antal sysselsatta 16–64 år dividerat med antal personer 16–64 år (SCB:s arbetsmarknadsstatus, BAS).',
        'Employed persons aged 16–64 divided by all persons aged 16–64 (Statistics Sweden labour market status register).',
      ),
      unit: 'percent', decimals: 1, direction: 'higher-better', targetArea: 'work',
    },
  },
  {
    id: 'scb-deso-unemployment',
    table: '000007A8',
    kind: 'share',
    columns: share([['antal arbetslösa', '16-64 år']], [['antal sysselsatta och arbetslösa (arbetskraften)', '16-64 år']]),
    storeDecimals: 1,
    meta: {
      name: L('Arbetslösa 16–64 år, andel av arbetskraften (%)', 'Unemployed, ages 16–64 (% of labour force)'),
      short: L('Arbetslöshet 16–64', 'Unemployment 16–64'),
      description: L(
        'Antal arbetslösa 16–64 år dividerat med arbetskraften (sysselsatta och arbetslösa) 16–64 år.',
        'Unemployed persons aged 16–64 divided by the labour force (employed and unemployed) aged 16–64.',
      ),
      unit: 'percent', decimals: 1, direction: 'higher-worse', targetArea: 'work',
    },
  },
  {
    id: 'scb-deso-foreign-background',
    table: '000005FE',
    kind: 'share',
    columns: share([['utländsk bakgrund']], [['totalt', 'totalt']]),
    storeDecimals: 1,
    meta: {
      name: L('Personer med utländsk bakgrund, andel (%)', 'Persons with foreign background (%)'),
      short: L('Utländsk bakgrund', 'Foreign background'),
      description: L(
        'Andel av folkmängden som är utrikes födda eller inrikes födda med två utrikes födda föräldrar.',
        'Share of the population born abroad, or born in Sweden with two parents born abroad.',
      ),
      unit: 'percent', decimals: 1, direction: 'neutral', targetArea: 'living',
    },
  },
  {
    id: 'scb-deso-born-abroad',
    table: '000005FB',
    kind: 'share',
    columns: share([['Europa utom Sverige'], ['övriga världen inkl. uppgift saknas']], [['totalt', 'totalt']]),
    storeDecimals: 1,
    meta: {
      name: L('Utrikes födda, andel (%)', 'Born abroad (%)'),
      short: L('Utrikes födda', 'Born abroad'),
      description: L(
        'Andel av folkmängden som är född utanför Sverige (Europa utom Sverige samt övriga världen inkl. uppgift saknas).',
        'Share of the population born outside Sweden (rest of Europe and the rest of the world, unknown included).',
      ),
      unit: 'percent', decimals: 1, direction: 'neutral', targetArea: 'living',
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
    storeDecimals: 0,
    meta: {
      name: L('Folkmängd', 'Population'),
      short: L('Folkmängd', 'Population'),
      description: L('Antal folkbokförda personer den 31 december.', 'Number of registered residents on 31 December.'),
      unit: 'persons', decimals: 0, direction: 'neutral', targetArea: 'living',
    },
  },
  {
    id: 'scb-deso-renting',
    table: '000006OC',
    kind: 'share',
    columns: share([['hyresrätt']], [['hyresrätt'], ['bostadsrätt'], ['äganderätt']]),
    storeDecimals: 1,
    meta: {
      name: L('Hyresrätter, andel av lägenheterna (%)', 'Rented dwellings (% of dwellings)'),
      short: L('Hyresrätter', 'Rented dwellings'),
      description: L(
        'Lägenheter med hyresrätt dividerat med lägenheter med känd upplåtelseform (hyresrätt, bostadsrätt, äganderätt).',
        'Rented dwellings divided by dwellings with known tenure (rented, tenant-owned, owner-occupied).',
      ),
      unit: 'percent', decimals: 1, direction: 'neutral', targetArea: 'living',
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
    storeDecimals: 1,
    meta: {
      name: L('Ensamstående med barn, andel av hushållen (%)', 'Single parents (% of households)'),
      short: L('Ensamstående föräldrar', 'Single-parent households'),
      description: L(
        'Hushåll med en ensamstående vuxen och barn, andel av alla hushåll.',
        'Households of one adult with children, as a share of all households.',
      ),
      unit: 'percent', decimals: 1, direction: 'neutral', targetArea: 'start',
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

/** Builds the SCB DeSO indicators for the DeSO levels, and for RegSO (nesting sums). */
export function buildScbDeso(sourceDir: string, desoLevels: readonly DesoLevel[], regso?: { level: LevelId; areas: readonly AreaProperties[]; deso: DesoLevel }): SourceBuild {
  const dir = join(sourceDir, 'indicators', 'scb-deso-2022');
  const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort();
  const tables = new Map<string, ScbTable>();
  for (const f of files) tables.set(f.slice(0, 8), parseScbTable(readXlsx(readFileSync(join(dir, f))).rows));

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
            'Tabellen använder DeSO 2018-koder, kartan DeSO 2025. Koder som bara finns i 2018 saknar gräns på kartan; 2025-områden utan rad visas som ändrad indelning.' +
            (used.has(tableId) ? '' : ' Ingen indikator härleds ännu från tabellen.'),
          en:
            'The table uses DeSO 2018 codes, the map DeSO 2025. Codes only in 2018 have no boundary on the map; 2025 areas without a row are shown as boundary changed.' +
            (used.has(tableId) ? '' : ' No indicator is derived from this table yet.'),
        },
      });
    }
  }

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
  return { indicators, joins };
}
