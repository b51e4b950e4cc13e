/**
 * The first paint's manifest, data/first-view.json: the part of the catalogue a first choropleth
 * needs (every level's file, box and outlines; every indicator's direction and its years and
 * values file per level), ~1.6 kB gzip where catalogue.json is 16 kB and ten times longer to
 * parse. Derived from the shipped catalogue when the app is built (scripts/first-view-manifest.ts),
 * so it cannot disagree with it.
 */
import type { Catalogue, IndicatorLevel, IndicatorMeta, LevelMeta } from '../data/types';

/** A level as the first paint needs it. */
export type FirstViewLevel = Pick<LevelMeta, 'id' | 'file' | 'bbox' | 'outlines' | 'inChooser'>;

/** An indicator as the first paint needs it. */
export type FirstViewIndicator = Pick<IndicatorMeta, 'id' | 'direction'> & { levels: Partial<Record<string, Pick<IndicatorLevel, 'years' | 'file'>>> };

/** data/first-view.json. */
export interface FirstViewManifest {
  /** The basemap's file (as the catalogue's `basemap`). */
  basemap: string;
  levels: FirstViewLevel[];
  indicators: FirstViewIndicator[];
}

/** The manifest of a catalogue (levels and indicators in catalogue order). */
export function firstViewManifest(catalogue: Catalogue): FirstViewManifest {
  return {
    basemap: catalogue.basemap,
    levels: catalogue.levels.map(({ id, file, bbox, outlines, inChooser }) => ({ id, file, bbox, outlines, inChooser })),
    indicators: catalogue.indicators.map(({ id, direction, levels }) => ({
      id,
      direction,
      levels: Object.fromEntries(Object.entries(levels).map(([level, entry]) => [level, { years: entry!.years, file: entry!.file }])),
    })),
  };
}
