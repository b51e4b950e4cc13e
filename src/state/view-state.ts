import type { Lang, LevelId } from '../data/types';
import type { Classification } from '../scales/classify';
import type { GapMeasureId } from '../stats/measure-ids';

/** Which body the main area shows: the map or its accessible table alternative. */
export type ViewMode = 'map' | 'table';

/** What the map shows: levels in one year, change between two years, or the catching-up scatter. */
export type MapMode = 'level' | 'change' | 'scatter';

/** Domain of the colour scale: all years of the indicator (stable legend) or this year only. */
export type DomainMode = 'all' | 'year';

/** Everything that defines a view; all of it round-trips through the URL. */
export interface ViewState {
  level: LevelId;
  indicator: string;
  year: number;
  /** Code of the selected area, or null. */
  area: string | null;
  /** Codes of highlighted areas (outlined and labelled on the map; URL `hl`), in order, at most MAX_HIGHLIGHT. */
  highlight: readonly string[];
  classification: Classification;
  classes: number;
  domain: DomainMode;
  lang: Lang;
  view: ViewMode;
  mode: MapMode;
  /** Start (A) and end (B) of the period compared; null = the indicator's first / last year. */
  from: number | null;
  to: number | null;
  /** The gap measure shown in the gap chart and summary. */
  measure: GapMeasureId;
  /** Change map relative to the reference's change (the nation's or the city's) instead of zero. */
  relative: boolean;
}

/** The most areas a view highlights; further codes in a URL are dropped with a notice. */
export const MAX_HIGHLIGHT = 20;

/**
 * The first view: child poverty (low economic standard, ages 0–19) across all of
 * Sweden's municipalities, latest year. It is the programme's headline gap, has twelve
 * years to play through, and shows Göteborg and Borås among their peers.
 */
export const DEFAULT_VIEW: ViewState = {
  level: 'kommun',
  indicator: 'kolada-n66077',
  year: 2022,
  area: null,
  highlight: [],
  classification: 'quantile',
  classes: 5,
  domain: 'all',
  lang: 'sv',
  view: 'map',
  mode: 'level',
  from: null,
  to: null,
  measure: 'range',
  relative: false,
};
