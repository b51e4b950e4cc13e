/**
 * The offline maplibre style: a GeoJSON basemap (land, sea, river) plus empty sources and
 * line layers that the map controller fills per level. No tiles, glyphs or sprites, so the
 * map works without any network beyond the app's own files.
 */
import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';

/** The basemap objects decoded from basemap.topo.json. */
export interface Basemap {
  land: FeatureCollection;
  sea: FeatureCollection;
  river: FeatureCollection;
}

/** Colours of the base style; CSS colour strings. */
export interface MapTheme {
  background: string;
  land: string;
  sea: string;
  river: string;
  areaOutline: string;
  parentOutline: string;
  hoverOutline: string;
  selectedOutline: string;
}

/** Light theme: quiet grey-blue water and grey land so the choropleth carries the colour. */
export const lightTheme: MapTheme = {
  background: '#dfe6ec',
  land: '#f2f1ee',
  sea: '#dfe6ec',
  river: '#dfe6ec',
  areaOutline: '#ffffff',
  parentOutline: '#5b5b5b',
  hoverOutline: '#222222',
  selectedOutline: '#000000',
};

/** Source ids of the style. */
export const SOURCE_IDS = {
  land: 'land',
  sea: 'sea',
  river: 'river',
  areas: 'areas',
  parents: 'parents',
} as const;

/** Layer ids of the style, bottom to top. */
export const LAYER_IDS = {
  background: 'background',
  land: 'land',
  sea: 'sea',
  river: 'river',
  areaOutlines: 'area-outlines',
  parentOutlines: 'parent-outlines',
  hoverOutline: 'area-hover',
  selectedOutline: 'area-selected',
} as const;

/**
 * The deck.gl choropleth is inserted below this layer, so water and outlines draw on top
 * of the fills (area boundaries that run into the sea are masked by it).
 */
export const CHOROPLETH_BEFORE_ID = LAYER_IDS.sea;

/** Filter that matches no feature; feature ids are the area indices (>= 0). */
export const NO_FEATURE_FILTER = ['==', ['id'], -1] as const;

/** Filter for the outline of the area with the given index (null: none). */
export function highlightFilter(index: number | null): ['==', ['id'], number] {
  return ['==', ['id'], index ?? -1];
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Builds the maplibre style for a basemap (null: empty water-only map) and theme. */
export function buildBaseStyle(basemap: Basemap | null, theme: MapTheme = lightTheme): StyleSpecification {
  const geojson = (data: FeatureCollection) => ({ type: 'geojson' as const, data });
  return {
    version: 8,
    name: 'klyftkartan-base',
    sources: {
      [SOURCE_IDS.land]: geojson(basemap?.land ?? EMPTY),
      [SOURCE_IDS.sea]: geojson(basemap?.sea ?? EMPTY),
      [SOURCE_IDS.river]: geojson(basemap?.river ?? EMPTY),
      [SOURCE_IDS.areas]: geojson(EMPTY),
      [SOURCE_IDS.parents]: geojson(EMPTY),
    },
    layers: [
      { id: LAYER_IDS.background, type: 'background', paint: { 'background-color': theme.background } },
      { id: LAYER_IDS.land, type: 'fill', source: SOURCE_IDS.land, paint: { 'fill-color': theme.land } },
      { id: LAYER_IDS.sea, type: 'fill', source: SOURCE_IDS.sea, paint: { 'fill-color': theme.sea } },
      { id: LAYER_IDS.river, type: 'fill', source: SOURCE_IDS.river, paint: { 'fill-color': theme.river } },
      {
        id: LAYER_IDS.areaOutlines,
        type: 'line',
        source: SOURCE_IDS.areas,
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': theme.areaOutline,
          'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.4, 8, 0.8, 12, 1.2],
          'line-opacity': 0.9,
        },
      },
      {
        id: LAYER_IDS.parentOutlines,
        type: 'line',
        source: SOURCE_IDS.parents,
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': theme.parentOutline,
          'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 8, 1.4, 12, 2],
        },
      },
      {
        id: LAYER_IDS.hoverOutline,
        type: 'line',
        source: SOURCE_IDS.areas,
        filter: highlightFilter(null),
        layout: { 'line-join': 'round' },
        paint: { 'line-color': theme.hoverOutline, 'line-width': 2 },
      },
      {
        id: LAYER_IDS.selectedOutline,
        type: 'line',
        source: SOURCE_IDS.areas,
        filter: highlightFilter(null),
        layout: { 'line-join': 'round' },
        paint: { 'line-color': theme.selectedOutline, 'line-width': 3 },
      },
    ],
  };
}
