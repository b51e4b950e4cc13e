/**
 * State → deck.gl layers, as a pure function. The geometry object is prepared once per level
 * and passed back unchanged, and the fill colour is keyed by `updateTriggers`, so a year
 * change recolours the existing polygons instead of re-tessellating them.
 */
import { GeoJsonLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import pointOnFeature from '@turf/point-on-feature';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

/** Layer ids; stable so deck.gl diffs layers instead of recreating them. */
export const DECK_LAYER_IDS = { choropleth: 'choropleth', labels: 'labels' } as const;

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
}

/** Builds the per-level layer data: label points (turf pointOnFeature) and names. */
export function prepareAreas(levelId: string, collection: FeatureCollection): AreaLayerData {
  const features = collection.features as Feature<Geometry>[];
  const names: string[] = [];
  const labelPoints: [number, number][] = [];
  for (const feature of features) {
    const props = (feature.properties ?? {}) as { name?: unknown; code?: unknown };
    names.push(String(props.name ?? props.code ?? ''));
    const [lon = 0, lat = 0] = feature.geometry ? pointOnFeature(feature).geometry.coordinates : [];
    labelPoints.push([lon, lat]);
  }
  return { levelId, features, names, labelPoints };
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

/** Returns the deck.gl layers for a choropleth: the fills and the hover/selection labels. */
export function choroplethLayers(input: ChoroplethInput): Layer[] {
  const { areas, colors, colorKey, hoveredIndex, selectedIndex, beforeId } = input;
  const choropleth = new GeoJsonLayer<Record<string, unknown>>({
    id: DECK_LAYER_IDS.choropleth,
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
    ...(beforeId ? { beforeId } : {}),
  });
  const labelData = areaLabels(areas, hoveredIndex, selectedIndex);
  const labels = new TextLayer<AreaLabel>({
    id: DECK_LAYER_IDS.labels,
    data: labelData,
    getPosition: (d) => d.position,
    getText: (d) => d.name,
    getSize: (d) => (d.selected ? 15 : 13),
    getColor: [20, 20, 20, 255],
    fontFamily: 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    fontWeight: 600,
    // Swedish names need å, ä, ö, é, …; 'auto' builds the atlas from the label texts.
    characterSet: 'auto',
    fontSettings: { sdf: true, fontSize: 48, buffer: 6 },
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 230],
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
    pickable: false,
    updateTriggers: { getSize: labelData.map((d) => `${d.index}:${d.selected}`).join(',') },
  });
  return [choropleth, labels];
}
