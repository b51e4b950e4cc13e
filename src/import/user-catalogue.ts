/** Merging the user's imported datasets into the catalogue as ordinary indicators. Pure. */
import { USER_SOURCE } from '../data/indicator-groups';
import type { Catalogue, IndicatorLevel, IndicatorMeta, LevelId, SourceMeta } from '../data/types';
import { userIndicatorId, type UserDataset } from './user-data-store';

/** The source entry of imported data ("Dina data"). */
export const USER_SOURCE_META: SourceMeta = {
  id: USER_SOURCE,
  name: { sv: 'Dina data', en: 'Your data' },
  publisher: { sv: '–', en: '–' },
  licence: { sv: '–', en: '–' },
  attribution: { sv: 'Källa: egna importerade data', en: 'Source: your own imported data' },
};

/** How an overlay estimate is marked: from DeSO like the shipped estimates, else by overlay. */
function overlayDerivation(source: LevelId | undefined): NonNullable<IndicatorLevel['derived']> {
  return source?.endsWith('-deso') ? 'estimated-from-deso' : 'estimated-by-overlay';
}

/** A dataset as a catalogue indicator: id `user:<id>`, one level entry per join, file `user:<id>`. */
export function userIndicator(dataset: UserDataset): IndicatorMeta {
  const id = userIndicatorId(dataset.id);
  const levels: Partial<Record<LevelId, IndicatorLevel>> = {};
  for (const [level, join] of Object.entries(dataset.joins) as [LevelId, NonNullable<UserDataset['joins'][LevelId]>][]) {
    levels[level] = { years: [...join.values.years], file: id, ...(join.estimated ? { derived: overlayDerivation(join.derivedFrom) } : {}) };
  }
  const name = { sv: dataset.name, en: dataset.name };
  return {
    id,
    name,
    short: name,
    description: { sv: `Importerad från ${dataset.fileName}.`, en: `Imported from ${dataset.fileName}.` },
    unit: dataset.choices.unit,
    decimals: dataset.choices.decimals,
    direction: dataset.choices.direction,
    // Required by the type; the chooser groups user indicators under "Dina data" by their source.
    targetArea: 'living',
    sex: 'total',
    aggregation: 'rate',
    source: USER_SOURCE,
    table: dataset.fileName,
    levels,
  };
}

/**
 * The catalogue with the datasets appended (and the "Dina data" source when there are any). A
 * shipped level kept out of the chooser for want of data (Göteborg's basområden) joins it once a
 * dataset has values there.
 */
export function withUserDatasets(catalogue: Catalogue, datasets: readonly UserDataset[]): Catalogue {
  if (datasets.length === 0) return catalogue;
  const joined = new Set(datasets.flatMap((d) => Object.keys(d.joins)));
  return {
    ...catalogue,
    levels: catalogue.levels.map((l) => (l.inChooser || !joined.has(l.id) ? l : { ...l, inChooser: true })),
    indicators: [...catalogue.indicators, ...datasets.map(userIndicator)],
    sources: [...catalogue.sources.filter((s) => s.id !== USER_SOURCE), USER_SOURCE_META],
  };
}
