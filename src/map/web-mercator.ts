/**
 * Web Mercator as maplibre computes it, so a 2D canvas can draw exactly where maplibre's camera
 * looks: positions in mercator units (0..1 over the world, y down), and the camera that
 * `fitBounds` picks for a box (maplibre 6's cameraForBoxAndBearing without bearing or map padding).
 */

/** [west, south, east, north] in WGS84 degrees. */
export type LonLatBox = [number, number, number, number];

/** A camera: the centre in mercator units and the world's size in CSS pixels (512 · 2^zoom). */
export interface MercatorCamera {
  x: number;
  y: number;
  worldSize: number;
}

/** maplibre's tile size: the world is 512 CSS pixels wide at zoom 0. */
export const WORLD_SIZE_Z0 = 512;

/** Longitude → mercator x (as maplibre's mercatorXfromLng). */
export function mercatorX(lon: number): number {
  return (180 + lon) / 360;
}

/** Latitude → mercator y, 0 at the top (as maplibre's mercatorYfromLat). */
export function mercatorY(lat: number): number {
  return (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360;
}

/** Mercator x → longitude. */
export function lonOf(x: number): number {
  return x * 360 - 180;
}

/** Mercator y → latitude. */
export function latOf(y: number): number {
  return (360 / Math.PI) * Math.atan(Math.exp(((180 - y * 360) * Math.PI) / 180)) - 90;
}

/** Padding around a fitted box in CSS pixels, per side or one for all. */
export type FitPadding = number | { top: number; bottom: number; left: number; right: number };

/**
 * The camera maplibre's `fitBounds(box, { padding })` sets on a `width` × `height` map: the
 * largest zoom at which the box fits inside the padding (capped at `maxZoom`), centred on the
 * middle of the box's diagonal, shifted by uneven padding.
 */
export function fitCamera(box: LonLatBox, width: number, height: number, padding: FitPadding = 0, maxZoom = 22): MercatorCamera {
  const p = typeof padding === 'number' ? { top: padding, bottom: padding, left: padding, right: padding } : padding;
  const [west, south, east, north] = box;
  const x0 = mercatorX(west);
  const x1 = mercatorX(east);
  const y0 = mercatorY(north);
  const y1 = mercatorY(south);
  const scaleX = (width - p.left - p.right) / (x1 - x0);
  const scaleY = (height - p.top - p.bottom) / (y1 - y0);
  const worldSize = Math.min(Math.min(scaleX, scaleY), WORLD_SIZE_Z0 * 2 ** maxZoom);
  // maplibre shifts the centre by half the padding difference, in pixels at the final zoom.
  const offsetX = (p.left - p.right) / 2;
  const offsetY = (p.top - p.bottom) / 2;
  return { x: (x0 + x1) / 2 - offsetX / worldSize, y: (y0 + y1) / 2 - offsetY / worldSize, worldSize };
}

/** The camera of a map at a centre ([lon, lat]) and zoom. */
export function cameraAt(center: [number, number], zoom: number): MercatorCamera {
  return { x: mercatorX(center[0]), y: mercatorY(center[1]), worldSize: WORLD_SIZE_Z0 * 2 ** zoom };
}
