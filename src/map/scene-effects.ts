/**
 * Story scene effects on the map, loaded with presenter mode (not part of the first view):
 * several highlighted areas (outlined and labelled) and a colour fade when the presenter moves
 * to another scene. Ordinary year changes never fade: a fade is asked for per colour change.
 */
import { TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { AREA_LABEL_STYLE, geometryPaths, isChoroplethLayerId, type AreaLabel, type AreaLayerData, type OutlineStyle, type Path } from './layers';
import type { MapController, MapExtension } from './map-controller';
import { MeshLinesLayer } from './mesh-lines-layer';

/** Layer ids of a story scene's highlighted areas. */
export const SCENE_HIGHLIGHT_LAYER_IDS = {
  outline: 'scene-highlight',
  labels: 'scene-highlight-labels',
} as const;

/** Outlines and labels of a scene's highlighted areas, built once per level and set of areas. */
export interface SceneHighlightData {
  key: string;
  rings: Path[];
  labels: AreaLabel[];
}

const NO_DEPTH = { depthCompare: 'always', depthWriteEnabled: false } as const;

/**
 * The outline rings and labels of several areas (indices into the level). Indices outside the
 * level are skipped; `unlabelled` areas (the hovered or selected one, labelled by the
 * choropleth layers already) get an outline but no second label.
 */
export function sceneHighlightData(areas: AreaLayerData, indices: readonly number[], unlabelled: readonly (number | null)[] = []): SceneHighlightData {
  const valid = [...new Set(indices)].filter((i) => Number.isInteger(i) && i >= 0 && i < areas.features.length);
  const rings = geometryPaths(valid.map((i) => areas.features[i]?.geometry));
  const labels: AreaLabel[] = [];
  for (const index of valid) {
    const name = areas.names[index];
    const position = areas.labelPoints[index];
    if (name === undefined || position === undefined || unlabelled.includes(index)) continue;
    labels.push({ index, name, position, selected: true });
  }
  return { key: `${areas.levelId}|${valid.join(',')}|${unlabelled.join(',')}`, rings, labels };
}

/** deck.gl layers for a scene's highlighted areas: the selection outline (3 px) and a label per area. */
export function sceneHighlightLayers(data: SceneHighlightData, style: OutlineStyle): Layer[] {
  if (data.rings.length === 0) return [];
  const outline = new MeshLinesLayer({ id: SCENE_HIGHLIGHT_LAYER_IDS.outline, data: data.rings, color: style.selected, width: 3, parameters: NO_DEPTH });
  const labels = new TextLayer<AreaLabel>({
    id: SCENE_HIGHLIGHT_LAYER_IDS.labels,
    data: data.labels,
    getPosition: (d) => d.position,
    getText: (d) => d.name,
    getSize: 20,
    // Above the area, so a small area (a city at national scale) keeps its outline visible.
    getPixelOffset: [0, -18],
    ...AREA_LABEL_STYLE,
    fontWeight: 700,
    outlineColor: [255, 255, 255, 235],
  });
  return [outline, labels];
}

/**
 * A running colour fade. deck.gl creates an attribute transition only when the attribute
 * updates with `transitions` set (a change of `transitions` alone is not diffed), and a new
 * transition starts at the new values. So the fill colours are first updated once with
 * `transitions`, the old colours and a fresh update trigger ("arming"); the new colours follow
 * after deck has drawn that.
 */
interface Fade {
  ms: number;
  /** performance.now() when the fade ends (0 while arming). */
  until: number;
  /** The choropleth layer given to deck with `transitions`; deck gives it internalState once processed. */
  armed: Layer | null;
  /** Colours waiting for the armed layer to be processed. */
  pending: { colors: Uint8Array; key: string } | null;
  /** The level the fade belongs to: a fade never carries over to other geometry. */
  areas: AreaLayerData | null;
}

/** Slow in, slow out (t in 0..1). */
function easeInOut(t: number): number {
  return t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** The scene effects of one map; the map view hands it the controller and every colour change. */
export class SceneEffects implements MapExtension {
  /** Milliseconds the next colour change fades (set by the app for a scene change; 0 = instant). */
  fadeMs = 0;
  private controller: MapController | null = null;
  private highlight: number[] = [];
  private highlightCache: SceneHighlightData | null = null;
  private areas: AreaLayerData | null = null;
  private fade: Fade | null = null;
  private fadeTrigger = '';
  private fadeCount = 0;
  private colors: Uint8Array | null = null;

  /** Starts working on a map showing `colors` now. */
  attach(controller: MapController, colors: Uint8Array | null): void {
    this.controller = controller;
    this.colors = colors;
    controller.setExtension(this);
  }

  detach(): void {
    this.controller?.setExtension(null);
    this.controller = null;
    this.fade = null;
    this.fadeTrigger = '';
  }

  /** Outlines and labels these areas (indices into the level); [] for none. */
  setHighlight(indices: readonly number[]): void {
    if (indices.length === this.highlight.length && indices.every((v, i) => v === this.highlight[i])) return;
    this.highlight = [...indices];
    this.controller?.setExtension(this);
  }

  /** Names of the outlined areas (for tests and the screen-reader text). */
  highlightNames(): string[] {
    const areas = this.areas;
    if (!areas) return [];
    return [...new Set(this.highlight)].map((i) => areas.names[i]).filter((name): name is string => name !== undefined);
  }

  /** Whether the camera or the colours are animating now. */
  animating(): { camera: boolean; colors: boolean } {
    const fade = this.fade;
    return { camera: this.controller?.maplibreMap?.isMoving() ?? false, colors: fade !== null && (fade.pending !== null || performance.now() < fade.until) };
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
    if (ms <= 0 || newLevel || !previous || previous.length !== colors.length || prefersReducedMotion()) {
      this.fade = null;
      this.fadeTrigger = '';
      controller.setColors(colors, key);
      return;
    }
    const fade = this.fade;
    if (fade && !fade.pending && fade.armed?.internalState) {
      // Armed already (a fade ran before): fade from the colours shown now.
      fade.ms = ms;
      fade.until = performance.now() + ms;
      controller.setColors(colors, key);
      return;
    }
    this.fade = { ms, until: 0, armed: null, pending: { colors, key }, areas: this.areas };
    this.fadeTrigger = `|fade${++this.fadeCount}`;
    controller.setExtension(this);
  }

  layers(own: Layer[], state: { areas: AreaLayerData; hoveredIndex: number | null; selectedIndex: number | null; style: OutlineStyle }): Layer[] {
    this.areas = state.areas;
    if (this.fade && !this.fade.areas) this.fade.areas = state.areas;
    if (this.fade && this.fade.areas !== state.areas) {
      // A new level arrived while a fade ran (or waited): deck's attribute transition cannot
      // carry over to other geometry (it leaves the fills drawing from a stale buffer), so the
      // new level is drawn without one, and colours pending for the old level are dropped.
      this.fade = null;
      this.fadeTrigger = '';
    }
    const layers = [...own];
    const fade = this.fade;
    const i = layers.findIndex((l) => isChoroplethLayerId(l.id));
    if (i >= 0 && this.fadeTrigger) {
      const layer = layers[i]!;
      const trigger = (layer.props.updateTriggers as Record<string, unknown>)['getFillColor'];
      const fading = fade !== null && (fade.pending !== null || performance.now() < fade.until);
      const changed = layer.clone({
        updateTriggers: { ...layer.props.updateTriggers, getFillColor: `${String(trigger)}${this.fadeTrigger}` },
        ...(fading ? { transitions: { getFillColor: { duration: fade.ms, easing: easeInOut } } } : {}),
      });
      layers[i] = changed;
      if (fading) fade.armed = changed;
    }
    if (this.highlight.length > 0) {
      const next = sceneHighlightData(state.areas, this.highlight, [state.selectedIndex, state.hoveredIndex]);
      if (this.highlightCache?.key !== next.key) this.highlightCache = next;
      layers.push(...sceneHighlightLayers(this.highlightCache, state.style));
    }
    return layers;
  }

  afterRender(): void {
    const fade = this.fade;
    if (!fade?.pending || !fade.armed?.internalState) return;
    // deck has processed the armed layer: the new colours now fade in from the old ones.
    const { colors, key } = fade.pending;
    fade.pending = null;
    fade.until = performance.now() + fade.ms;
    this.controller?.setColors(colors, key);
  }
}
