/** The map's canvas elements: stacked over maplibre's canvas, and composed into one for an export. */

/** A canvas that covers the map, above maplibre's canvas and below its controls; pointer input passes to maplibre. */
export function createLayerCanvas(className: string): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.className = className;
  canvas.setAttribute('aria-hidden', 'true');
  canvas.style.cssText = 'position:absolute;left:0;top:0;width:100%;height:100%;pointer-events:none;';
  return canvas;
}

/** Draws `layers` (one backing-store size) over `base` (scaled to it, if any) into a new canvas. */
export function composeCanvases(base: HTMLCanvasElement | null, layers: readonly HTMLCanvasElement[]): HTMLCanvasElement | null {
  const first = layers[0];
  if (!first) return null;
  const out = document.createElement('canvas');
  out.width = first.width;
  out.height = first.height;
  const ctx = out.getContext('2d');
  if (!ctx) return null;
  if (base) ctx.drawImage(base, 0, 0, out.width, out.height);
  for (const layer of layers) ctx.drawImage(layer, 0, 0);
  return out;
}
