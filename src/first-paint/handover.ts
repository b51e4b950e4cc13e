/**
 * The first paint's hand-over to the app: main.ts offers the map controller that drew the first
 * choropleth; the app's map view takes it (if it shows the same level) and moves its canvas into
 * itself, so the map never disappears between the first paint and the interactive map.
 */
import type { MapController } from '../map/map-controller';

interface Offer {
  controller: MapController;
  levelId: string;
  /** Removes the first paint's placeholder page around the map. */
  release: () => void;
}

let offer: Offer | null = null;

/** Offers the controller that drew the first paint. */
export function offerFirstPaint(next: Offer): void {
  offer = next;
}

/**
 * The first paint's controller if it shows `levelId` (taken once; the placeholder is removed
 * after the caller has moved the map), else null.
 */
export function takeFirstPaint(levelId: string | undefined): { controller: MapController; release: () => void } | null {
  const current = offer;
  if (!current || current.levelId !== levelId) return null;
  offer = null;
  return { controller: current.controller, release: current.release };
}

/** Drops an offer nobody took (the app shows another view) and removes the placeholder. */
export function withdrawFirstPaint(): void {
  const current = offer;
  offer = null;
  if (!current) return;
  current.controller.dispose();
  current.release();
}
