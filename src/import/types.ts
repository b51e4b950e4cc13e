/**
 * The contract of "bring your own data": what every import parser returns.
 * Parsers take bytes or text and return data or a typed, human-readable error; they never throw
 * and never touch the DOM (they run in a Web Worker).
 */
import type { Direction, Localized, UnitKind } from '../data/types';

/** Formats the importer recognises. */
export type ImportFormat = 'csv-long' | 'csv-wide' | 'xlsx-scb' | 'json-stat' | 'pxweb-json' | 'kolada-v2' | 'ddf-csv' | 'geojson' | 'topojson';

/** A value's status: a number, an empty/absent cell, or a suppressed cell ("..", "-"). */
export type ValueStatus = 'ok' | 'missing' | 'suppressed';

/** One observation: an area, a year and a value (null unless status is 'ok'). */
export interface ImportedRow {
  /** The area code as written in the source (normalised later by the join). */
  code: string;
  /** The area name when the source has one (used for matching by name). */
  name?: string;
  year: number;
  /** Never NaN: null when missing or suppressed. */
  value: number | null;
  status: ValueStatus;
  /** The measure/indicator this row belongs to, when the file holds several. */
  measure?: string;
  /** Where the row came from, for messages: 1-based line (text) or "B7" (sheet cell). */
  at?: string;
}

/** A parsed statistics table, before the user names it and it is joined. */
export interface ImportedTable {
  kind: 'table';
  format: ImportFormat;
  fileName: string;
  /** Measures found (several when the file has more than one); the user picks one. */
  measures: { id: string; label: string; unit?: string }[];
  rows: ImportedRow[];
  /** A title or label from the file, to suggest a name. */
  title?: string;
  /** Unit read from the file, if any (free text, e.g. "procent", "kr"). */
  unitText?: string;
  /** Non-fatal notes (e.g. "3 rows without a year were skipped"), in both languages. */
  warnings: Localized[];
}

/** A parsed boundary file, reprojected to WGS84. */
export interface ImportedBoundaries {
  kind: 'boundaries';
  format: 'geojson' | 'topojson';
  fileName: string;
  /** The CRS found: from the `crs` member, or guessed from coordinate ranges. */
  crs: { epsg: 4326 | 3006 | 3007; detectedBy: 'crs-member' | 'coordinate-range' | 'default' };
  features: GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon>;
  /** Property names present on the features, so the user can pick the code and name fields. */
  properties: string[];
  /** Best guesses of the code and name properties. */
  codeProperty: string | null;
  nameProperty: string | null;
  warnings: Localized[];
}

/** A parser's failure: which file, where, and why, in both languages. */
export interface ImportError {
  kind: 'error';
  code:
    | 'too-large'
    | 'unknown-format'
    | 'encoding'
    | 'no-rows'
    | 'no-area-column'
    | 'no-year'
    | 'bad-number'
    | 'bad-json'
    | 'bad-xlsx'
    | 'bad-geometry'
    | 'unknown-crs';
  fileName: string;
  /** Line, cell or JSON path, when known. */
  at?: string;
  message: Localized;
}

/** What any parser returns. */
export type ImportResult = ImportedTable | ImportedBoundaries | ImportError;

/** Files larger than this are refused with a message (bytes). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** The user's choices in the preview step. */
export interface ImportChoices {
  measure: string | null;
  name: string;
  unit: UnitKind;
  decimals: number;
  direction: Direction;
  /** Multiply the values by 100: shares written as fractions (0.153) shown as percent (15.3). Absent: as written. */
  times100?: boolean;
}
