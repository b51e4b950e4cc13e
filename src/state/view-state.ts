import type { LevelId } from '../data/types';
import type { Lang } from '../format/number';
import type { Classification } from '../scales/classify';

/** Which body the main area shows: the map or its accessible table alternative. */
export type ViewMode = 'map' | 'table';

/** Domain of the colour scale: all years of the indicator (stable legend) or this year only. */
export type DomainMode = 'all' | 'year';

/** Everything that defines a view; all of it round-trips through the URL. */
export interface ViewState {
  level: LevelId;
  indicator: string;
  year: number;
  /** Code of the selected area, or null. */
  area: string | null;
  classification: Classification;
  classes: number;
  domain: DomainMode;
  lang: Lang;
  view: ViewMode;
}

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
  classification: 'quantile',
  classes: 5,
  domain: 'all',
  lang: 'sv',
  view: 'map',
};
