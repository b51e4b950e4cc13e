/**
 * State → deck.gl layers, as a pure function. The geometry object is prepared once per level
 * and passed back unchanged, and the fill colour is keyed by `updateTriggers`, so a year
 * change recolours the existing polygons instead of re-tessellating them.
 *
 * deck.gl draws everything that sits on top of the fills (area borders, parent borders,
 * hover/selection outlines, labels) on its own canvas over the maplibre basemap, so a year
 * change redraws only deck's canvas and maplibre does not render at all.
 */
import { GeoJsonLayer, TextLayer } from '@deck.gl/layers';
import { MeshLinesLayer } from './mesh-lines-layer';
import type { Layer } from '@deck.gl/core';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

/** Layer ids; stable so deck.gl diffs layers instead of recreating them. */
export const DECK_LAYER_IDS = {
  choropleth: 'choropleth',
  areaBorders: 'area-borders',
  parentBorders: 'parent-borders',
  hover: 'area-hover',
  selected: 'area-selected',
  labels: 'labels',
} as const;

/**
 * The choropleth's layer id for a level. Each level gets its own layer (and so its own attribute
 * buffers): a colour fade's attribute transition must never carry over to other geometry, where
 * deck.gl would keep drawing the fills from the old level's transition buffer.
 */
export function choroplethLayerId(levelId: string): string {
  return levelId ? `${DECK_LAYER_IDS.choropleth}:${levelId}` : DECK_LAYER_IDS.choropleth;
}

/** Whether a deck layer id is a choropleth's (of any level). */
export function isChoroplethLayerId(id: string | undefined): boolean {
  return id === DECK_LAYER_IDS.choropleth || (id?.startsWith(`${DECK_LAYER_IDS.choropleth}:`) ?? false);
}

/** A line as [lon, lat] positions. */
export type Path = [number, number][];

/** Line colours and widths (CSS pixels) of the deck-drawn outlines. */
export interface OutlineStyle {
  areaBorder: [number, number, number, number];
  parentBorder: [number, number, number, number];
  hover: [number, number, number, number];
  selected: [number, number, number, number];
}

export const DEFAULT_OUTLINE_STYLE: OutlineStyle = {
  areaBorder: [255, 255, 255, 230],
  parentBorder: [91, 91, 91, 255],
  hover: [34, 34, 34, 255],
  selected: [0, 0, 0, 255],
};

/** Area border width in pixels at a zoom (as the former maplibre line layer: 0.4 at z4 … 1.2 at z12). */
export function areaBorderWidth(zoom: number): number {
  return Math.min(1.2, Math.max(0.4, 0.4 + (zoom - 4) * 0.1));
}

/** Parent border width in pixels at a zoom (0.8 at z4, 1.4 at z8, 2 at z12). */
export function parentBorderWidth(zoom: number): number {
  return Math.min(2, Math.max(0.8, 0.8 + (zoom - 4) * 0.15));
}

/** The lines of (Multi)LineString / (Multi)Polygon geometries as paths. */
export function geometryPaths(geometries: Iterable<Geometry | null | undefined>): Path[] {
  const paths: Path[] = [];
  for (const g of geometries) {
    if (!g) continue;
    switch (g.type) {
      case 'LineString':
        paths.push(g.coordinates as Path);
        break;
      case 'MultiLineString':
      case 'Polygon':
        for (const line of g.coordinates) paths.push(line as Path);
        break;
      case 'MultiPolygon':
        for (const polygon of g.coordinates) for (const ring of polygon) paths.push(ring as Path);
        break;
      case 'GeometryCollection':
        paths.push(...geometryPaths(g.geometries));
        break;
      default:
        break;
    }
  }
  return paths;
}

/** Colour of an area without a colour entry (outside the colours array). */
const FALLBACK_COLOR: [number, number, number, number] = [0, 0, 0, 0];

/** Per-level geometry and label anchors; build once per level with `prepareAreas`. */
export interface AreaLayerData {
  /** The level id the data belongs to (part of the layer ids' identity checks in tests). */
  levelId: string;
  /** Features in level order; feature i is coloured by colors[4i..4i+3]. */
  features: Feature<Geometry>[];
  /** Display name per feature. */
  names: string[];
  /** A point inside each feature, [lon, lat], for its label. */
  labelPoints: [number, number][];
  /** Area borders, each shared border once (from the topology's mesh, else every polygon ring). */
  borders: Path[];
  /** Parent borders (e.g. län). */
  parentBorders: Path[];
}

/** One label drawn on the map. */
export interface AreaLabel {
  index: number;
  name: string;
  position: [number, number];
  /** The selected label is drawn slightly larger than the hovered one. */
  selected: boolean;
}

/** Input of `choroplethLayers`. */
export interface ChoroplethInput {
  areas: AreaLayerData;
  /** RGBA per feature, 4 bytes each, in feature order. */
  colors: Uint8Array;
  /** Changes whenever `colors` has new content (e.g. `${indicator}:${year}:${scale}`). */
  colorKey: string;
  hoveredIndex: number | null;
  selectedIndex: number | null;
  /** maplibre layer id to draw the fills under (interleaved mode), e.g. the sea layer. */
  beforeId?: string;
  /** Current map zoom, for the outline widths (default 6). */
  zoom?: number;
  style?: OutlineStyle;
}



/**
 * Builds the per-level layer data: label points (from the data build's `label`, else the
 * centre of the feature's bounding box), names and border paths.
 * `borders` is the level's topology mesh (every shared border once); without it the polygon
 * rings are used (every interior border twice).
 */
function isPoint(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v));
}

/** Fallback label point for geometry without a shipped one (e.g. imported boundaries). */
function bboxCentre(geometry: Geometry | null): [number, number] {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const visit = (coordinates: unknown): void => {
    if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') {
      const [x, y] = coordinates as [number, number];
      west = Math.min(west, x);
      east = Math.max(east, x);
      south = Math.min(south, y);
      north = Math.max(north, y);
    } else if (Array.isArray(coordinates)) coordinates.forEach(visit);
  };
  if (geometry && 'coordinates' in geometry) visit(geometry.coordinates);
  return Number.isFinite(west) ? [(west + east) / 2, (south + north) / 2] : [0, 0];
}

export function prepareAreas(
  levelId: string,
  collection: FeatureCollection,
  borders?: Geometry | null,
  parents?: FeatureCollection | null,
): AreaLayerData {
  const features = collection.features as Feature<Geometry>[];
  const names: string[] = [];
  const labelPoints: [number, number][] = [];
  for (const feature of features) {
    const props = (feature.properties ?? {}) as { name?: unknown; code?: unknown; label?: unknown };
    names.push(String(props.name ?? props.code ?? ''));
    labelPoints.push(isPoint(props.label) ? props.label : bboxCentre(feature.geometry));
  }
  return {
    levelId,
    features,
    names,
    labelPoints,
    borders: borders ? geometryPaths([borders]) : geometryPaths(features.map((f) => f.geometry)),
    parentBorders: parents ? geometryPaths(parents.features.map((f) => f.geometry)) : [],
  };
}

/** The labels for the hovered and selected areas (one label if they are the same area). */
export function areaLabels(areas: AreaLayerData, hoveredIndex: number | null, selectedIndex: number | null): AreaLabel[] {
  const labels: AreaLabel[] = [];
  const add = (index: number | null, selected: boolean) => {
    if (index === null || labels.some((l) => l.index === index)) return;
    const name = areas.names[index];
    const position = areas.labelPoints[index];
    if (name === undefined || position === undefined) return;
    labels.push({ index, name, position, selected });
  };
  add(selectedIndex, true);
  add(hoveredIndex, false);
  return labels;
}

/** Last highlight/label data per level, so a recolour passes deck the same arrays (no re-upload). */
const highlightCache = new WeakMap<AreaLayerData, { key: string; hover: Path[]; selected: Path[]; labels: AreaLabel[] }>();

function highlightData(areas: AreaLayerData, hoveredIndex: number | null, selectedIndex: number | null) {
  const key = `${hoveredIndex}|${selectedIndex}`;
  const cached = highlightCache.get(areas);
  if (cached?.key === key) return cached;
  const rings = (index: number | null) => geometryPaths([index === null ? undefined : areas.features[index]?.geometry]);
  const entry = {
    key,
    hover: hoveredIndex === selectedIndex ? [] : rings(hoveredIndex),
    selected: rings(selectedIndex),
    labels: areaLabels(areas, hoveredIndex, selectedIndex),
  };
  highlightCache.set(areas, entry);
  return entry;
}

/**
 * The look shared by every area label (hover/selection here, a scene's highlights in
 * scene-effects.ts): dark text with a light halo, centred on its point. Swedish names need
 * å, ä, ö, é, …; 'auto' builds the glyph atlas from the label texts.
 */
export const AREA_LABEL_STYLE = {
  getColor: [20, 20, 20, 255],
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  characterSet: 'auto',
  fontSettings: { sdf: true, fontSize: 48, buffer: 6 },
  outlineWidth: 3,
  getTextAnchor: 'middle',
  getAlignmentBaseline: 'center',
  pickable: false,
} as const;

/** Nothing is 3D: no depth test or depth writes. */
const NO_DEPTH = { depthCompare: 'always', depthWriteEnabled: false } as const;

/**
 * Returns the deck.gl layers for a choropleth, bottom to top: the fills, area borders,
 * parent borders, hover/selection outlines and labels.
 */
export function choroplethLayers(input: ChoroplethInput): Layer[] {
  const { areas, colors, colorKey, hoveredIndex, selectedIndex, beforeId } = input;
  const zoom = input.zoom ?? 6;
  const style = input.style ?? DEFAULT_OUTLINE_STYLE;
  const choropleth = new GeoJsonLayer<Record<string, unknown>>({
    id: choroplethLayerId(areas.levelId),
    data: areas.features,
    filled: true,
    stroked: false,
    pickable: true,
    autoHighlight: false,
    getFillColor: (_feature, { index }) => {
      const o = index * 4;
      if (o + 3 >= colors.length) return FALLBACK_COLOR;
      return [colors[o]!, colors[o + 1]!, colors[o + 2]!, colors[o + 3]!];
    },
    updateTriggers: { getFillColor: colorKey },
    parameters: NO_DEPTH,
    ...(beforeId ? { beforeId } : {}),
  });
  // GL lines, built once per level (data identity is kept); see mesh-lines-layer.ts.
  const borders = new MeshLinesLayer({
    id: DECK_LAYER_IDS.areaBorders,
    data: areas.borders,
    color: style.areaBorder,
    width: areaBorderWidth(zoom),
    parameters: NO_DEPTH,
  });
  const parentBorders = new MeshLinesLayer({
    id: DECK_LAYER_IDS.parentBorders,
    data: areas.parentBorders,
    color: style.parentBorder,
    width: parentBorderWidth(zoom),
    parameters: NO_DEPTH,
  });
  const current = highlightData(areas, hoveredIndex, selectedIndex);
  const hover = new MeshLinesLayer({
    id: DECK_LAYER_IDS.hover,
    data: current.hover,
    color: style.hover,
    width: 2,
    parameters: NO_DEPTH,
  });
  const selected = new MeshLinesLayer({
    id: DECK_LAYER_IDS.selected,
    data: current.selected,
    color: style.selected,
    width: 3,
    parameters: NO_DEPTH,
  });
  const labelData = current.labels;
  const labels = new TextLayer<AreaLabel>({
    id: DECK_LAYER_IDS.labels,
    data: labelData,
    getPosition: (d) => d.position,
    getText: (d) => d.name,
    getSize: (d) => (d.selected ? 15 : 13),
    ...AREA_LABEL_STYLE,
    fontWeight: 600,
    outlineColor: [255, 255, 255, 230],
    updateTriggers: { getSize: labelData.map((d) => `${d.index}:${d.selected}`).join(',') },
  });
  return [choropleth, borders, parentBorders, hover, selected, labels];
}
