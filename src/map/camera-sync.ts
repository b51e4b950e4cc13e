/**
 * The map's one camera on both sides of maplibre's arrival. Before it, the canvas draws with the
 * last fit (maplibre's own fitBounds arithmetic, web-mercator.ts) or a story scene's camera; once
 * maplibre is there its camera is the truth and the canvas follows it. A fit is re-applied after
 * a resize (panels arriving) until the reader moves the map.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { cameraAt, fitCamera, type FitPadding, type MercatorCamera } from './web-mercator';

/** [west, south, east, north] in WGS84 degrees. */
export type BBox = [number, number, number, number];

/** Sweden, for a camera asked for before any level. */
const SWEDEN: BBox = [10.5, 55.2, 24.3, 69.1];

type Fit = { bbox: BBox; padding: FitPadding };

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** The camera of one map: a fit or a centre and zoom, kept in maplibre once it has loaded. */
export class CameraSync {
  /** The camera without maplibre: the last fit (or scene camera). */
  private own: Fit | { center: [number, number]; zoom: number } | null = null;
  /** The last fit, re-applied on resize until the reader moves the map. */
  private fitted: Fit | null = null;
  private map: MapLibreMap | null = null;

  /** `padding`: CSS pixels kept free around a fitted box unless a fit asks otherwise. */
  constructor(private readonly padding: number) {}

  /** maplibre takes the camera over. */
  attach(map: MapLibreMap): void {
    this.map = map;
    map.on('movestart', this.handleMoveStart);
  }

  /** maplibre is gone (the pair of `attach`). */
  detach(): void {
    this.map?.off('movestart', this.handleMoveStart);
    this.map = null;
  }

  /** Fits the view to a box (animated unless reduced motion); true if the canvas must draw the new camera itself. */
  fitTo(bbox: BBox, padding: FitPadding = this.padding): boolean {
    this.fitted = { bbox, padding };
    this.own = { bbox, padding };
    if (!this.map) return true;
    this.map.fitBounds(bbox, { padding, animate: !prefersReducedMotion() });
    return false;
  }

  /** Moves to a centre ([lon, lat]) and zoom (eased unless reduced motion); true if the canvas must draw it itself. */
  show(center: [number, number], zoom: number): boolean {
    this.fitted = null;
    this.own = { center, zoom };
    if (!this.map) return true;
    this.map.easeTo({ center, zoom, bearing: 0, pitch: 0, animate: !prefersReducedMotion() });
    return false;
  }

  /** After maplibre resized: keeps the level fitted until the reader has moved the map. */
  refit(): void {
    if (this.map && this.fitted) this.map.fitBounds(this.fitted.bbox, { padding: this.fitted.padding, animate: false });
  }

  /** The camera to draw with on a `width` × `height` map showing a level of `levelBbox` (if any). */
  current(width: number, height: number, levelBbox: BBox | null): MercatorCamera {
    const map = this.map;
    if (map) {
      const { lng, lat } = map.getCenter();
      return cameraAt([lng, lat], map.getZoom());
    }
    const own = this.own;
    if (own && 'center' in own) return cameraAt(own.center, own.zoom);
    return fitCamera(own?.bbox ?? levelBbox ?? SWEDEN, width, height, own?.padding ?? this.padding);
  }

  /** A move by the reader (it has an original event) ends the kept fit. */
  private readonly handleMoveStart = (event: { originalEvent?: unknown }): void => {
    if (event.originalEvent) this.fitted = null;
  };
}
