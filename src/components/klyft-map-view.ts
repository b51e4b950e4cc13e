import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { FeatureCollection, MultiLineString } from 'geojson';
import { ENGLISH_MAP_LOCALE, MapController, SWEDISH_MAP_LOCALE, type BBox } from '../map/map-controller';
import type { UpcomingColors } from '../map/fill-frames';
import { takeFirstPaint } from '../first-paint/handover';
import type { Basemap } from '../map/map-style';
import type { SceneEffects } from '../map/scene-effects';

/** One map level as the map view needs it. */
export interface MapLevel {
  id: string;
  /** Area features in level order; colours and indices refer to this order. */
  areas: FeatureCollection;
  /** Parent outlines (e.g. län), or null. */
  outlines: FeatureCollection | null;
  bbox: BBox;
  /** Every area border once (topojson mesh of the areas); optional, else drawn from the polygons. */
  borders?: MultiLineString | null;
}

/** Detail of `klyft-area-hover`: the area under the pointer and the pointer position in the map. */
export type AreaHoverDetail = { index: number; x: number; y: number } | { index: null };

/** Detail of `klyft-area-select`: the clicked area, or null for a click outside the areas. */
export interface AreaSelectDetail {
  index: number | null;
}

/**
 * The choropleth map: areas, borders and labels on a 2D canvas over a maplibre basemap (loaded
 * after the first frame; see MapController). Takes over the first paint's map when it shows the
 * same level. Fires `klyft-area-hover` and `klyft-area-select` on pointer input; keyboard
 * access to areas is provided by the table.
 */
@customElement('klyft-map-view')
export class KlyftMapView extends LitElement {
  // maplibre's own CSS is added to the shadow root when maplibre loads (MapController).
  static override styles = [
    css`
      :host {
        display: block;
        position: relative;
        min-height: 200px;
      }
      .map {
        position: absolute;
        inset: 0;
      }
      .maplibregl-canvas:focus-visible,
      /* While the map is still, a copy of maplibre's canvas covers it (map-controller.ts): the
         focus outline goes on the topmost canvas. */
      .maplibregl-canvas-container:has(> .maplibregl-canvas:focus-visible) > .klyft-choropleth-lines {
        outline: 3px solid var(--klyft-accent, #005a9c);
        outline-offset: -3px;
      }
    `,
  ];

  /** The basemap (land, sea, river) in WGS84. */
  @property({ attribute: false }) basemap: Basemap | null = null;

  /**
   * The level to show. A level counts as new (geometry rebuilt, view fitted, highlight reset)
   * only when its id, areas or outlines change, so a fresh wrapper object per render is fine.
   */
  @property({ attribute: false, hasChanged: levelChanged }) level: MapLevel | null = null;

  /** RGBA per area of `level`, 4 bytes each. */
  @property({ attribute: false }) colors: Uint8Array | null = null;

  /** Changes whenever `colors` has new content; the map recolours only when it changes. */
  @property({ attribute: 'color-key' }) colorKey = '';

  /**
   * The colourings likely to be shown next (the other years, nearest first), called when the
   * browser is idle: the map renders them ahead, so changing the year shows a finished frame.
   */
  @property({ attribute: false }) upcoming: (() => readonly UpcomingColors[]) | null = null;

  /** Index of the area to outline as hovered (e.g. from the table), or null. */
  @property({ attribute: false }) hoveredIndex: number | null = null;

  /** Index of the selected area, or null. */
  @property({ attribute: false }) selectedIndex: number | null = null;

  /** Story scene effects (several highlighted areas, colour fades), loaded with presenter mode; null otherwise. */
  @property({ attribute: false }) effects: SceneEffects | null = null;

  /** Accessible name of the map region. */
  @property() label = 'Karta';

  /** UI language of the map controls: "en" for English, anything else Swedish. */
  @property({ reflect: true }) override lang = 'sv';

  @query('.map') private readonly mapContainer!: HTMLDivElement;

  private controller: MapController | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private readyResolvers: (() => void)[] = [];
  private isReady = false;

  /** Milliseconds from the last colour change to the frame that drew it (for the benchmark). */
  get lastRenderMs(): number | null {
    return this.controller?.lastRenderMs ?? null;
  }

  /** Resolves once maplibre draws the basemap under the choropleth (the map is interactive). */
  whenReady(): Promise<void> {
    if (this.isReady) return Promise.resolve();
    return new Promise((resolve) => this.readyResolvers.push(resolve));
  }

  /** Resolves after the next drawn frame. */
  whenRendered(): Promise<void> {
    return this.controller?.whenRendered() ?? Promise.resolve();
  }

  /** The map as drawn (basemap and choropleth composed) on a 2D canvas, e.g. for a PNG; null before the map exists. */
  captureCanvas(): Promise<HTMLCanvasElement | null> {
    return this.controller?.captureCanvas() ?? Promise.resolve(null);
  }

  /** Re-reads the size and fits the level, keeping `padding` pixels free (e.g. under a presenter's caption). */
  fitLevel(padding?: number | { top: number; bottom: number; left: number; right: number }): void {
    if (!this.level) return;
    this.controller?.resize();
    this.controller?.fitTo(this.level.bbox, padding);
  }

  /** Re-reads the size and moves the camera to a centre ([lon, lat]) and zoom, e.g. a story scene's. */
  showCamera(center: [number, number], zoom: number): void {
    this.controller?.resize();
    this.controller?.showCamera(center, zoom);
  }

  /** The map's camera now (centre rounded to 5 decimals, zoom to 2), or null before the map exists. */
  camera(): { center: [number, number]; zoom: number } | null {
    const camera = this.controller?.camera();
    if (!camera) return null;
    const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
    return { center: [round(camera.center[0], 5), round(camera.center[1], 5)], zoom: round(camera.zoom, 2) };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached after a move in the DOM: the map was disposed on disconnect.
    if (this.hasUpdated) this.createMap();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.destroyMap();
  }

  protected override firstUpdated(): void {
    this.createMap();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const controller = this.controller;
    if (!controller) return;
    if (changed.has('basemap') && this.basemap) controller.setBasemap(this.basemap);
    if (changed.has('level')) this.applyLevel(controller);
    if (changed.has('effects')) this.attachEffects(controller, changed.get('effects'));
    if ((changed.has('colors') || changed.has('colorKey') || changed.has('level')) && this.colors) {
      if (this.effects) this.effects.setColors(this.colors, this.colorKey, changed.has('level'));
      else controller.setColors(this.colors, this.colorKey);
    }
    if (changed.has('upcoming') && this.upcoming) controller.prefetchColors(this.upcoming);
    if (changed.has('hoveredIndex') || changed.has('selectedIndex') || changed.has('level')) {
      controller.setHighlight(this.hoveredIndex, this.selectedIndex);
    }
    if (changed.has('lang')) controller.setLocale(this.mapLocale());
  }

  protected override render() {
    return html`<div class="map" role="region" aria-label=${this.label}></div>`;
  }

  private createMap(): void {
    if (this.controller || !this.mapContainer) return;
    const handlers = { onHover: this.handleHover, onSelect: this.handleSelect, onReady: this.handleReady };
    // The first paint drew this level already: take its map (its canvas moves here with its pixels).
    const firstPaint = takeFirstPaint(this.level?.id);
    const controller = firstPaint?.controller ?? new MapController({ ...handlers, locale: this.mapLocale() });
    if (firstPaint) {
      controller.listen(handlers);
      controller.setLocale(this.mapLocale());
    }
    if (this.basemap) controller.setBasemap(this.basemap);
    this.applyLevel(controller);
    if (this.colors) controller.setColors(this.colors, this.colorKey);
    if (this.upcoming) controller.prefetchColors(this.upcoming);
    controller.setHighlight(this.hoveredIndex, this.selectedIndex);
    controller.attach(this.mapContainer);
    firstPaint?.release();
    this.controller = controller;
    this.attachEffects(controller, null);
    this.resizeObserver = new ResizeObserver(() => this.controller?.resize());
    this.resizeObserver.observe(this);
  }

  private attachEffects(controller: MapController, previous: SceneEffects | null | undefined): void {
    previous?.detach();
    this.effects?.attach(controller, this.colors);
  }

  private destroyMap(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.controller?.dispose();
    this.controller = null;
    this.isReady = false;
  }

  private mapLocale(): Record<string, string> {
    return this.lang === 'en' ? ENGLISH_MAP_LOCALE : SWEDISH_MAP_LOCALE;
  }

  private applyLevel(controller: MapController): void {
    const level = this.level;
    if (level) controller.setLevel(level.id, level.areas, level.outlines, level.bbox, level.borders);
  }

  private readonly handleReady = (): void => {
    this.isReady = true;
    const resolvers = this.readyResolvers;
    this.readyResolvers = [];
    for (const resolve of resolvers) resolve();
  };

  private readonly handleHover = (index: number | null, pixel: { x: number; y: number } | null): void => {
    const detail: AreaHoverDetail = index === null || !pixel ? { index: null } : { index, x: pixel.x, y: pixel.y };
    this.dispatchEvent(new CustomEvent<AreaHoverDetail>('klyft-area-hover', { detail, bubbles: true, composed: true }));
  };

  private readonly handleSelect = (index: number | null): void => {
    this.dispatchEvent(new CustomEvent<AreaSelectDetail>('klyft-area-select', { detail: { index }, bubbles: true, composed: true }));
  };
}

/** Whether a level value means a different level (not just a new wrapper object). */
function levelChanged(next: MapLevel | null, previous: MapLevel | null | undefined): boolean {
  if (!next || !previous) return next !== previous;
  return next.id !== previous.id || next.areas !== previous.areas || next.outlines !== previous.outlines || next.borders !== previous.borders;
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-map-view': KlyftMapView;
  }
  interface HTMLElementEventMap {
    'klyft-area-hover': CustomEvent<AreaHoverDetail>;
    'klyft-area-select': CustomEvent<AreaSelectDetail>;
  }
}
