/**
 * Kolada KPIs (DDF dump) → kommun-level indicators, women/men variants where published.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvRecords } from '../src/data/csv';
import { joinByCode } from '../src/data/join';
import type { JoinReportEntry } from '../src/data/types';
import { ELECTION_YEARS, KOLADA_ENTRIES, type KoladaEntry } from './catalogue-entries';
import { implausibleZeros, minNeighbourFor } from './missing-zeros';
import { makeValues, setValue, type IndicatorBase, type IndicatorOutput, type SourceBuild, type YearTable } from './values';

const SEXES = [
  { gender: 'k', sex: 'women', sv: 'kvinnor', en: 'women' },
  { gender: 'm', sex: 'men', sv: 'män', en: 'men' },
] as const;

/** Whitespace-normalised text; Kolada's names carry doubled spaces. */
const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

interface Series {
  /** Kommun values (4-digit codes). */
  table: YearTable;
  /** Sweden (geo "0"). */
  reference: Map<number, number>;
  /** All geo codes of kommun rows (with repeats, for the duplicate check). */
  kommunRows: string[];
  /** Län and national codes seen (not on the kommun level). */
  otherGeo: Set<string>;
}

function readSeries(path: string, kpi: string, gender?: string): Series {
  const col = kpi.toLowerCase();
  const series: Series = { table: new Map(), reference: new Map(), kommunRows: [], otherGeo: new Set() };
  for (const r of parseCsvRecords(readFileSync(path, 'utf8'))) {
    if (gender !== undefined && r.gender !== gender) continue;
    const geo = r.geo ?? '';
    const year = Number(r.year);
    const text = r[col] ?? '';
    const value = text === '' ? null : Number(text);
    if (geo === '0') {
      if (value !== null) series.reference.set(year, value);
      series.otherGeo.add(geo);
    } else if (/^\d{2}$/.test(geo)) series.otherGeo.add(geo);
    else {
      setValue(series.table, year, geo, value);
      series.kommunRows.push(`${geo}@${year}`);
    }
  }
  return series;
}

/** A zero shipped as missing, for the join report. */
type ZeroAsMissing = NonNullable<JoinReportEntry['zerosAsMissing']>[number];

/**
 * Replaces the zeros that stand for missing values (see missing-zeros.ts) by null in the kommun
 * table, in the years that are shipped, and returns them (code order, then year).
 */
function dropImplausibleZeros(series: Series, e: KoladaEntry, sex?: 'women' | 'men'): ZeroAsMissing[] {
  const keep = e.electionYears ? new Set<number>(ELECTION_YEARS) : null;
  const byCode = new Map<string, Map<number, number | null>>();
  for (const [year, row] of series.table) {
    if (keep && !keep.has(year)) continue;
    for (const [code, value] of row) {
      let s = byCode.get(code);
      if (!s) byCode.set(code, (s = new Map()));
      s.set(year, value);
    }
  }
  const out: ZeroAsMissing[] = [];
  for (const code of [...byCode.keys()].sort()) {
    for (const z of implausibleZeros(byCode.get(code)!, minNeighbourFor(e.unit))) {
      series.table.get(z.year)?.set(code, null);
      out.push({ code, year: z.year, ...(sex ? { sex } : {}), neighbours: z.neighbours });
    }
  }
  return out;
}

function indicatorId(e: KoladaEntry, sex?: 'women' | 'men'): string {
  return `kolada-${e.kpi.toLowerCase()}${sex ? `-${sex}` : ''}`;
}

function metaFor(e: KoladaEntry, concept: Record<string, string> | undefined, sex?: (typeof SEXES)[number]): IndicatorBase {
  const nameSv = clean(concept?.name ?? e.kpi);
  const meta: IndicatorBase = {
    id: indicatorId(e, sex?.sex),
    name: sex ? { sv: `${nameSv}, ${sex.sv}`, en: `${e.nameEn}, ${sex.en}` } : { sv: nameSv, en: e.nameEn },
    short: sex ? { sv: `${e.short.sv}, ${sex.sv}`, en: `${e.short.en}, ${sex.en}` } : e.short,
    description: { sv: clean(concept?.description ?? ''), en: e.descriptionEn },
    unit: e.unit,
    decimals: e.decimals,
    direction: e.direction,
    targetArea: e.targetArea,
    sex: sex?.sex ?? e.sex ?? 'total',
    aggregation: e.aggregation,
    source: 'kolada',
    table: e.kpi,
  };
  if (sex) meta.variantOf = indicatorId(e);
  if (e.successor) meta.successor = sex ? `${e.successor}-${sex.sex}` : e.successor;
  if (e.predecessor) meta.predecessor = sex ? `${e.predecessor}-${sex.sex}` : e.predecessor;
  if (e.electionYears) meta.sparseYears = true;
  if (e.periodYears) meta.periodYears = e.periodYears;
  return meta;
}

const ZEROS_NOTE = {
  sv: ' Nollor som inte kan vara sanna värden visas som saknade uppgifter: en eller flera nollor i rad vars närmaste värden före och efter (vid seriens början eller slut det som finns) är minst 1 procent för andelar, eller över noll för år, kronor, dagar och personer. Kolada skriver 0 där uppgift saknas i vissa serier.',
  en: ' Zeros that cannot be true values are shown as missing: one or more zeros in a row whose nearest values before and after (at the start or end of the series, the one that exists) are at least 1 per cent for shares, or above zero for years, kronor, days and people. Kolada writes 0 where a value is missing in some series.',
};

/** Builds all Kolada indicators for the kommun level. */
export function buildKolada(sourceDir: string, kommunCodes: readonly string[]): SourceBuild {
  const dir = join(sourceDir, 'indicators', 'kolada');
  const concepts = new Map(parseCsvRecords(readFileSync(join(dir, 'ddf--concepts.csv'), 'utf8')).map((c) => [c.concept?.toUpperCase() ?? '', c]));
  const indicators: IndicatorOutput[] = [];
  const joins: JoinReportEntry[] = [];
  const file = (kpi: string, byGender: boolean) => join(dir, `ddf--datapoints--${kpi.toLowerCase()}--by--geo--${byGender ? 'gender--' : ''}year.csv`);

  for (const e of KOLADA_ENTRIES) {
    const concept = concepts.get(e.kpi);
    const years = e.electionYears ? ELECTION_YEARS : undefined;
    const emit = (series: Series, meta: IndicatorBase) =>
      indicators.push({
        meta,
        weight: e.weight,
        values: makeValues({
          indicator: meta.id,
          level: 'kommun',
          geometryCodes: kommunCodes,
          table: series.table,
          decimals: e.storeDecimals,
          years,
          reference: series.reference,
        }),
      });

    const total = readSeries(file(e.kpi, false), e.kpi);
    const zeros = dropImplausibleZeros(total, e);
    emit(total, metaFor(e, concept));
    const join = joinByCode(
      total.kommunRows.map((k) => k.split('@')[0] ?? ''),
      kommunCodes,
    );
    const dupRows = joinByCode(total.kommunRows, []).duplicates.map((k) => k.split('@')[0] ?? '');
    const hasGender = existsSync(file(e.kpi, true));
    const bySex = hasGender && !e.sex ? SEXES.map((sex) => ({ sex, series: readSeries(file(e.kpi, true), e.kpi, sex.gender) })) : [];
    for (const { sex, series } of bySex) zeros.push(...dropImplausibleZeros(series, e, sex.sex));
    joins.push({
      source: 'kolada',
      table: e.kpi,
      level: 'kommun',
      matched: join.matched.length,
      unmatchedSource: join.unmatchedSource,
      unmatchedGeometry: join.unmatchedGeometry,
      duplicates: [...new Set(dupRows)].sort(),
      ...(zeros.length > 0 ? { zerosAsMissing: zeros } : {}),
      note: {
        sv:
          `Rader för län (${[...total.otherGeo].filter((g) => g !== '0').length} koder) och riket (0) hör inte till kommunnivån; riket används som referensvärde.` +
          (e.electionYears ? ' Endast valår behålls (Kolada upprepar resultatet mellan valen).' : '') +
          (hasGender ? ' Kvinnor och män från separat fil med samma koder.' : '') +
          (zeros.length > 0 ? ZEROS_NOTE.sv : ''),
        en:
          `Rows for counties (${[...total.otherGeo].filter((g) => g !== '0').length} codes) and Sweden (0) are not on the municipal level; Sweden is used as the reference value.` +
          (e.electionYears ? ' Only election years are kept (Kolada repeats each result between elections).' : '') +
          (hasGender ? ' Women and men from a separate file with the same codes.' : '') +
          (zeros.length > 0 ? ZEROS_NOTE.en : ''),
      },
    });
    for (const { sex, series } of bySex) emit(series, metaFor(e, concept, sex));
  }
  return { indicators, joins };
}
