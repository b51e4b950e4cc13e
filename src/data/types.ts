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
export const SHIPPED_LEVELS = ['kommun', 'gbg-stadsomrade', 'gbg-mellanomrade', 'gbg-primaromrade', 'gbg-basomrade', 'gbg-deso', 'gbg-regso', 'boras-deso'] as const;

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
  note?: Localized;
}
