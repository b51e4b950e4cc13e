/**
 * maplibre under the canvas: loaded on demand (never in the first paint), it draws the offline
 * basemap (map-style.ts) and owns the camera and the zoom controls. It never sees the app's own
 * objects: it transfers the GeoJSON it gets to its worker (TOOLCHAIN.md), so it gets copies.
 */
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { buildBaseStyle, lightTheme, SOURCE_IDS, type Basemap, type MapTheme } from './map-style';
import { latOf, lonOf, type MercatorCamera } from './web-mercator';

/** The maplibre modules the map needs, loaded together. */
export interface Maplibre {
  lib: typeof import('maplibre-gl');
  workerUrl: string;
  css: string;
}

/** Loads maplibre, its worker's URL and its CSS (a dynamic import: the first paint needs none of it). */
export async function loadMaplibre(): Promise<Maplibre> {
  const [lib, { default: workerUrl }, { default: css }] = await Promise.all([
    import('maplibre-gl'),
    import('maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url'),
    import('maplibre-gl/dist/maplibre-gl.css?inline'),
  ]);
  return { lib, workerUrl, css };
}

/** What the base map starts with. */
export interface BaseMapOptions {
  camera: MercatorCamera;
  basemap: Basemap | null;
  theme?: MapTheme;
  locale: Record<string, string>;
}

/** Creates the basemap map in `container` at `camera`: no rotation or pitch, zoom buttons top right. */
export function createBaseMap({ lib, workerUrl, css }: Maplibre, container: HTMLElement, options: BaseMapOptions): MapLibreMap {
  // Without an explicit worker URL the bundled app cannot start maplibre's worker (TOOLCHAIN.md);
  // a host that set one (the embed on another origin) keeps its own.
  if (!lib.getWorkerUrl()) lib.setWorkerUrl(workerUrl);
  adoptCss(container, css);
  const { camera } = options;
  const map = new lib.Map({
    container,
    style: buildBaseStyle(options.basemap ? geometryOnlyBasemap(options.basemap) : null, options.theme ?? lightTheme),
    center: [lonOf(camera.x), latOf(camera.y)],
    zoom: Math.log2(camera.worldSize / 512),
    attributionControl: false,
    locale: options.locale,
    canvasContextAttributes: { preserveDrawingBuffer: false, antialias: false },
    // A thematic map of Sweden: no rotation, pitch or world copies.
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    renderWorldCopies: false,
    maxPitch: 0,
    fadeDuration: 0,
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new lib.NavigationControl({ showCompass: false }), 'top-right');
  return map;
}

/** Replaces the basemap's data in a loaded map (ignored before its style has loaded: the style carries it then). */
export function setBaseMapData(map: MapLibreMap, basemap: Basemap): void {
  if (!map.isStyleLoaded()) return;
  const copy = geometryOnlyBasemap(basemap);
  map.getSource<GeoJSONSource>(SOURCE_IDS.land)?.setData(copy.land);
  map.getSource<GeoJSONSource>(SOURCE_IDS.sea)?.setData(copy.sea);
  map.getSource<GeoJSONSource>(SOURCE_IDS.river)?.setData(copy.river);
}

/**
 * Copies a collection's geometry for maplibre. maplibre transfers the data to its worker
 * (typed arrays become empty on our side), so it never gets the app's own objects.
 */
export function geometryOnlyCopy(collection: FeatureCollection | null): FeatureCollection {
  if (!collection) return { type: 'FeatureCollection', features: [] };
  return {
    type: 'FeatureCollection',
    features: collection.features.map((f, i) => ({ type: 'Feature', id: i, properties: {}, geometry: structuredClone(f.geometry) })),
  };
}

function geometryOnlyBasemap(basemap: Basemap): Basemap {
  return { land: geometryOnlyCopy(basemap.land), sea: geometryOnlyCopy(basemap.sea), river: geometryOnlyCopy(basemap.river) };
}

/** Adds maplibre's CSS to the shadow root (or document) the map lives in, once. */
function adoptCss(container: HTMLElement, css: string): void {
  const root = container.getRootNode() as Document | ShadowRoot;
  const owner = root as DocumentOrShadowRoot & { __klyftMaplibreCss?: boolean };
  if (owner.__klyftMaplibreCss) return;
  owner.__klyftMaplibreCss = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  // First, as if it were the first of the element's styles: the element's own rules win.
  root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
}
