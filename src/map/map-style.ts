/**
 * The offline maplibre style: a GeoJSON basemap (land, sea, river) plus empty sources and
 * line layers that the map controller fills per level. No tiles, glyphs or sprites, so the
 * map works without any network beyond the app's own files.
 */
import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import type { CanvasStyle } from './canvas-choropleth';

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
} as const;

/**
 * Layer ids of the style, bottom to top. maplibre draws only the basemap: the fills, borders,
 * highlights and labels are drawn on 2D canvases above it (canvas-choropleth.ts), so a
 * recolour never re-renders maplibre.
 */
export const LAYER_IDS = {
  background: 'background',
  land: 'land',
  sea: 'sea',
  river: 'river',
} as const;

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
    },
    layers: [
      { id: LAYER_IDS.background, type: 'background', paint: { 'background-color': theme.background } },
      { id: LAYER_IDS.land, type: 'fill', source: SOURCE_IDS.land, paint: { 'fill-color': theme.land } },
      { id: LAYER_IDS.sea, type: 'fill', source: SOURCE_IDS.sea, paint: { 'fill-color': theme.sea } },
      { id: LAYER_IDS.river, type: 'fill', source: SOURCE_IDS.river, paint: { 'fill-color': theme.river } },
    ],
  };
}

/** The Canvas 2D renderer's colours (canvas-choropleth.ts), from the light theme. */
export const CANVAS_STYLE: CanvasStyle = {
  background: lightTheme.background,
  land: lightTheme.land,
  sea: lightTheme.sea,
  river: lightTheme.river,
  areaBorder: 'rgba(255,255,255,0.9)',
  parentBorder: lightTheme.parentOutline,
  hover: lightTheme.hoverOutline,
  selected: lightTheme.selectedOutline,
};

/** The canvas colours for a theme (the light theme's without one). */
export function canvasStyle(theme?: MapTheme): CanvasStyle {
  if (!theme) return CANVAS_STYLE;
  return {
    ...CANVAS_STYLE,
    background: theme.background,
    land: theme.land,
    sea: theme.sea,
    river: theme.river,
    parentBorder: theme.parentOutline,
    hover: theme.hoverOutline,
    selected: theme.selectedOutline,
  };
}
