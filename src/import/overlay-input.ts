/** What the import worker needs to estimate imported values for a division they do not nest in. */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { IndicatorValues, LevelId } from '../data/types';
import type { JoinGeometry } from './join-report';

/** Areas with their code only (WGS84): all a worker needs from a level's geometry. */
export type CodedAreas = FeatureCollection<Polygon | MultiPolygon, { code: string }>;

export interface OverlayInput {
  /** The areas the values were joined to (only those with a value need to be sent). */
  sources: CodedAreas;
  /** The areas to estimate values for. */
  targets: CodedAreas;
  /** The joined values at the source level. */
  values: IndicatorValues;
  /** The level the estimates are for. */
  target: LevelId;
  aggregation: 'rate' | 'count';
  /** Population at the source level (weights rates), or null to weight by area. */
  population: IndicatorValues | null;
}

/** Geometry-only copies of areas, keeping the ones `keep` accepts (a plain structured-clone payload). */
export function codedAreas(
  features: readonly GeoJSON.Feature<Polygon | MultiPolygon, { code: string }>[],
  keep: (code: string) => boolean = () => true,
): CodedAreas {
  return {
    type: 'FeatureCollection',
    features: features.filter((f) => keep(f.properties.code)).map((f) => ({ type: 'Feature', properties: { code: f.properties.code }, geometry: f.geometry })),
  };
}

/** A division imported values can be estimated from, as the import dialog needs it. */
export interface OverlaySource {
  level: LevelId;
  /** e.g. "Göteborg · DeSO". */
  label: string;
  /** Its codes and names, for the join. */
  geometry: JoinGeometry;
  /** Kommun code its codes start with, if any. */
  region: string | undefined;
  /** Whether it has a population to weight rates with. */
  populationWeighted: boolean;
}

/** What the shell offers the import dialog for estimates by overlay on the level shown. */
export interface OverlayHost {
  /** The level shown (the estimates' target). */
  target: LevelId;
  /** Candidate source levels, most likely first. */
  sources: readonly LevelId[];
  /** Loads one candidate (null when it cannot be loaded). */
  source(level: LevelId): Promise<OverlaySource | null>;
  /** The worker's input for values joined at `level`, or null when the geometry is not at hand. */
  input(level: LevelId, values: IndicatorValues, aggregation: 'rate' | 'count'): Promise<OverlayInput | null>;
}
