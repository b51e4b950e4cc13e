/**
 * The contract between the data build (scripts/) and the app (src/).
 * Everything the app ships under public/data is described here.
 */

/** UI languages: Swedish first, English second. */
export type Lang = 'sv' | 'en';

/** A string in both UI languages. */
export interface Localized {
  sv: string;
  en: string;
}

/** The shipped levels' ids (divisions), in the catalogue's order. */
export const SHIPPED_LEVELS = [
  'kommun',
  'gbg-stadsomrade',
  'gbg-mellanomrade',
  'gbg-primaromrade',
  'gbg-basomrade',
  'gbg-deso',
  'gbg-regso',
  'boras-deso',
] as const;

/** Ids of the map levels (divisions) the app ships. */
export type ShippedLevelId = (typeof SHIPPED_LEVELS)[number];

/** A division the user imported in this browser (`user-level:<id>`); its geometry lives in IndexedDB. */
export type UserLevelId = `user-level:${string}`;

/** Ids of the map levels: the shipped ones and the user's own. */
export type LevelId = ShippedLevelId | UserLevelId;

/** Parent keys a feature may carry (codes of the enclosing areas). */
export type ParentKey = 'lan' | 'stadsomrade' | 'mellanomrade' | 'primaromrade' | 'regso' | 'kommun';

/** Properties kept on every area feature in the shipped TopoJSON (object `areas`). */
export interface AreaProperties {
  /** Stable code: kommun "1480", DeSO "1480C1622", primärområde "207", … */
  code: string;
  /** Display name (for DeSO the code itself, or RegSO name + code). */
  name: string;
  /** Codes of the enclosing areas, e.g. { lan: "14" } or { mellanomrade: "31", stadsomrade: "2" }. */
  parents: Partial<Record<ParentKey, string>>;
  /** Where the area's label goes: [lon, lat] inside its largest polygon (computed by the data build). */
  label?: [number, number];
}

/** Metadata of one map level, as listed in catalogue.json. */
export interface LevelMeta {
  id: LevelId;
  /** Region group shown in the chooser: "Sverige", "Göteborg", "Borås". */
  group: Localized;
  /** Name of the division: "kommuner", "primärområden", "DeSO". */
  name: Localized;
  /** Singular noun for one area: "kommun" / "municipality". */
  areaNoun: Localized;
  /** Number of features. */
  count: number;
  /** Path (relative to data/) of the TopoJSON file; areas in object `areas`. */
  file: string;
  /** Extra outline objects in the same topology, e.g. ["lan"] for kommun. */
  outlines: string[];
  /** [west, south, east, north] in WGS84 degrees. */
  bbox: [number, number, number, number];
  /** Whether the level is offered in the level chooser (false until it has data). */
  inChooser: boolean;
  /** Source ids of the boundaries. */
  sources: string[];
  /** Areas left out of the gap measures by default (e.g. Göteborg's unclassified primärområden), and why. */
  gapExcluded?: { codes: string[]; note: Localized };
  /** Path (relative to data/) of the basis of the level's estimates ({@link EstimateBasisFile}), for estimated levels. */
  estimateBasis?: string;
}

/** How an indicator is read: is a higher value better or worse for people? */
export type Direction = 'higher-better' | 'higher-worse' | 'neutral';

/** The four target areas of Göteborg's programme for an equal city. */
export type TargetArea = 'start' | 'work' | 'living' | 'participation';

/** Unit kinds drive formatting (percent sign, kr, years, …). */
export type UnitKind = 'percent' | 'years' | 'sek' | 'ksek' | 'days' | 'persons';

/** Availability of an indicator at one level. */
export interface IndicatorLevel {
  /** Years with at least one value, ascending. */
  years: number[];
  /** Path (relative to data/) of the values file. */
  file: string;
  /** Set when values are derived rather than published at this level. */
  derived?: 'estimated-from-deso' | 'estimated-by-overlay';
  /** What the gap measures are weighted with at this level; absent: the level's population (imported data). */
  weight?: IndicatorWeight;
}

/** The population an indicator's gap measures are weighted with at one level. */
export interface IndicatorWeight {
  /** Id of the catalogue indicator that gives each area's weight (persons), or null: unweighted, each area once. */
  indicator: string | null;
  /** Who is counted, for the UI: "barn 0–19 år (SCB 2022)"; for unweighted "ovägt – varje område räknas lika". */
  label: Localized;
  /** The group as a definite noun phrase for sentences: "barnen 0–19 år" / "children aged 0–19". */
  group?: Localized;
  /** Why this weight, or why none (shown in the gap panel and the sources). */
  note?: Localized;
}

/** A catalogue entry: one indicator (one sex variant is its own entry). */
export interface IndicatorMeta {
  /** Stable id, e.g. "kolada-n00923", "kolada-n00906-women", "scb-deso-low-econ". */
  id: string;
  name: Localized;
  short: Localized;
  /** Longer description (from the source's definition). */
  description: Localized;
  unit: UnitKind;
  decimals: number;
  direction: Direction;
  targetArea: TargetArea;
  /** "total" unless a sex-specific variant. */
  sex: 'total' | 'women' | 'men';
  /** Id of the total indicator this is a variant of, when sex != total. */
  variantOf?: string;
  /** Rates aggregate as weighted means, counts as sums. */
  aggregation: 'rate' | 'count';
  /** Source id (see catalogue.sources). */
  source: string;
  /** Kolada KPI id or SCB table id. */
  table: string;
  /** Where the series is discontinued and continued by another indicator. */
  successor?: string;
  predecessor?: string;
  /** True for indicators measured only in some years (election turnout). */
  sparseYears?: boolean;
  /** Years each value summarises (life expectancy: 5, over T−4…T); the trend test uses non-overlapping periods. */
  periodYears?: number;
  /** Ages a population count covers ("0-19", "16-64", "20+"); absent for all ages. */
  ages?: string;
  /** The rate can mislead where many residents are students (income, economic standard, employment). */
  ageCaveat?: 'students';
  levels: Partial<Record<LevelId, IndicatorLevel>>;
}

/** A data source with its licence, shown in the sources view. */
export interface SourceMeta {
  id: string;
  name: Localized;
  publisher: Localized;
  licence: Localized;
  licenceUrl?: string;
  url?: string;
  /** Attribution line, e.g. "Källa: Kolada (RKA)". */
  attribution: Localized;
}

/** catalogue.json: everything the app needs to start. */
export interface Catalogue {
  version: 1;
  levels: LevelMeta[];
  indicators: IndicatorMeta[];
  sources: SourceMeta[];
  /** Basemap TopoJSON path (objects: land, sea, river). */
  basemap: string;
}

/** Why an area has no value. */
export type MissingReason = 'boundary-changed' | 'not-reported' | 'suppressed';

/** values/<level>/<indicator>.json: one indicator at one level, all years. */
export interface IndicatorValues {
  indicator: string;
  level: LevelId;
  years: number[];
  /** Area codes; values[y][i] belongs to codes[i]. */
  codes: string[];
  /** values[yearIndex][codeIndex]; null when missing. */
  values: (number | null)[][];
  /** Reason for codes of the level's geometry that have no value in any year, or a reason per code. */
  missing: Record<string, MissingReason>;
  /** Published reference value (e.g. the national total from Kolada, geo "0") per year, if any. */
  reference?: (number | null)[];
}

/** join-report.json: how each source table joined to each level's geometry. */
export interface JoinReportEntry {
  source: string;
  table: string;
  level: LevelId;
  /** Codes in source and geometry. */
  matched: number;
  /** Source codes (within the level's region) that have no boundary on the map. */
  unmatchedSource: string[];
  /** Geometry codes that have no row in the source. */
  unmatchedGeometry: string[];
  /** Codes that appear more than once for the same year. */
  duplicates: string[];
  /** Values the source wrote as 0 where the indicator cannot plausibly be 0: shipped as missing. */
  zerosAsMissing?: { code: string; year: number; sex?: 'women' | 'men'; neighbours: [number | null, number | null] }[];
  note?: Localized;
}

/** How an estimated area's value was made from DeSO (basis/<level>.json). */
export interface EstimateBasis {
  /** DeSO that contribute to the area. */
  deso: number;
  /** Of those, DeSO split between this area and others (their residents are spread evenly over land). */
  split: number;
  /** Share of the area's estimated residents that come from split DeSO (0…1). */
  splitShare: number;
  /** splitShare above one half: the estimate is less certain. */
  uncertain: boolean;
}

/** basis/<level>.json: the estimate basis of each area of an estimated level. */
export interface EstimateBasisFile {
  level: LevelId;
  areas: Record<string, EstimateBasis>;
}
