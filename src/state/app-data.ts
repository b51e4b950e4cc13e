/** Pure helpers the shell uses to relate the catalogue, the view and the loaded data. */
import type { Catalogue, IndicatorMeta, IndicatorWeight, Lang, LevelId, LevelMeta } from '../data/types';
import type { UrlContext } from './url-codec';

/** Builds the URL codec's view of the catalogue (or of the first paint's slice of it). */
export function urlContext(catalogue: {
  levels: readonly Pick<LevelMeta, 'id' | 'inChooser'>[];
  indicators: readonly { id: string; levels: Partial<Record<string, { years: number[] }>> }[];
}): UrlContext {
  const byId = new Map(catalogue.indicators.map((i) => [i.id, i]));
  return {
    levels: catalogue.levels.filter((l) => l.inChooser).map((l) => l.id),
    indicatorYears(indicator, level) {
      const meta = byId.get(indicator);
      if (!meta) return undefined;
      return meta.levels[level]?.years ?? [];
    },
    firstIndicatorAt: (level) => indicatorsAt(catalogue, level)[0]?.id,
  };
}

/** The catalogue entry of an indicator id. */
export function findIndicator(catalogue: Catalogue, id: string): IndicatorMeta | undefined {
  return catalogue.indicators.find((i) => i.id === id);
}

/** The metadata of a level id. */
export function findLevel(catalogue: Catalogue, id: LevelId): LevelMeta | undefined {
  return catalogue.levels.find((l) => l.id === id);
}

/** Indicators with data at a level, in catalogue order. */
export function indicatorsAt<I extends Pick<IndicatorMeta, 'id'> & { levels: Partial<Record<string, { years: readonly number[] }>> } = IndicatorMeta>(
  catalogue: { indicators: readonly I[] },
  level: LevelId,
): I[] {
  return catalogue.indicators.filter((i) => (i.levels[level]?.years.length ?? 0) > 0);
}

/** Levels (offered in the chooser) where an indicator has data. */
export function levelsWith(catalogue: Catalogue, indicator: IndicatorMeta): LevelMeta[] {
  return catalogue.levels.filter((l) => l.inChooser && (indicator.levels[l.id]?.years.length ?? 0) > 0);
}

/** "Göteborg · primärområden" */
export function levelLabel(level: LevelMeta, lang: Lang): string {
  return `${level.group[lang]} · ${level.name[lang]}`;
}

/**
 * The indicator that gives each area's population at a level, for population-weighted gap
 * measures: Kolada's population for kommuner, SCB's DeSO population for the DeSO-based levels.
 */
export function populationIndicatorFor(catalogue: Catalogue, level: LevelId): IndicatorMeta | undefined {
  return catalogue.indicators.find(
    (i) => i.unit === 'persons' && i.sex === 'total' && i.aggregation === 'count' && !i.ages && (i.levels[level]?.years.length ?? 0) > 0,
  );
}

/**
 * What an indicator's gap measures are weighted with at a level: the catalogue's declaration
 * (the matching age/sex population, or unweighted with the reason), else — for imported data,
 * which declares none — the level's total population.
 */
export function weightOf(catalogue: Catalogue, indicator: IndicatorMeta | undefined, level: LevelId): IndicatorWeight | null {
  const declared = indicator?.levels[level]?.weight;
  if (declared) return declared;
  const population = populationIndicatorFor(catalogue, level);
  return population ? { indicator: population.id, label: { sv: 'folkmängd', en: 'population' } } : null;
}
