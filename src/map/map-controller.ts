/**
 * The one owner of the map. It draws the choropleth on a 2D canvas (canvas-choropleth.ts) from
 * the first frame on, and loads maplibre afterwards for the basemap, the camera (zoom, pan,
 * keyboard) and the zoom buttons; the canvas then follows maplibre's camera. maplibre is
 * imported dynamically, so the first paint needs neither it nor any WebGL.
 *
 * Why no deck.gl: on software WebGL (GPU-less virtual desktops) the 2D canvas recolours 290,
 * 1,025, 6,000 and 20,000 areas several times faster than deck.gl did (see the README's
 * Benchmark section, `npm run bench`), and it needs no shader compiles before the first frame.
 */
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { FeatureCollection, MultiLineString } from 'geojson';
import { buildBaseStyle, CANVAS_STYLE, lightTheme, SOURCE_IDS, type Basemap, type MapTheme } from './map-style';
import { prepareAreas, type AreaLayerData } from './layers';
import { CanvasChoropleth, prepareCanvasLevel } from './canvas-choropleth';
import { cameraAt, fitCamera, latOf, lonOf, type FitPadding, type MercatorCamera } from './web-mercator';

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
  /** maplibre has loaded its style and draws the basemap under the choropleth. */
  onReady?: () => void;
  /** UI strings for maplibre (default Swedish); change later with `setLocale`. */
  locale?: Record<string, string>;
  theme?: MapTheme;
  /** Padding in CSS pixels around fitted bounds. */
  fitPadding?: number;
}

/** Where the map is: only the 2D canvas (first paint), loading maplibre, or both drawn. */
export type MapStage = 'canvas' | 'loading' | 'interactive' | 'disposed';

interface LevelState {
  id: string;
  areas: AreaLayerData;
  bbox: BBox;
  /** The collection the level was built from (a level set again with the same one is kept). */
  source: FeatureCollection;
}

/** A running colour fade (a story scene change). */
interface Fade {
  from: Uint8Array;
  to: Uint8Array;
  key: string;
  start: number;
  ms: number;
}

/** Slow in, slow out (t in 0..1). */
function easeInOut(t: number): number {
  return t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
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

/** The map: a 2D-canvas choropleth, with maplibre's basemap and camera under it once loaded. */
export class MapController {
  private options: MapControllerOptions;
  private readonly renderer: CanvasChoropleth;
  private container: HTMLElement | null = null;
  private map: MapLibreMap | null = null;
  private stageNow: MapStage = 'canvas';
  private basemap: Basemap | null = null;
  /** Whether the canvas paints the basemap itself (until maplibre has drawn it). */
  private paintsBasemap = true;
  private level: LevelState | null = null;
  private colors: Uint8Array = new Uint8Array(0);
  private colorKey = '';
  private hoveredIndex: number | null = null;
  private selectedIndex: number | null = null;
  private emphasised: number[] = [];
  private lastHoverIndex: number | null = null;
  private colorsSetAt: number | null = null;
  private renderMs: number | null = null;
  private renderWaiters: (() => void)[] = [];
  private drawRequested = false;
  private locale: Record<string, string>;
  private fade: Fade | null = null;
  /** The camera without maplibre: the last fit (or scene camera). */
  private ownCamera: { bbox: BBox; padding: FitPadding } | { center: [number, number]; zoom: number } | null = null;
  /** The last fit, re-applied on resize until the reader moves the map. */
  private fitted: { bbox: BBox; padding: FitPadding } | null = null;
  private readonly readyWaiters: (() => void)[] = [];

  /** Creates an unattached controller; call `attach` to draw it into a container. */
  constructor(options: MapControllerOptions = {}) {
    this.options = options;
    this.locale = options.locale ?? SWEDISH_MAP_LOCALE;
    // Above maplibre's canvas, below its controls; pointer input goes to maplibre.
    const layer = (name: string) => {
      const canvas = document.createElement('canvas');
      canvas.className = name;
      canvas.setAttribute('aria-hidden', 'true');
      canvas.style.cssText = 'position:absolute;left:0;top:0;width:100%;height:100%;pointer-events:none;';
      return canvas;
    };
    this.renderer = new CanvasChoropleth(layer('klyft-choropleth'), { ...CANVAS_STYLE, ...(options.theme ? themeColours(options.theme) : {}) }, layer('klyft-choropleth-lines'));
  }

  /** Replaces the pointer and ready callbacks (a map view taking over the first paint's controller). */
  listen(handlers: Pick<MapControllerOptions, 'onHover' | 'onSelect' | 'onReady'>): void {
    this.options = { ...this.options, ...handlers };
    if (this.stageNow === 'interactive') handlers.onReady?.();
  }

  /** Milliseconds from the last `setColors` to the frame that drew it (null until then). */
  get lastRenderMs(): number | null {
    return this.renderMs;
  }

  /** The maplibre map, for tests and debugging (null before it has loaded). */
  get maplibreMap(): MapLibreMap | null {
    return this.map;
  }

  /** The 2D canvas the choropleth is drawn on. */
  get choroplethCanvas(): HTMLCanvasElement {
    return this.renderer.canvas;
  }

  /** What draws the map now. */
  get stage(): MapStage {
    return this.stageNow;
  }

  /** The level shown (id), or null. */
  get levelId(): string | null {
    return this.level?.id ?? null;
  }

  /** The colour key drawn (or about to be drawn). */
  get currentColorKey(): string {
    return this.colorKey;
  }

  /**
   * Draws the map into `container` (which must have a size): the canvas at once, then, unless
   * `interactive` is false (the first paint), maplibre. A controller attached before can move to
   * another container (the first paint's hand-over to the app's map view): its canvas moves
   * with its pixels, so nothing flashes.
   */
  attach(container: HTMLElement, { interactive = true, linesLater = false }: { interactive?: boolean; linesLater?: boolean } = {}): void {
    if (this.stageNow === 'disposed') throw new Error('MapController is disposed');
    if (this.map && container !== this.container) throw new Error('MapController is already attached to a maplibre map');
    this.container = container;
    if (getComputedStyle(container).position === 'static') container.style.position = 'relative';
    if (this.renderer.canvas.parentElement !== container && !this.map) container.append(this.renderer.canvas, this.renderer.lines);
    this.updateView();
    if (linesLater) {
      // The classed fills reach the screen first; borders and outlines follow in the next frame.
      this.renderer.draw('fills');
      requestAnimationFrame(() => this.requestDraw());
    } else this.drawNow();
    if (interactive) void this.startMaplibre();
  }

  /** Loads maplibre and draws the basemap under the canvas; the canvas then follows its camera. */
  private async startMaplibre(): Promise<void> {
    if (this.stageNow !== 'canvas' || !this.container) return;
    this.stageNow = 'loading';
    const [{ Map, NavigationControl, getWorkerUrl, setWorkerUrl }, { default: workerUrl }, { default: css }] = await Promise.all([
      import('maplibre-gl'),
      import('maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url'),
      import('maplibre-gl/dist/maplibre-gl.css?inline'),
    ]);
    const container = this.container;
    if (this.stageNow !== 'loading' || !container) return;
    // Without an explicit worker URL the bundled app cannot start maplibre's worker (TOOLCHAIN.md);
    // a host that set one (the embed on another origin) keeps its own.
    if (!getWorkerUrl()) setWorkerUrl(workerUrl);
    adoptCss(container, css);
    const camera = this.currentCamera();
    const map = new Map({
      container,
      style: buildBaseStyle(this.basemap ? geometryOnlyBasemap(this.basemap) : null, this.options.theme ?? lightTheme),
      center: [lonOf(camera.x), latOf(camera.y)],
      zoom: Math.log2(camera.worldSize / 512),
      attributionControl: false,
      locale: this.locale,
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
    // The choropleth canvas goes above maplibre's canvas, below its controls.
    map.getCanvasContainer().append(this.renderer.canvas, this.renderer.lines);
    this.map = map;
    map.on('render', this.handleMapRender);
    map.on('movestart', this.handleMoveStart);
    map.on('mousemove', this.handleMouseMove);
    map.on('mouseout', this.handleMouseOut);
    map.on('click', this.handleClick);
    map.once('idle', this.handleIdle);
    this.setLocale(this.locale);
  }

  /** Removes listeners (in the same pairs as `startMaplibre`), the map and the canvas. */
  dispose(): void {
    const map = this.map;
    if (map) {
      map.off('render', this.handleMapRender);
      map.off('movestart', this.handleMoveStart);
      map.off('mousemove', this.handleMouseMove);
      map.off('mouseout', this.handleMouseOut);
      map.off('click', this.handleClick);
      map.off('idle', this.handleIdle);
      map.remove();
    }
    this.renderer.canvas.remove();
    this.renderer.lines.remove();
    this.map = null;
    this.container = null;
    this.stageNow = 'disposed';
    this.fade = null;
    this.flushRenderWaiters();
  }

  /** Resolves once maplibre draws the basemap under the choropleth (the map is interactive). */
  whenInteractive(): Promise<void> {
    if (this.stageNow === 'interactive') return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Sets the basemap (land, sea, river). */
  setBasemap(basemap: Basemap): void {
    this.basemap = basemap;
    this.applyCanvasBasemap();
    if (this.paintsBasemap) this.requestDraw();
    const map = this.map;
    if (!map?.isStyleLoaded()) return;
    const copy = geometryOnlyBasemap(basemap);
    map.getSource<import('maplibre-gl').GeoJSONSource>(SOURCE_IDS.land)?.setData(copy.land);
    map.getSource<import('maplibre-gl').GeoJSONSource>(SOURCE_IDS.sea)?.setData(copy.sea);
    map.getSource<import('maplibre-gl').GeoJSONSource>(SOURCE_IDS.river)?.setData(copy.river);
  }

  /**
   * Shows a level: its areas, parent outlines and extent. `borders` is the level's area-border
   * mesh (each shared border once); without it every polygon ring is stroked. The same
   * collection set again keeps the prepared paths and the camera.
   */
  setLevel(levelId: string, areas: FeatureCollection, outlines: FeatureCollection | null, bbox: BBox, borders?: MultiLineString | null): void {
    if (this.level?.id === levelId && this.level.source === areas) return;
    const prepared = prepareAreas(levelId, areas, borders, outlines);
    this.level = { id: levelId, areas: prepared, bbox, source: areas };
    this.renderer.setLevel(
      prepareCanvasLevel({
        geometries: prepared.features.map((f) => f.geometry),
        names: prepared.names,
        labelPoints: prepared.labelPoints,
        borders: prepared.borders,
        parentBorders: prepared.parentBorders,
        bbox,
      }),
    );
    this.applyCanvasBasemap();
    this.hoveredIndex = null;
    this.selectedIndex = null;
    this.emphasised = [];
    this.lastHoverIndex = null;
    this.fade = null;
    this.renderer.setHighlight(null, null);
    this.fitTo(bbox);
  }

  /** Recolours the areas: `colors` holds RGBA per area; `key` must change with the content. */
  setColors(colors: Uint8Array, key: string): void {
    this.fade = null;
    if (key === this.colorKey && colors.length === this.colors.length) return;
    this.colors = colors;
    this.colorKey = key;
    this.colorsSetAt = performance.now();
    this.renderer.setColors(colors);
    this.requestDraw();
  }

  /** Recolours with a fade of `ms` milliseconds from the colours shown now (a story scene change). */
  fadeColors(colors: Uint8Array, key: string, ms: number): void {
    const from = this.renderer.currentColors;
    if (ms <= 0 || from.length !== colors.length) {
      this.setColors(colors, key);
      return;
    }
    this.colors = colors;
    this.colorKey = key;
    this.colorsSetAt = performance.now();
    this.fade = { from: from.slice(), to: colors, key, start: performance.now(), ms };
    this.requestDraw();
  }

  /** Whether a colour fade is running. */
  get fading(): boolean {
    return this.fade !== null;
  }

  /** Outlines and labels the hovered and selected areas (indices into the level's areas). */
  setHighlight(hoveredIndex: number | null, selectedIndex: number | null): void {
    if (hoveredIndex === this.hoveredIndex && selectedIndex === this.selectedIndex) return;
    this.hoveredIndex = hoveredIndex;
    this.selectedIndex = selectedIndex;
    this.renderer.setHighlight(hoveredIndex, selectedIndex, this.emphasised);
    this.requestDraw();
  }

  /** Outlines and labels further areas (a story scene's highlights); [] for none. */
  setEmphasis(indices: readonly number[]): void {
    const count = this.level?.areas.features.length ?? 0;
    const valid = [...new Set(indices)].filter((i) => Number.isInteger(i) && i >= 0 && i < count);
    if (valid.length === this.emphasised.length && valid.every((v, i) => v === this.emphasised[i])) return;
    this.emphasised = valid;
    this.renderer.setHighlight(this.hoveredIndex, this.selectedIndex, valid);
    this.requestDraw();
  }

  /** Names of areas of the level (for the scene's screen-reader text). */
  areaNames(indices: readonly number[]): string[] {
    const names = this.level?.areas.names ?? [];
    return indices.map((i) => names[i]).filter((name): name is string => name !== undefined);
  }

  /** Fits the view to [west, south, east, north]; jumps instead of animating for reduced motion. */
  fitTo(bbox: BBox, padding: FitPadding = this.options.fitPadding ?? 16): void {
    this.fitted = { bbox, padding };
    this.ownCamera = { bbox, padding };
    if (this.map) this.map.fitBounds(bbox, { padding, animate: !prefersReducedMotion() });
    else this.requestDraw();
  }

  /** Moves the camera to a centre ([lon, lat]) and zoom; eases there, jumps for reduced motion. */
  showCamera(center: [number, number], zoom: number): void {
    this.fitted = null;
    this.ownCamera = { center, zoom };
    if (this.map) this.map.easeTo({ center, zoom, bearing: 0, pitch: 0, animate: !prefersReducedMotion() });
    else this.requestDraw();
  }

  /** The camera now ([lon, lat] centre and zoom), or null before the map is attached. */
  camera(): { center: [number, number]; zoom: number } | null {
    if (!this.container) return null;
    if (this.map) {
      const { lng, lat } = this.map.getCenter();
      return { center: [lng, lat], zoom: this.map.getZoom() };
    }
    const c = this.currentCamera();
    return { center: [lonOf(c.x), latOf(c.y)], zoom: Math.log2(c.worldSize / 512) };
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
    if (this.map) {
      this.map.resize();
      // Panels that load after the first map change its size: keep the level fitted until the
      // reader moves the map (a user move has an originalEvent; see handleMoveStart).
      if (this.fitted) this.map.fitBounds(this.fitted.bbox, { padding: this.fitted.padding, animate: false });
    }
    this.updateView();
    this.drawNow();
  }

  /** Resolves after the next drawn frame (immediately if not attached). */
  whenRendered(): Promise<void> {
    if (!this.container) return Promise.resolve();
    return new Promise((resolve) => {
      this.renderWaiters.push(resolve);
      this.requestDraw();
    });
  }

  /**
   * Composites the basemap and the choropleth into one canvas (e.g. for a PNG export). maplibre's
   * canvas keeps no drawing buffer, so it is read right after it redrew, in the same task.
   */
  async captureCanvas(): Promise<HTMLCanvasElement | null> {
    if (!this.container) return null;
    await this.whenRendered();
    const map = this.map;
    const compose = (base: HTMLCanvasElement | null): HTMLCanvasElement | null => {
      const { canvas: fills, lines } = this.renderer;
      const out = document.createElement('canvas');
      out.width = fills.width;
      out.height = fills.height;
      const ctx = out.getContext('2d');
      if (!ctx) return null;
      if (base) ctx.drawImage(base, 0, 0, out.width, out.height);
      this.drawNow();
      ctx.drawImage(fills, 0, 0);
      ctx.drawImage(lines, 0, 0);
      return out;
    };
    if (!map || this.paintsBasemap) return compose(null);
    return new Promise((resolve) => {
      map.once('render', () => resolve(compose(map.getCanvas())));
      map.triggerRepaint();
    });
  }

  /** The camera the canvas draws with: maplibre's once there, else the last fit or scene camera. */
  private currentCamera(): MercatorCamera {
    if (this.map) {
      const { lng, lat } = this.map.getCenter();
      return cameraAt([lng, lat], this.map.getZoom());
    }
    const own = this.ownCamera;
    const { width, height } = this.size();
    if (own && 'center' in own) return cameraAt(own.center, own.zoom);
    const bbox = own?.bbox ?? this.level?.bbox ?? [10.5, 55.2, 24.3, 69.1];
    return fitCamera(bbox, width, height, own?.padding ?? this.options.fitPadding ?? 16);
  }

  private size(): { width: number; height: number } {
    return { width: this.container?.clientWidth ?? 0, height: this.container?.clientHeight ?? 0 };
  }

  private updateView(): void {
    const { width, height } = this.size();
    if (width === 0 || height === 0) return;
    this.renderer.setView({ width, height, pixelRatio: devicePixelRatio || 1, camera: this.currentCamera() });
  }

  private applyCanvasBasemap(): void {
    const basemap = this.paintsBasemap ? this.basemap : null;
    this.renderer.setBasemap(basemap ? { land: geometries(basemap.land), sea: geometries(basemap.sea), river: geometries(basemap.river) } : null);
  }

  /** Draws on the next animation frame (several changes in one frame draw once). */
  private requestDraw(): void {
    if (this.drawRequested || !this.container) return;
    this.drawRequested = true;
    requestAnimationFrame(() => {
      this.drawRequested = false;
      this.updateView();
      this.drawNow();
    });
  }

  private drawNow(): void {
    if (!this.container) return;
    const fade = this.fade;
    if (fade) {
      const t = Math.min(1, (performance.now() - fade.start) / fade.ms);
      const e = easeInOut(t);
      const mixed = new Uint8Array(fade.to.length);
      for (let i = 0; i < mixed.length; i++) mixed[i] = Math.round(fade.from[i]! + (fade.to[i]! - fade.from[i]!) * e);
      this.renderer.setColors(t >= 1 ? fade.to : mixed);
      if (t >= 1) this.fade = null;
      else this.requestDraw();
    }
    this.renderer.draw();
    if (this.colorsSetAt !== null && !this.fade) {
      this.renderMs = performance.now() - this.colorsSetAt;
      this.colorsSetAt = null;
    }
    this.flushRenderWaiters();
  }

  /** maplibre drew a frame: draw the choropleth with its camera in the same task, so both move together. */
  private readonly handleMapRender = (): void => {
    this.updateView();
    this.drawNow();
  };

  /** maplibre has drawn the basemap: stop painting it on the canvas (in the same frame, no flash). */
  private readonly handleIdle = (): void => {
    this.paintsBasemap = false;
    this.applyCanvasBasemap();
    this.drawNow();
    this.stageNow = 'interactive';
    for (const resolve of this.readyWaiters.splice(0)) resolve();
    this.options.onReady?.();
  };

  private readonly handleMoveStart = (event: { originalEvent?: unknown }): void => {
    if (event.originalEvent) this.fitted = null;
  };

  private readonly handleMouseMove = (event: MapMouseEvent): void => {
    const index = this.renderer.pick(event.point.x, event.point.y);
    if (index === this.lastHoverIndex) {
      if (index !== null) this.options.onHover?.(index, { x: event.point.x, y: event.point.y });
      return;
    }
    this.lastHoverIndex = index;
    this.options.onHover?.(index, index === null ? null : { x: event.point.x, y: event.point.y });
  };

  private readonly handleMouseOut = (): void => {
    if (this.lastHoverIndex === null) return;
    this.lastHoverIndex = null;
    this.options.onHover?.(null, null);
  };

  private readonly handleClick = (event: MapMouseEvent): void => {
    this.options.onSelect?.(this.renderer.pick(event.point.x, event.point.y));
  };

  private flushRenderWaiters(): void {
    for (const resolve of this.renderWaiters.splice(0)) resolve();
  }
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

function geometries(collection: FeatureCollection): GeoJSON.Geometry[] {
  return collection.features.map((f) => f.geometry).filter((g): g is GeoJSON.Geometry => Boolean(g));
}

function geometryOnlyBasemap(basemap: Basemap): Basemap {
  return { land: geometryOnlyCopy(basemap.land), sea: geometryOnlyCopy(basemap.sea), river: geometryOnlyCopy(basemap.river) };
}

/** The canvas colours of a theme. */
function themeColours(theme: MapTheme) {
  return { background: theme.background, land: theme.land, sea: theme.sea, river: theme.river, parentBorder: theme.parentOutline, hover: theme.hoverOutline, selected: theme.selectedOutline };
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
