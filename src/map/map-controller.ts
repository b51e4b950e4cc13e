/**
 * Owns the maplibre map and the deck.gl overlay: creates them in `attach`, feeds them level
 * geometry, colours and highlights, and tears everything down in `dispose`.
 */
import { Map as MapLibreMap, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import type { GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { Deck, Layer, PickingInfo } from '@deck.gl/core';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { buildBaseStyle, cssHexToRgba, lightTheme, SOURCE_IDS, type Basemap, type MapTheme } from './map-style';
import { choroplethLayers, isChoroplethLayerId, prepareAreas, type AreaLayerData, type OutlineStyle } from './layers';

// Without an explicit worker URL the bundled app cannot start maplibre's worker
// and GeoJSON sources never appear (see TOOLCHAIN.md).
setWorkerUrl(workerUrl);

/** [west, south, east, north] in WGS84 degrees. */
export type BBox = [number, number, number, number];

/** Swedish UI strings for maplibre's controls and canvas. */
export const SWEDISH_MAP_LOCALE: Record<string, string> = {
  'Map.Title': 'Karta',
  'NavigationControl.ZoomIn': 'Zooma in',
  'NavigationControl.ZoomOut': 'Zooma ut',
  'NavigationControl.ResetBearing': 'Återställ norr',
};

/** English UI strings for maplibre's controls and canvas. */
export const ENGLISH_MAP_LOCALE: Record<string, string> = {
  'Map.Title': 'Map',
  'NavigationControl.ZoomIn': 'Zoom in',
  'NavigationControl.ZoomOut': 'Zoom out',
  'NavigationControl.ResetBearing': 'Reset north',
};

/** Constructor options of `MapController`. */
export interface MapControllerOptions {
  /** Pointer moved onto another area (index) or off the areas (null); pixel relative to the map. */
  onHover?: (index: number | null, pixel: { x: number; y: number } | null) => void;
  /** Click on an area (index) or on empty map (null). */
  onSelect?: (index: number | null) => void;
  /** The style has loaded and the overlay is attached. */
  onReady?: () => void;
  /** UI strings for maplibre (default Swedish); change later with `setLocale`. */
  locale?: Record<string, string>;
  theme?: MapTheme;
  /** Padding in CSS pixels around fitted bounds. */
  fitPadding?: number;
}

/**
 * An add-on loaded only when needed (story scene effects, src/map/scene-effects.ts): it may
 * change or add to the deck layers and sees every drawn frame.
 */
export interface MapExtension {
  /** The layers to draw, given the controller's own (the choropleth first). */
  layers(own: Layer[], state: { areas: AreaLayerData; hoveredIndex: number | null; selectedIndex: number | null; style: OutlineStyle }): Layer[];
  /** After each deck frame. */
  afterRender(): void;
}

interface LevelState {
  id: string;
  areas: AreaLayerData;
  bbox: BBox;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Layer data before the first level arrives. */
const NO_AREAS: AreaLayerData = { levelId: '', features: [], names: [], labelPoints: [], borders: [], parentBorders: [] };

/** deck.gl outline colours from the theme's CSS colours. */
function outlineStyle(theme: MapTheme): OutlineStyle {
  return {
    areaBorder: cssHexToRgba(theme.areaOutline, 0.9),
    parentBorder: cssHexToRgba(theme.parentOutline),
    hover: cssHexToRgba(theme.hoverOutline),
    selected: cssHexToRgba(theme.selectedOutline),
  };
}

/**
 * Copies a collection's geometry for maplibre. maplibre transfers the data to its worker
 * (typed arrays become empty on our side), so it never gets the app's own objects.
 * Feature ids are the area indices, used by the highlight filters.
 */
export function geometryOnlyCopy(collection: FeatureCollection | null): FeatureCollection {
  if (!collection) return EMPTY;
  return {
    type: 'FeatureCollection',
    features: collection.features.map(
      (f, i): Feature<Geometry> => ({
        type: 'Feature',
        id: i,
        properties: {},
        geometry: structuredClone(f.geometry),
      }),
    ),
  };
}

/**
 * The maplibre map with a deck.gl choropleth, independent of any UI framework.
 *
 * maplibre draws only the basemap (background, land, sea, river). deck.gl draws the fills,
 * borders, highlights and labels on its own canvas stacked above maplibre's, following
 * maplibre's camera. A recolour or highlight therefore redraws only deck's canvas; maplibre
 * renders only when the view or the basemap changes.
 */
export class MapController {
  private readonly options: MapControllerOptions;
  private map: MapLibreMap | null = null;
  private overlay: MapLibreOverlay | null = null;
  private deck: Deck | null = null;
  private zoom = 6;
  private readonly outlineStyle: OutlineStyle;
  private ready = false;
  private basemap: Basemap | null = null;
  private level: LevelState | null = null;
  private colors: Uint8Array = new Uint8Array(0);
  private colorKey = '';
  private hoveredIndex: number | null = null;
  private selectedIndex: number | null = null;
  private lastHoverIndex: number | null = null;
  private colorsSetAt: number | null = null;
  private renderMs: number | null = null;
  private renderWaiters: (() => void)[] = [];
  private locale: Record<string, string>;
  private extension: MapExtension | null = null;

  /** Creates an unattached controller; call `attach` to create the map. */
  /** The last fit, re-applied on resize until the reader moves the map. */
  private fitted: { bbox: BBox; padding: number | { top: number; bottom: number; left: number; right: number } } | null = null;

  constructor(options: MapControllerOptions = {}) {
    this.options = options;
    this.locale = options.locale ?? SWEDISH_MAP_LOCALE;
    this.outlineStyle = outlineStyle(options.theme ?? lightTheme);
  }

  /** Milliseconds from the last `setColors` to the deck frame that drew it (null until then). */
  get lastRenderMs(): number | null {
    return this.renderMs;
  }

  /** The maplibre map, for tests and debugging (null before `attach`). */
  get maplibreMap(): MapLibreMap | null {
    return this.map;
  }

  /** Creates the map and overlay inside `container` (which must have a size). */
  attach(container: HTMLElement): void {
    if (this.map) throw new Error('MapController is already attached');
    const map = new MapLibreMap({
      container,
      style: buildBaseStyle(this.basemap ? this.geometryOnlyBasemap(this.basemap) : null, this.options.theme ?? lightTheme),
      bounds: this.level?.bbox ?? [10.5, 55.2, 24.3, 69.1],
      fitBoundsOptions: { padding: this.options.fitPadding ?? 16 },
      attributionControl: false,
      locale: this.locale,
      // maplibre renders only on view/basemap changes; no need to keep its drawing buffer.
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
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map = map;
    map.on('load', this.handleLoad);
    map.on('movestart', this.handleMoveStart);
    // Before the overlay's own 'render' listener, so zoom-dependent widths land in the same frame.
    map.on('render', this.handleMapRender);
    this.createDeck(map);
  }

  /**
   * Adds deck.gl through `MapLibreOverlay` in overlaid mode: deck draws on its own canvas over
   * maplibre's and follows its camera, so a recolour redraws only deck's canvas.
   */
  private createDeck(map: MapLibreMap): void {
    this.zoom = map.getZoom();
    const overlay = new MapLibreOverlay({
      interleaved: false,
      layers: this.buildLayers(),
      // Nothing is 3D: no depth buffer work.
      parameters: { depthCompare: 'always', depthWriteEnabled: false },
      // luma.gl asks for an antialiased, preserved drawing buffer by default. In software WebGL
      // (SwiftShader, as on GPU-less virtual desktops) multisampling multiplies the fill work and a
      // preserved buffer adds a copy per frame; flat choropleth fills need neither. Captures read
      // the canvas right after a redraw in the same task (captureCanvas).
      deviceProps: { type: 'webgl', webgl: { antialias: false, preserveDrawingBuffer: false } },
      onAfterRender: this.handleAfterRender,
      // deck picks once per frame under the pointer (the overlay forwards maplibre's pointer events).
      onHover: this.handleDeckHover,
      onClick: this.handleDeckClick,
    });
    map.addControl(overlay);
    this.overlay = overlay;
    this.deck = deckOf(overlay);
  }

  /** Removes listeners (in the same pairs as `attach`), the overlay and the map. */
  dispose(): void {
    const map = this.map;
    if (!map) return;
    map.off('load', this.handleLoad);
    map.off('movestart', this.handleMoveStart);
    map.off('render', this.handleMapRender);
    this.overlay?.finalize();
    map.remove();
    this.overlay = null;
    this.deck = null;
    this.map = null;
    this.ready = false;
    this.flushRenderWaiters();
  }

  /** Sets the basemap (land, sea, river). */
  setBasemap(basemap: Basemap): void {
    this.basemap = basemap;
    if (!this.ready) return; // the style is built with it in `attach`/`handleLoad`
    const copy = this.geometryOnlyBasemap(basemap);
    this.source(SOURCE_IDS.land)?.setData(copy.land);
    this.source(SOURCE_IDS.sea)?.setData(copy.sea);
    this.source(SOURCE_IDS.river)?.setData(copy.river);
  }

  /**
   * Shows a level: its areas (for the fills and outlines), parent outlines and extent.
   * `borders` is the level's area-border mesh (each shared border once, e.g. topojson `mesh`);
   * without it the area outlines are drawn from the polygon rings.
   */
  setLevel(
    levelId: string,
    areas: FeatureCollection,
    outlines: FeatureCollection | null,
    bbox: BBox,
    borders?: MultiLineString | null,
  ): void {
    this.level = { id: levelId, areas: prepareAreas(levelId, areas, borders, outlines), bbox };
    this.hoveredIndex = null;
    this.selectedIndex = null;
    this.lastHoverIndex = null;
    this.updateLayers();
    if (!this.ready) return;
    this.fitTo(bbox);
  }

  /** Recolours the areas: `colors` holds RGBA per area; `key` must change with the content. */
  setColors(colors: Uint8Array, key: string): void {
    this.colors = colors;
    this.colorKey = key;
    this.colorsSetAt = performance.now();
    this.updateLayers();
  }

  /** Sets (or removes) the add-on that may change the layers; rebuilds them (call again after the add-on's own state changed). */
  setExtension(extension: MapExtension | null): void {
    this.extension = extension;
    this.updateLayers();
  }

  /** Outlines and labels the hovered and selected areas (indices into the level's areas). */
  setHighlight(hoveredIndex: number | null, selectedIndex: number | null): void {
    if (hoveredIndex === this.hoveredIndex && selectedIndex === this.selectedIndex) return;
    this.hoveredIndex = hoveredIndex;
    this.selectedIndex = selectedIndex;
    this.updateLayers();
  }

  /** Fits the view to [west, south, east, north]; jumps instead of animating for reduced motion. */
  fitTo(bbox: BBox, padding: number | { top: number; bottom: number; left: number; right: number } = this.options.fitPadding ?? 16): void {
    this.fitted = { bbox, padding };
    this.map?.fitBounds(bbox, {
      padding,
      animate: !prefersReducedMotion(),
    });
  }

  /** Moves the camera to a centre ([lon, lat]) and zoom; eases there, jumps for reduced motion. */
  showCamera(center: [number, number], zoom: number): void {
    this.fitted = null;
    this.map?.easeTo({ center, zoom, bearing: 0, pitch: 0, animate: !prefersReducedMotion() });
  }

  /** The camera now ([lon, lat] centre and zoom), or null before the map exists. */
  camera(): { center: [number, number]; zoom: number } | null {
    if (!this.map) return null;
    const { lng, lat } = this.map.getCenter();
    return { center: [lng, lat], zoom: this.map.getZoom() };
  }

  /** Changes the UI strings of the canvas and zoom buttons (maplibre reads `locale` only at creation). */
  setLocale(locale: Record<string, string>): void {
    this.locale = locale;
    const container = this.map?.getContainer();
    if (!container) return;
    const set = (selector: string, key: string) => {
      const text = locale[key];
      const element = container.querySelector(selector);
      if (text === undefined || !element) return;
      element.setAttribute('aria-label', text);
      if (element instanceof HTMLButtonElement) element.title = text;
    };
    set('.maplibregl-canvas', 'Map.Title');
    set('.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn');
    set('.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut');
  }

  /** Re-reads the container size (call after the host element resized). */
  resize(): void {
    this.map?.resize();
    // Panels that load after the first map change its size: keep the level fitted until the
    // reader moves the map (a user move has an originalEvent; see handleMoveStart).
    if (this.fitted && this.map) this.map.fitBounds(this.fitted.bbox, { padding: this.fitted.padding, animate: false });
  }

  private readonly handleMoveStart = (event: { originalEvent?: unknown }): void => {
    if (event.originalEvent) this.fitted = null;
  };

  /** Resolves after the next deck.gl frame has been drawn (immediately if not attached). */
  whenRendered(): Promise<void> {
    if (!this.deck) return Promise.resolve();
    return new Promise((resolve) => {
      this.renderWaiters.push(resolve);
      // deck draws on its next animation frame if anything changed; if nothing did, draw
      // one frame anyway (this callback runs after deck's own in that frame).
      requestAnimationFrame(() => {
        if (this.renderWaiters.length && this.deck?.isInitialized) this.deck.redraw('whenRendered');
      });
    });
  }

  /** deck's canvas (the choropleth, borders and labels; the basemap is maplibre's canvas). */
  get deckCanvas(): HTMLCanvasElement | null {
    return this.deck?.getCanvas() ?? null;
  }

  /**
   * Composites the basemap and deck's canvas into one canvas (e.g. for a PNG export). Both
   * are drawn and read in the same task, so neither needs preserveDrawingBuffer.
   */
  async captureCanvas(): Promise<HTMLCanvasElement | null> {
    const map = this.map;
    const deck = this.deck;
    if (!map || !deck) return null;
    await this.whenRendered();
    return new Promise((resolve) => {
      map.once('render', () => {
        const base = map.getCanvas();
        const out = document.createElement('canvas');
        out.width = base.width;
        out.height = base.height;
        const ctx = out.getContext('2d');
        if (!ctx) return resolve(null);
        ctx.drawImage(base, 0, 0);
        deck.redraw('capture');
        const top = deck.getCanvas();
        if (top) ctx.drawImage(top, 0, 0, out.width, out.height);
        resolve(out);
      });
      map.triggerRepaint();
    });
  }

  private readonly handleLoad = (): void => {
    const map = this.map;
    if (!map) return;
    this.ready = true;
    this.updateLayers();
    if (this.basemap) this.setBasemap(this.basemap);
    if (this.level) this.fitTo(this.level.bbox);
    this.options.onReady?.();
  };

  /** Border widths follow the zoom (a uniform, no attribute rebuild); the overlay follows the camera. */
  private readonly handleMapRender = (): void => {
    const zoom = this.map?.getZoom();
    if (zoom === undefined || zoom === this.zoom) return;
    this.zoom = zoom;
    this.updateLayers();
  };

  private readonly handleAfterRender = (): void => {
    this.extension?.afterRender();
    if (this.colorsSetAt !== null) {
      this.renderMs = performance.now() - this.colorsSetAt;
      this.colorsSetAt = null;
    }
    this.flushRenderWaiters();
  };

  /** The choropleth area under the pointer (index), or null over empty map. */
  private areaIndex(info: PickingInfo): number | null {
    return isChoroplethLayerId(info.layer?.id) && info.index >= 0 ? info.index : null;
  }

  private readonly handleDeckHover = (info: PickingInfo): void => {
    const index = this.areaIndex(info);
    if (index === null && this.lastHoverIndex === null) return;
    this.lastHoverIndex = index;
    this.options.onHover?.(index, index === null ? null : { x: info.x, y: info.y });
  };

  private readonly handleDeckClick = (info: PickingInfo): void => {
    this.options.onSelect?.(this.areaIndex(info));
  };

  private buildLayers(): Layer[] {
    const layers = choroplethLayers({
      areas: this.level?.areas ?? NO_AREAS,
      colors: this.colors,
      colorKey: `${this.level?.id ?? ''}|${this.colorKey}`,
      hoveredIndex: this.hoveredIndex,
      selectedIndex: this.selectedIndex,
      zoom: this.zoom,
      style: this.outlineStyle,
    });
    const { extension, level } = this;
    return extension && level ? extension.layers(layers, { areas: level.areas, hoveredIndex: this.hoveredIndex, selectedIndex: this.selectedIndex, style: this.outlineStyle }) : layers;
  }

  private updateLayers(): void {
    this.overlay?.setProps({ layers: this.buildLayers() });
  }

  private source(id: string): GeoJSONSource | undefined {
    return this.map?.getSource<GeoJSONSource>(id);
  }

  private geometryOnlyBasemap(basemap: Basemap): Basemap {
    return {
      land: geometryOnlyCopy(basemap.land),
      sea: geometryOnlyCopy(basemap.sea),
      river: geometryOnlyCopy(basemap.river),
    };
  }

  private flushRenderWaiters(): void {
    const waiters = this.renderWaiters;
    this.renderWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

/**
 * The overlay's Deck. `MapLibreOverlay` keeps it private but exposes no way to force a frame:
 * `whenRendered` and `captureCanvas` need one (the canvas keeps no drawing buffer).
 */
function deckOf(overlay: MapLibreOverlay): Deck | null {
  return (overlay as unknown as { _deck?: Deck })._deck ?? null;
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
