/**
 * Story scene effects on the map, loaded with presenter mode (not part of the first view):
 * several highlighted areas (outlined and labelled) and a colour fade when the presenter moves
 * to another scene. Ordinary year changes never fade: a fade is asked for per colour change.
 */
import type { MapController } from './map-controller';

/** What the effects need of the map (MapController; a stand-in in unit tests). */
export type EffectsMap = Pick<MapController, 'setColors' | 'fadeColors' | 'setEmphasis' | 'areaNames' | 'fading' | 'maplibreMap'>;

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** The scene effects of one map; the map view hands it the controller and every colour change. */
export class SceneEffects {
  /** Milliseconds the next colour change fades (set by the app for a scene change; 0 = instant). */
  fadeMs = 0;
  private controller: EffectsMap | null = null;
  private highlight: number[] = [];
  private colors: Uint8Array | null = null;

  /** Starts working on a map showing `colors` now. */
  attach(controller: EffectsMap, colors: Uint8Array | null): void {
    this.controller = controller;
    this.colors = colors;
    controller.setEmphasis(this.highlight);
  }

  detach(): void {
    this.controller?.setEmphasis([]);
    this.controller = null;
  }

  /** Outlines and labels these areas (indices into the level); [] for none. */
  setHighlight(indices: readonly number[]): void {
    if (indices.length === this.highlight.length && indices.every((v, i) => v === this.highlight[i])) return;
    this.highlight = [...indices];
    this.controller?.setEmphasis(this.highlight);
  }

  /** Names of the outlined areas (for tests and the screen-reader text). */
  highlightNames(): string[] {
    return this.controller?.areaNames([...new Set(this.highlight)]) ?? [];
  }

  /** Whether the camera or the colours are animating now. */
  animating(): { camera: boolean; colors: boolean } {
    return { camera: this.controller?.maplibreMap?.isMoving() ?? false, colors: this.controller?.fading ?? false };
  }

  /**
   * Recolours the map, fading when `fadeMs` asks for it (not for reduced motion, a new level, or
   * before the first colours).
   */
  setColors(colors: Uint8Array, key: string, newLevel: boolean): void {
    const controller = this.controller;
    if (!controller) return;
    const previous = this.colors;
    this.colors = colors;
    const ms = this.fadeMs;
    if (ms <= 0 || newLevel || !previous || previous.length !== colors.length || prefersReducedMotion()) controller.setColors(colors, key);
    else controller.fadeColors(colors, key, ms);
    // The level's new areas are outlined again (setLevel cleared them).
    if (newLevel) controller.setEmphasis(this.highlight);
  }
}
