/** The map's canvas elements: stacked over maplibre's canvas, and composed into one for an export. */

/** A canvas that covers the map, above maplibre's canvas and below its controls; pointer input passes to maplibre. */
export function createLayerCanvas(className: string): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.className = className;
  canvas.setAttribute('aria-hidden', 'true');
  canvas.style.cssText = 'position:absolute;left:0;top:0;width:100%;height:100%;pointer-events:none;';
  return canvas;
}

/** A canvas placed in the composed image, at a device-pixel offset. */
export interface PlacedCanvas {
  canvas: HTMLCanvasElement;
  x: number;
  y: number;
}

/** Draws `layers` (each at its offset) over `base` (scaled to the size, if any) into a new `width`×`height` canvas. */
export function composeCanvases(base: HTMLCanvasElement | null, layers: readonly PlacedCanvas[], width: number, height: number): HTMLCanvasElement | null {
  if (!layers.length) return null;
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const ctx = out.getContext('2d');
  if (!ctx) return null;
  if (base) ctx.drawImage(base, 0, 0, out.width, out.height);
  for (const { canvas, x, y } of layers) ctx.drawImage(canvas, x, y);
  return out;
}
