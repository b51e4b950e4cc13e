/**
 * The one owner of the map. It draws the choropleth on two 2D canvases (canvas-choropleth.ts)
 * from the first frame on, and loads maplibre afterwards (maplibre-base.ts) for the basemap, the
 * camera (zoom, pan, keyboard) and the zoom buttons; the canvases then follow maplibre's camera
 * (camera-sync.ts) and pointer input is picked on the canvas's paths (pointer-picking.ts).
 *
 * Why no deck.gl: on software WebGL (GPU-less virtual desktops) the 2D canvas recolours 290,
 * 1,025, 6,000 and 20,000 areas several times faster than deck.gl did (see the README's
 * Benchmark section, `npm run bench`), and it needs no shader compiles before the first frame.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, MultiLineString } from 'geojson';
import { canvasStyle, type Basemap, type MapTheme } from './map-style';
import { prepareAreas } from './layers';
import { canvasBasemap, CanvasChoropleth, prepareCanvasLevel, type CanvasLevel } from './canvas-choropleth';
import { composeCanvases, createLayerCanvas } from './canvas-layers';
import { CameraSync, type BBox } from './camera-sync';
import { ColorFade } from './color-fade';
import { DrawLoop } from './draw-loop';
import type { UpcomingColors } from './fill-frames';
import { Highlights } from './highlights';
import { labelMapControls, SWEDISH_MAP_LOCALE } from './map-locale';
import { createBaseMap, loadMaplibre, setBaseMapData } from './maplibre-base';
import { PointerPicking, type PickHandlers } from './pointer-picking';
import { latOf, lonOf, type FitPadding } from './web-mercator';

export type { BBox } from './camera-sync';
export { ENGLISH_MAP_LOCALE, SWEDISH_MAP_LOCALE } from './map-locale';
export { geometryOnlyCopy } from './maplibre-base';

/** Constructor options of `MapController`. */
export interface MapControllerOptions extends PickHandlers {
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
  bbox: BBox;
  count: number;
  names: readonly string[];
  /**
   * The collection the level was built from (a level set again with the same one is kept), or
   * null for a level prepared elsewhere (the first paint's, from TopoJSON), which the first
   * `setLevel` of the same id adopts.
   */
  source: FeatureCollection | null;
}

/** The map: a 2D-canvas choropleth, with maplibre's basemap and camera under it once loaded. */
export class MapController {
  private options: MapControllerOptions;
  private readonly renderer: CanvasChoropleth;
  private readonly cameras: CameraSync;
  private readonly highlights = new Highlights();
  private readonly picking: PointerPicking;
  private container: HTMLElement | null = null;
  private map: MapLibreMap | null = null;
  private stageNow: MapStage = 'canvas';
  private basemap: Basemap | null = null;
  /** Whether the canvas paints the basemap itself (until maplibre has drawn it). */
  private paintsBasemap = true;
  private level: LevelState | null = null;
  private colors: Uint8Array = new Uint8Array(0);
  private colorKey = '';
  private readonly drawLoop = new DrawLoop(
    () => this.draw(),
    () => this.container !== null,
  );
  private locale: Record<string, string>;
  private fade: ColorFade | null = null;
  private containerSize = { width: 0, height: 0 };
  private readonly readyWaiters: (() => void)[] = [];
  /**
   * A copy of maplibre's canvas shown instead of it while the map is still: the display
   * compositor then blends a plain bitmap, not the WebGL canvas (several times dearer per frame
   * in software compositing), on every year change. Any maplibre frame shows maplibre's canvas again.
   */
  private readonly snapshot = createLayerCanvas('klyft-basemap-snapshot');
  /** The next maplibre frame is copied into `snapshot` (asked for once the map is idle). */
  private capturing = false;

  /** Creates an unattached controller; call `attach` to draw it into a container. */
  constructor(options: MapControllerOptions = {}) {
    this.options = options;
    this.locale = options.locale ?? SWEDISH_MAP_LOCALE;
    this.cameras = new CameraSync(options.fitPadding ?? 16);
    this.renderer = new CanvasChoropleth(createLayerCanvas('klyft-choropleth'), canvasStyle(options.theme), createLayerCanvas('klyft-choropleth-lines'), true);
    this.picking = new PointerPicking(
      (x, y) => this.renderer.pick(x, y),
      () => this.options,
    );
  }

  /** Replaces the pointer and ready callbacks (a map view taking over the first paint's controller). */
  listen(handlers: Pick<MapControllerOptions, 'onHover' | 'onSelect' | 'onReady'>): void {
    this.options = { ...this.options, ...handlers };
    if (this.stageNow === 'interactive') handlers.onReady?.();
  }

  /** Milliseconds from the last `setColors` to the frame that drew it (null until then). */
  get lastRenderMs(): number | null {
    return this.drawLoop.lastColorMs;
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
   * with its pixels, so nothing flashes. `linesLater`: the fills reach the screen first, the
   * borders and outlines follow in the next frame.
   */
  attach(container: HTMLElement, { interactive = true, linesLater = false }: { interactive?: boolean; linesLater?: boolean } = {}): void {
    if (this.stageNow === 'disposed') throw new Error('MapController is disposed');
    if (this.map && container !== this.container) throw new Error('MapController is already attached to a maplibre map');
    this.container = container;
    if (getComputedStyle(container).position === 'static') container.style.position = 'relative';
    if (this.renderer.canvas.parentElement !== container && !this.map) container.append(this.renderer.canvas, this.renderer.lines);
    this.measure();
    this.updateView();
    if (linesLater) {
      this.renderer.draw('fills');
      requestAnimationFrame(() => this.drawLoop.request());
    } else this.drawLoop.now();
    if (interactive) void this.startMaplibre();
  }

  /** Loads maplibre and draws the basemap under the canvas; the canvas then follows its camera. */
  private async startMaplibre(): Promise<void> {
    if (this.stageNow !== 'canvas' || !this.container) return;
    this.stageNow = 'loading';
    const maplibre = await loadMaplibre();
    const container = this.container;
    if (this.stageNow !== 'loading' || !container) return;
    const map = createBaseMap(maplibre, container, { camera: this.currentCamera(), basemap: this.basemap, theme: this.options.theme, locale: this.locale });
    // The choropleth canvas goes above maplibre's canvas, below its controls.
    this.snapshot.hidden = true;
    map.getCanvasContainer().append(this.snapshot, this.renderer.canvas, this.renderer.lines);
    this.map = map;
    map.on('render', this.handleMapRender);
    map.once('idle', this.handleIdle);
    map.on('idle', this.handleSettled);
    this.cameras.attach(map);
    this.picking.listen(map);
    this.setLocale(this.locale);
  }

  /** Removes listeners (in the same pairs as `startMaplibre`), the map and the canvas. */
  dispose(): void {
    const map = this.map;
    if (map) {
      map.off('render', this.handleMapRender);
      map.off('idle', this.handleIdle);
      map.off('idle', this.handleSettled);
      this.cameras.detach();
      this.picking.unlisten(map);
      map.remove();
    }
    this.renderer.canvas.remove();
    this.renderer.lines.remove();
    this.renderer.dropFrames();
    this.snapshot.remove();
    this.map = null;
    this.container = null;
    this.stageNow = 'disposed';
    this.fade = null;
    this.drawLoop.release();
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
    if (this.paintsBasemap) this.drawLoop.request();
    if (this.map) setBaseMapData(this.map, basemap);
  }

  /**
   * Shows a level: its areas, parent outlines and extent. `borders` is the level's area-border
   * mesh (each shared border once); without it every polygon ring is stroked. The same
   * collection set again keeps the prepared paths and the camera.
   */
  setLevel(levelId: string, areas: FeatureCollection, outlines: FeatureCollection | null, bbox: BBox, borders?: MultiLineString | null): void {
    if (this.level?.id === levelId && (this.level.source === areas || this.level.source === null)) {
      // The first paint's paths are this level's: the same points, nothing to rebuild or refit.
      this.level.source = areas;
      return;
    }
    const prepared = prepareAreas(levelId, areas, borders, outlines);
    const canvasLevel = prepareCanvasLevel({
      geometries: prepared.features.map((f) => f.geometry),
      names: prepared.names,
      labelPoints: prepared.labelPoints,
      borders: prepared.borders,
      parentBorders: prepared.parentBorders,
      bbox,
    });
    this.showLevel(levelId, canvasLevel, bbox, areas);
  }

  /**
   * Shows a level whose paths were prepared elsewhere (the first paint's, straight from its
   * TopoJSON, topology-level.ts); a later `setLevel` of the same id keeps them.
   */
  showPreparedLevel(levelId: string, level: CanvasLevel, bbox: BBox): void {
    this.showLevel(levelId, level, bbox, null);
  }

  private showLevel(levelId: string, canvasLevel: CanvasLevel, bbox: BBox, source: FeatureCollection | null): void {
    this.level = { id: levelId, bbox, count: canvasLevel.count, names: canvasLevel.names, source };
    this.renderer.setLevel(canvasLevel);
    this.applyCanvasBasemap();
    this.highlights.clear();
    this.picking.reset();
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
    this.drawLoop.colorsChanged();
    this.renderer.setColors(colors, key);
    this.drawLoop.request();
  }

  /**
   * The colourings likely to be asked for next (the other years, nearest first), as a function
   * called when the browser is idle: their fills are rendered then, as many as fill-frames.ts's
   * memory budget holds, so `setColors` with one of their keys copies a finished frame instead of
   * drawing every area.
   */
  prefetchColors(upcoming: () => readonly UpcomingColors[]): void {
    this.renderer.prefetch(upcoming);
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
    this.drawLoop.colorsChanged();
    this.fade = new ColorFade(from, colors, ms);
    this.drawLoop.request();
  }

  /** Whether a colour fade is running. */
  get fading(): boolean {
    return this.fade !== null;
  }

  /** Outlines and labels the hovered and selected areas (indices into the level's areas). */
  setHighlight(hoveredIndex: number | null, selectedIndex: number | null): void {
    if (this.highlights.set(hoveredIndex, selectedIndex)) this.applyHighlights();
  }

  /** Outlines and labels further areas (a story scene's highlights); [] for none. */
  setEmphasis(indices: readonly number[]): void {
    if (this.highlights.emphasise(indices, this.level?.count ?? 0)) this.applyHighlights();
  }

  /** Names of areas of the level (for the scene's screen-reader text). */
  areaNames(indices: readonly number[]): string[] {
    const names = this.level?.names ?? [];
    return indices.map((i) => names[i]).filter((name): name is string => name !== undefined);
  }

  /** Fits the view to [west, south, east, north]; jumps instead of animating for reduced motion. */
  fitTo(bbox: BBox, padding?: FitPadding): void {
    if (this.cameras.fitTo(bbox, padding)) this.drawLoop.request();
  }

  /** Moves the camera to a centre ([lon, lat]) and zoom; eases there, jumps for reduced motion. */
  showCamera(center: [number, number], zoom: number): void {
    if (this.cameras.show(center, zoom)) this.drawLoop.request();
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
    if (container) labelMapControls(container, locale);
  }

  /** Re-reads the container size (call after the host element resized). */
  resize(): void {
    this.measure();
    if (this.map) {
      this.map.resize();
      // Panels that load after the first map change its size: keep the level fitted until the
      // reader moves the map.
      this.cameras.refit();
    }
    this.drawLoop.now();
  }

  /** Resolves after the next drawn frame (immediately if not attached). */
  whenRendered(): Promise<void> {
    return this.drawLoop.whenDrawn();
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
      this.drawLoop.now();
      const { canvas, lines, fillOffset } = this.renderer;
      return composeCanvases(
        base,
        [
          { canvas, x: fillOffset[0], y: fillOffset[1] },
          { canvas: lines, x: 0, y: 0 },
        ],
        lines.width,
        lines.height,
      );
    };
    if (!map || this.paintsBasemap) return compose(null);
    return new Promise((resolve) => {
      map.once('render', () => resolve(compose(map.getCanvas())));
      map.triggerRepaint();
    });
  }

  /** The camera the canvas draws with: maplibre's once there, else the last fit or scene camera. */
  private currentCamera() {
    const { width, height } = this.size();
    return this.cameras.current(width, height, this.level?.bbox ?? null);
  }

  /**
   * The container's size as last measured (on attach and `resize`): reading it in every draw
   * would force a layout of the whole page in the animation frame, after panels changed.
   */
  private size(): { width: number; height: number } {
    return this.containerSize;
  }

  private measure(): void {
    this.containerSize = { width: this.container?.clientWidth ?? 0, height: this.container?.clientHeight ?? 0 };
  }

  private updateView(): void {
    const { width, height } = this.size();
    if (width === 0 || height === 0) return;
    this.renderer.setView({ width, height, pixelRatio: devicePixelRatio || 1, camera: this.currentCamera() });
  }

  private applyHighlights(): void {
    const { hovered, selected, emphasised } = this.highlights;
    this.renderer.setHighlight(hovered, selected, emphasised);
    this.drawLoop.request();
  }

  private applyCanvasBasemap(): void {
    this.renderer.setBasemap(this.paintsBasemap && this.basemap ? canvasBasemap(this.basemap) : null);
  }

  /** Draws the canvases with the current camera; false while a colour fade needs more frames. */
  private draw(): boolean {
    this.updateView();
    const fade = this.fade;
    if (fade) {
      const { colors, done } = fade.at(performance.now());
      this.renderer.setColors(colors, done ? this.colorKey : '');
      if (done) this.fade = null;
    }
    this.renderer.draw();
    return this.fade === null;
  }

  /**
   * maplibre drew a frame: draw the choropleth with its camera in the same task, so both move
   * together; show maplibre's canvas (or, for the frame asked for at idle, copy it into the snapshot
   * and show that instead, in the same frame).
   */
  private readonly handleMapRender = (): void => {
    const map = this.map;
    if (map) {
      const gl = map.getCanvas();
      if (this.capturing) {
        this.capturing = false;
        const ctx = this.snapshot.getContext('2d', { alpha: false });
        if (ctx) {
          if (this.snapshot.width !== gl.width) this.snapshot.width = gl.width;
          if (this.snapshot.height !== gl.height) this.snapshot.height = gl.height;
          ctx.drawImage(gl, 0, 0);
          this.snapshot.hidden = false;
          // Not `visibility: hidden`: the canvas keeps the keyboard focus (its outline is drawn
          // on the choropleth's canvas, see klyft-map-view.ts).
          gl.style.opacity = '0';
        }
      } else if (!this.snapshot.hidden) {
        this.snapshot.hidden = true;
        gl.style.opacity = '';
      }
    }
    this.drawLoop.now();
  };

  /** maplibre is still: copy its next frame into the snapshot (once per stillness). */
  private readonly handleSettled = (): void => {
    const map = this.map;
    if (!map || this.capturing || !this.snapshot.hidden) return;
    this.capturing = true;
    map.triggerRepaint();
  };

  /** maplibre has drawn the basemap: stop painting it on the canvas (in the same frame, no flash). */
  private readonly handleIdle = (): void => {
    this.paintsBasemap = false;
    this.applyCanvasBasemap();
    this.drawLoop.now();
    this.stageNow = 'interactive';
    for (const resolve of this.readyWaiters.splice(0)) resolve();
    this.options.onReady?.();
  };
}
