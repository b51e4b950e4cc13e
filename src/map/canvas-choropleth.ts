/**
 * A choropleth on a 2D canvas: one Path2D per area, built once per level, filled again with the
 * new colours on a year change. It draws the first map before maplibre arrives (with the basemap
 * underneath, see src/first-paint/) and stays the app's renderer at every level, following
 * maplibre's camera (see map-controller.ts and the benchmark in bench/: on software WebGL it
 * recolours several times faster than deck.gl). Imports neither maplibre nor deck.gl nor Lit.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { FillFrames, type UpcomingColors } from './fill-frames';
import { mercatorX, mercatorY, type MercatorCamera } from './web-mercator';

/** A line as [lon, lat] positions. */
type LonLatPath = readonly (readonly [number, number] | readonly number[])[];

/** The colours and widths of everything drawn besides the fills (CSS colours, CSS pixels). */
export interface CanvasStyle {
  background: string;
  land: string;
  sea: string;
  river: string;
  areaBorder: string;
  parentBorder: string;
  hover: string;
  selected: string;
}

/** Basemap geometries (land, sea, river), drawn only while the canvas paints without maplibre. */
export interface CanvasBasemap {
  land: readonly Geometry[];
  sea: readonly Geometry[];
  river: readonly Geometry[];
}

/** The basemap's geometries for the canvas. */
export function canvasBasemap(basemap: { land: FeatureCollection; sea: FeatureCollection; river: FeatureCollection }): CanvasBasemap {
  const geometries = (collection: FeatureCollection) => collection.features.map((f) => f.geometry).filter((g): g is Geometry => Boolean(g));
  return { land: geometries(basemap.land), sea: geometries(basemap.sea), river: geometries(basemap.river) };
}

/** One level prepared for drawing: paths in level-local pixels (see `toLocal`). */
export interface CanvasLevel {
  count: number;
  areas: Path2D[];
  /** Bounding box of each area in local units [x0, y0, x1, y1], for picking. */
  boxes: Float64Array;
  borders: Path2D;
  parentBorders: Path2D | null;
  /** Label point per area, local units. */
  labels: [number, number][];
  names: string[];
  origin: [number, number];
  /** Local units per mercator unit. */
  scale: number;
}

/** Border widths in CSS pixels at a zoom, as the WebGL layers (layers.ts). */
export function areaBorderWidth(zoom: number): number {
  return Math.min(1.2, Math.max(0.4, 0.4 + (zoom - 4) * 0.1));
}

/** Parent border width in CSS pixels at a zoom (0.8 at z4 … 2 at z12). */
export function parentBorderWidth(zoom: number): number {
  return Math.min(2, Math.max(0.8, 0.8 + (zoom - 4) * 0.15));
}

/** Input of `prepareCanvasLevel`. */
export interface CanvasLevelInput {
  geometries: readonly (Geometry | null)[];
  names: readonly string[];
  labelPoints: readonly [number, number][];
  /** Every area border once (mesh) as lines; without it the polygon rings are stroked. */
  borders: readonly LonLatPath[] | null;
  parentBorders: readonly LonLatPath[];
  /** [west, south, east, north] of the level. */
  bbox: readonly [number, number, number, number];
}

/** A level's local units: mercator from the box's north-west corner, the box about 4,096 units wide. */
export function localUnits([west, south, east, north]: readonly [number, number, number, number]): {
  origin: [number, number];
  scale: number;
  lx: (lon: number) => number;
  ly: (lat: number) => number;
} {
  const origin: [number, number] = [mercatorX(west), mercatorY(north)];
  const span = Math.max(mercatorX(east) - origin[0], mercatorY(south) - origin[1]) || 1e-6;
  const scale = 4096 / span;
  return { origin, scale, lx: (lon) => (mercatorX(lon) - origin[0]) * scale, ly: (lat) => (mercatorY(lat) - origin[1]) * scale };
}

/**
 * Builds the Path2D objects of a level once. Paths are kept in "local" units (the level's
 * bounding box about 4,096 units wide) so float precision holds at every zoom.
 */
export function prepareCanvasLevel(input: CanvasLevelInput): CanvasLevel {
  const { origin, scale, lx, ly } = localUnits(input.bbox);
  const boxes = new Float64Array(input.geometries.length * 4);
  const areas = input.geometries.map((geometry, i) => {
    const path = new Path2D();
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    forEachRing(geometry, (ring) => {
      for (let j = 0; j < ring.length; j++) {
        const x = lx(ring[j]![0]!);
        const y = ly(ring[j]![1]!);
        if (j === 0) path.moveTo(x, y);
        else path.lineTo(x, y);
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
      path.closePath();
    });
    boxes.set([x0, y0, x1, y1], i * 4);
    return path;
  });
  const lines = (paths: readonly LonLatPath[]): Path2D => {
    const path = new Path2D();
    for (const line of paths) line.forEach((p, j) => (j === 0 ? path.moveTo(lx(p[0]!), ly(p[1]!)) : path.lineTo(lx(p[0]!), ly(p[1]!))));
    return path;
  };
  let borders: Path2D;
  if (input.borders) borders = lines(input.borders);
  else {
    borders = new Path2D();
    for (const area of areas) borders.addPath(area);
  }
  return {
    count: areas.length,
    areas,
    boxes,
    borders,
    parentBorders: input.parentBorders.length ? lines(input.parentBorders) : null,
    labels: input.labelPoints.map(([lon, lat]) => [lx(lon), ly(lat)]),
    names: [...input.names],
    origin,
    scale,
  };
}

/** Calls `visit` with each ring of a (Multi)Polygon. */
function forEachRing(geometry: Geometry | null | undefined, visit: (ring: readonly (readonly number[])[]) => void): void {
  if (!geometry) return;
  if (geometry.type === 'Polygon') for (const ring of geometry.coordinates) visit(ring);
  else if (geometry.type === 'MultiPolygon') for (const polygon of geometry.coordinates) for (const ring of polygon) visit(ring);
  else if (geometry.type === 'GeometryCollection') for (const g of geometry.geometries) forEachRing(g, visit);
}

/**
 * The canvas's 2D context, kept in memory (`willReadFrequently`): without a GPU, Chromium would
 * otherwise draw it through SwiftShader and read it back for its software compositor every frame.
 */
function context(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  return canvas.getContext('2d', { willReadFrequently: true });
}

/** CSS colour of area i in an RGBA array. */
function fillStyle(colors: Uint8Array, i: number): string {
  const o = i * 4;
  return colors[o + 3] === 255
    ? `rgb(${colors[o]},${colors[o + 1]},${colors[o + 2]})`
    : `rgba(${colors[o]},${colors[o + 1]},${colors[o + 2]},${colors[o + 3]! / 255})`;
}

/** The areas merged into one path per fill colour (areas with no fill or a transparent one left out). */
function pathsByFill(level: CanvasLevel, fills: readonly string[], colors: Uint8Array): Map<string, Path2D> {
  const byFill = new Map<string, Path2D>();
  for (let i = 0; i < level.count; i++) {
    const fill = fills[i];
    if (!fill || colors[i * 4 + 3] === 0) continue;
    let path = byFill.get(fill);
    if (!path) byFill.set(fill, (path = new Path2D()));
    path.addPath(level.areas[i]!);
  }
  return byFill;
}

/** A canvas-sized view: CSS size, device pixel ratio and camera. */
export interface CanvasView {
  width: number;
  height: number;
  pixelRatio: number;
  camera: MercatorCamera;
}

/** Label of a highlighted area: larger for the selected one. */
interface LabelStyle {
  size: number;
  weight: number;
  offsetY: number;
}

const LABEL_FONT = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/**
 * Draws a prepared level on two stacked 2D canvases: `canvas` holds the fills (and the basemap
 * while there is no maplibre), `lines` the borders, outlines and labels. A year change redraws
 * only the fills; the lines are redrawn when the camera, the size or the highlights change.
 * Drawing is synchronous (`draw`).
 */
export class CanvasChoropleth {
  /** The fills (CSS size set by the owner; the backing store follows `view`). */
  readonly canvas: HTMLCanvasElement;
  /** Borders, outlines and labels, stacked above `canvas` by the owner. */
  readonly lines: HTMLCanvasElement;
  private readonly style: CanvasStyle;
  private level: CanvasLevel | null = null;
  private basemap: { land: Path2D; sea: Path2D; river: Path2D } | null = null;
  private colors: Uint8Array = new Uint8Array(0);
  private fills: string[] = [];
  /** The key the colours were set under ('' for a fade's in-between colours). */
  private colorKey = '';
  /** Counts levels, so a frame rendered for one level is never shown on another. */
  private levelSerial = 0;
  /** Fills of the colourings asked for next, rendered ahead for the view on screen. */
  private readonly frames = new FillFrames(
    (colors) => this.renderFrame(colors),
    () => this.viewKey(),
    () => this.canvas.width * this.canvas.height * 4,
  );
  private hovered: number | null = null;
  private selected: number | null = null;
  private emphasised: number[] = [];
  private view: CanvasView | null = null;
  private fillsDirty = true;
  private linesDirty = true;
  private drawnTransform = '';
  /** Device-pixel box of the fill canvas within the view, when it is cropped to the level. */
  private fillBox: [number, number, number, number] | null = null;
  /** The level's extent in local units [x0, y0, x1, y1]. */
  private extent: [number, number, number, number] | null = null;

  /**
   * `cropFills`: the owner stacks `canvas` absolutely in the view's box and lets this class size
   * and place it to the level's extent within the view (the fills alone, without the basemap):
   * every frame that recolours it hands the compositor only those pixels (a third of the view's
   * for Sweden's kommuner), which is most of a year change's cost in software compositing.
   */
  constructor(
    canvas: HTMLCanvasElement,
    style: CanvasStyle,
    lines: HTMLCanvasElement = document.createElement('canvas'),
    private readonly cropFills = false,
  ) {
    this.canvas = canvas;
    this.lines = lines;
    this.style = style;
  }

  /** Where the fill canvas lies in the view, in device pixels: [x, y] of its top left corner. */
  get fillOffset(): [number, number] {
    return this.fillBox ? [this.fillBox[0], this.fillBox[1]] : [0, 0];
  }

  /** The prepared level (null before `setLevel`). */
  get currentLevel(): CanvasLevel | null {
    return this.level;
  }

  /** The colours drawn now (RGBA per area). */
  get currentColors(): Uint8Array {
    return this.colors;
  }

  /** Shows a prepared level; highlights are reset. */
  setLevel(level: CanvasLevel): void {
    this.level = level;
    this.levelSerial++;
    this.frames.reset();
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < level.boxes.length; i += 4) {
      x0 = Math.min(x0, level.boxes[i]!);
      y0 = Math.min(y0, level.boxes[i + 1]!);
      x1 = Math.max(x1, level.boxes[i + 2]!);
      y1 = Math.max(y1, level.boxes[i + 3]!);
    }
    this.extent = x0 <= x1 && y0 <= y1 ? [x0, y0, x1, y1] : null;
    this.hovered = null;
    this.selected = null;
    this.emphasised = [];
    this.fillsDirty = true;
    this.linesDirty = true;
  }

  /**
   * Draws the basemap under the areas (while no maplibre map is there), or stops drawing it
   * (null) once maplibre draws it under this canvas.
   */
  setBasemap(basemap: CanvasBasemap | null): void {
    this.fillsDirty = true;
    if (!basemap || !this.level) {
      this.basemap = null;
      return;
    }
    const { origin, scale } = this.level;
    const polygons = (geometries: readonly Geometry[]) => {
      const path = new Path2D();
      for (const g of geometries)
        forEachRing(g, (ring) => {
          ring.forEach((p, j) => {
            const x = (mercatorX(p[0]!) - origin[0]) * scale;
            const y = (mercatorY(p[1]!) - origin[1]) * scale;
            if (j === 0) path.moveTo(x, y);
            else path.lineTo(x, y);
          });
          path.closePath();
        });
      return path;
    };
    this.basemap = { land: polygons(basemap.land), sea: polygons(basemap.sea), river: polygons(basemap.river) };
  }

  /**
   * Sets the fill colours (RGBA per area, as the map's colour arrays hold them); `key` names
   * them (it changes with the content), so a frame rendered ahead for that key can be shown.
   */
  setColors(colors: Uint8Array, key = ''): void {
    const previous = this.colors;
    const n = colors.length / 4;
    if (this.fills.length !== n) this.fills = new Array<string>(n).fill('');
    for (let i = 0; i < n; i++) {
      const o = i * 4;
      if (
        this.fills[i] !== '' &&
        previous.length === colors.length &&
        previous[o] === colors[o] &&
        previous[o + 1] === colors[o + 1] &&
        previous[o + 2] === colors[o + 2] &&
        previous[o + 3] === colors[o + 3]
      )
        continue;
      this.fills[i] = fillStyle(colors, i);
    }
    this.colors = colors.slice();
    this.colorKey = key;
    this.frames.showing(key);
    this.fillsDirty = true;
    // Draw now, in the task that changed the colours, when the view is the one drawn last: the
    // raster then overlaps the wait for the display's next frame instead of delaying that frame.
    if (key && this.drawnTransform && this.viewKey() === this.drawnTransform) this.drawFillsNow();
  }

  /** Draws the fills in this task and makes the canvas rasterise them now (not in the next frame). */
  private drawFillsNow(): void {
    const t = this.transform();
    const ctx = context(this.canvas);
    if (!t || !ctx) return;
    this.drawFills(t);
    this.fillsDirty = false;
    // Reading a pixel flushes the canvas's recorded drawing into its pixels.
    ctx.getImageData(0, 0, 1, 1);
  }

  /**
   * The colourings likely to be shown next (the other years, nearest first), as a function read
   * when the browser is idle: their fills are rendered then, as many as the memory budget holds,
   * so a change to one of them copies a finished frame.
   */
  prefetch(upcoming: () => readonly UpcomingColors[]): void {
    this.frames.want(upcoming);
  }

  /** Frees the frames rendered ahead and forgets the colourings asked for (the map went). */
  dropFrames(): void {
    this.frames.reset();
  }

  /** Outlines (and labels) the hovered and selected areas, and further `emphasised` ones (a story scene's). */
  setHighlight(hovered: number | null, selected: number | null, emphasised: readonly number[] = []): void {
    this.hovered = hovered;
    this.selected = selected;
    this.emphasised = [...emphasised];
    this.linesDirty = true;
  }

  /** Sets the size and camera; the backing stores are resized when the size changed. */
  setView(view: CanvasView): void {
    this.view = view;
    const w = Math.max(1, Math.round(view.width * view.pixelRatio));
    const h = Math.max(1, Math.round(view.height * view.pixelRatio));
    if (this.lines.width !== w) this.lines.width = w;
    if (this.lines.height !== h) this.lines.height = h;
    this.placeFills(w, h);
  }

  /** Sizes the fill canvas: the view's box, or (cropped) the level's extent within it. */
  private placeFills(w: number, h: number): void {
    const t = this.transform();
    let box: [number, number, number, number] = [0, 0, w, h];
    if (this.cropFills && t && this.extent && !this.basemap) {
      const [k, tx, ty] = t;
      const [x0, y0, x1, y1] = this.extent;
      // Two pixels of margin for anti-aliasing; at least one pixel (a level out of view).
      const left = Math.min(w - 1, Math.max(0, Math.floor(x0 * k + tx) - 2));
      const top = Math.min(h - 1, Math.max(0, Math.floor(y0 * k + ty) - 2));
      const right = Math.max(left + 1, Math.min(w, Math.ceil(x1 * k + tx) + 2));
      const bottom = Math.max(top + 1, Math.min(h, Math.ceil(y1 * k + ty) + 2));
      box = [left, top, right - left, bottom - top];
    }
    const canvas = this.canvas;
    if (canvas.width !== box[2]) canvas.width = box[2];
    if (canvas.height !== box[3]) canvas.height = box[3];
    if (!this.cropFills) return;
    const old = this.fillBox;
    if (old && old[0] === box[0] && old[1] === box[1] && old[2] === box[2] && old[3] === box[3]) return;
    this.fillBox = box;
    const ratio = this.view?.pixelRatio ?? 1;
    const css = (v: number) => `${v / ratio}px`;
    Object.assign(canvas.style, { left: css(box[0]), top: css(box[1]), width: css(box[2]), height: css(box[3]) });
  }

  /** The transform from local units to device pixels: [scale, translateX, translateY]. */
  private transform(): [number, number, number] | null {
    const { level, view } = this;
    if (!level || !view) return null;
    const { camera, pixelRatio } = view;
    const k = (camera.worldSize / level.scale) * pixelRatio;
    const tx = ((level.origin[0] - camera.x) * camera.worldSize + view.width / 2) * pixelRatio;
    const ty = ((level.origin[1] - camera.y) * camera.worldSize + view.height / 2) * pixelRatio;
    return [k, tx, ty];
  }

  /**
   * Draws what changed since the last draw (everything after a camera or size change),
   * synchronously; `'fills'` leaves the lines for a later draw (the first paint's first frame).
   */
  draw(parts: 'all' | 'fills' = 'all'): void {
    const t = this.transform();
    if (!t || !this.level || !this.view) return;
    // A new camera or backing-store size means both canvases are stale (a resize also clears them).
    const key = this.viewKey(t);
    if (key !== this.drawnTransform) {
      this.drawnTransform = key;
      this.fillsDirty = true;
      this.linesDirty = true;
      this.frames.viewChanged(key);
    }
    if (this.fillsDirty) this.drawFills(t);
    this.fillsDirty = false;
    if (parts === 'fills') return;
    if (this.linesDirty) this.drawLines(t);
    this.linesDirty = false;
  }

  /** Names what the canvases show apart from the colours: level, basemap, camera and sizes. */
  private viewKey(t = this.transform()): string {
    if (!t) return '';
    return `${this.levelSerial}|${this.basemap ? 'b' : ''}|${t.join(',')}|${this.lines.width}x${this.lines.height}|${this.fillOffset.join(',')}|${this.canvas.width}x${this.canvas.height}`;
  }

  private drawFills(t: [number, number, number]): void {
    const ctx = context(this.canvas);
    if (!ctx) return;
    // A frame is kept for one view key, which holds the canvas's size: it fits.
    const frame = this.colorKey ? this.frames.get(this.colorKey, this.drawnTransform) : null;
    // Says how the fills on screen were drawn (`data-fill`: "frame" or "paths"), for tests and the benchmark.
    const drawn = frame ? 'frame' : 'paths';
    if (this.canvas.dataset['fill'] !== drawn) this.canvas.dataset['fill'] = drawn;
    if (frame) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.globalCompositeOperation = 'copy';
      ctx.drawImage(frame, 0, 0);
      ctx.globalCompositeOperation = 'source-over';
      return;
    }
    this.paintFills(ctx, t, this.fills, this.colors);
  }

  /** A frame of the fills of `colors` for the view on screen, rendered off screen (see fill-frames.ts). */
  private renderFrame(colors: Uint8Array): ImageBitmap | null {
    const t = this.transform();
    if (!t || !this.level || colors.length !== this.level.count * 4 || typeof OffscreenCanvas === 'undefined') return null;
    const canvas = new OffscreenCanvas(this.canvas.width, this.canvas.height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return null;
    const fills = Array.from({ length: colors.length / 4 }, (_, i) => fillStyle(colors, i));
    this.paintFills(ctx, t, fills, colors);
    return canvas.transferToImageBitmap();
  }

  /** Paints the fills (and the basemap, while there is one) of `fills` into a fill-canvas-sized context. */
  private paintFills(
    ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
    [k, x, y]: [number, number, number],
    fills: readonly string[],
    colors: Uint8Array,
  ): void {
    const [ox, oy] = this.fillOffset;
    const tx = x - ox;
    const ty = y - oy;
    const level = this.level;
    if (!level) return;
    const { width, height } = ctx.canvas;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (this.basemap) {
      ctx.fillStyle = this.style.background;
      ctx.fillRect(0, 0, width, height);
    } else ctx.clearRect(0, 0, width, height);
    ctx.setTransform(k, 0, 0, k, tx, ty);
    if (this.basemap) {
      ctx.fillStyle = this.style.land;
      ctx.fill(this.basemap.land, 'evenodd');
      ctx.fillStyle = this.style.sea;
      ctx.fill(this.basemap.sea, 'evenodd');
      ctx.fillStyle = this.style.river;
      ctx.fill(this.basemap.river, 'evenodd');
    }
    // One fill per colour (a handful of classes), not one per area: per-call overhead dominates
    // in software raster. Areas never overlap, so even-odd filling of the merged paths is exact.
    for (const [fill, path] of pathsByFill(level, fills, colors)) {
      ctx.fillStyle = fill;
      ctx.fill(path, 'evenodd');
    }
  }

  private drawLines([k, tx, ty]: [number, number, number]): void {
    const ctx = context(this.lines);
    const { level, view, style } = this;
    if (!ctx || !level || !view) return;
    const px = 1 / k; // one device pixel in local units
    const ratio = view.pixelRatio;
    const zoom = Math.log2(view.camera.worldSize / 512);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.lines.width, this.lines.height);
    ctx.setTransform(k, 0, 0, k, tx, ty);
    // Round joins and caps: a border drawn arc by arc (topology-level.ts) looks as one stitched line.
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    ctx.strokeStyle = style.areaBorder;
    ctx.lineWidth = areaBorderWidth(zoom) * ratio * px;
    ctx.stroke(level.borders);
    if (level.parentBorders) {
      ctx.strokeStyle = style.parentBorder;
      ctx.lineWidth = parentBorderWidth(zoom) * ratio * px;
      ctx.stroke(level.parentBorders);
    }
    const outline = (index: number | null, colour: string, width: number) => {
      const path = index === null ? undefined : level.areas[index];
      if (!path) return;
      ctx.strokeStyle = colour;
      ctx.lineWidth = width * ratio * px;
      ctx.stroke(path);
    };
    for (const index of this.emphasised) outline(index, style.selected, 3);
    if (this.hovered !== this.selected) outline(this.hovered, style.hover, 2);
    outline(this.selected, style.selected, 3);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    const labelled = new Set<number>();
    const label = (index: number | null, look: LabelStyle) => {
      if (index === null || labelled.has(index)) return;
      labelled.add(index);
      const name = level.names[index];
      const point = level.labels[index];
      if (!name || !point) return;
      ctx.font = `${look.weight} ${look.size * ratio}px ${LABEL_FONT}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      const x = point[0] * k + tx;
      const y = point[1] * k + ty + look.offsetY * ratio;
      ctx.lineWidth = 3 * ratio;
      ctx.strokeStyle = 'rgba(255,255,255,0.9)';
      ctx.strokeText(name, x, y);
      ctx.fillStyle = '#141414';
      ctx.fillText(name, x, y);
    };
    label(this.selected, { size: 15, weight: 600, offsetY: 0 });
    label(this.hovered, { size: 13, weight: 600, offsetY: 0 });
    for (const index of this.emphasised) label(index, { size: 20, weight: 700, offsetY: -18 });
  }

  /** The area under a point (CSS pixels from the canvas's top left), or null. */
  pick(x: number, y: number): number | null {
    const ctx = context(this.canvas);
    const t = this.transform();
    const level = this.level;
    if (!ctx || !t || !level || !this.view) return null;
    const [k, tx, ty] = t;
    const lxp = (x * this.view.pixelRatio - tx) / k;
    const lyp = (y * this.view.pixelRatio - ty) / k;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    try {
      // Last drawn wins, as in the drawing order.
      for (let i = level.count - 1; i >= 0; i--) {
        const o = i * 4;
        if (lxp < level.boxes[o]! || lxp > level.boxes[o + 2]! || lyp < level.boxes[o + 1]! || lyp > level.boxes[o + 3]!) continue;
        if (ctx.isPointInPath(level.areas[i]!, lxp, lyp, 'evenodd')) return i;
      }
      return null;
    } finally {
      ctx.restore();
    }
  }
}
