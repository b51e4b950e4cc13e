import { describe, expect, it } from 'vitest';
import { threeAreas } from './map-fixtures';
import { choroplethLayers, DECK_LAYER_IDS, DEFAULT_OUTLINE_STYLE, isChoroplethLayerId, prepareAreas } from '../../src/map/layers';
import { SCENE_HIGHLIGHT_LAYER_IDS, SceneEffects, sceneHighlightData, sceneHighlightLayers } from '../../src/map/scene-effects';
import type { MapController } from '../../src/map/map-controller';


describe('sceneHighlightData / sceneHighlightLayers (a scene highlighting several areas)', () => {
  it('outlines every ring of every highlighted area and labels each area once', () => {
    const areas = prepareAreas('kommun', threeAreas());
    const data = sceneHighlightData(areas, [0, 2, 0]);
    // Area 0: one ring; area 2: a MultiPolygon of two rings.
    expect(data.rings).toHaveLength(3);
    expect(data.rings[0]![0]).toEqual([0, 0]);
    expect(data.labels.map((l) => l.name)).toEqual(['Åmål', 'Öckerö']);
    const layers = sceneHighlightLayers(data, DEFAULT_OUTLINE_STYLE);
    expect(layers.map((l) => l.id)).toEqual([SCENE_HIGHLIGHT_LAYER_IDS.outline, SCENE_HIGHLIGHT_LAYER_IDS.labels]);
    expect((layers[0]!.props as unknown as { data: unknown }).data).toBe(data.rings);
    expect((layers[1]!.props as unknown as { data: unknown }).data).toBe(data.labels);
  });

  it('skips indices outside the level and leaves labelling to the selection layers for the selected area', () => {
    const areas = prepareAreas('kommun', threeAreas());
    const data = sceneHighlightData(areas, [1, 7, -1, 2], [2, null]);
    expect(data.rings).toHaveLength(3);
    expect(data.labels.map((l) => l.name)).toEqual(['Borås']);
    expect(data.key).toBe('kommun|1,2|2,');
  });

  it('gives no layers for no highlighted areas', () => {
    const areas = prepareAreas('kommun', threeAreas());
    expect(sceneHighlightLayers(sceneHighlightData(areas, []), DEFAULT_OUTLINE_STYLE)).toEqual([]);
  });
});


/** A stand-in controller recording what the effects hand it. */
function fakeController() {
  const calls: { colors: Uint8Array; key: string }[] = [];
  let extensionSet = 0;
  const controller = {
    setColors: (colors: Uint8Array, key: string) => calls.push({ colors, key }),
    setExtension: () => extensionSet++,
    maplibreMap: null,
  } as unknown as MapController;
  return { controller, calls, extensions: () => extensionSet };
}

describe('SceneEffects: colour fades only when asked for', () => {
  const areas = prepareAreas('kommun', threeAreas());
  const base = () =>
    choroplethLayers({ areas, colors: new Uint8Array(12), colorKey: 'k|2013', hoveredIndex: null, selectedIndex: null });
  const state = { areas, hoveredIndex: null, selectedIndex: null, style: DEFAULT_OUTLINE_STYLE };

  it('passes colours straight through when no fade is asked for (ordinary year changes)', () => {
    const { controller, calls } = fakeController();
    const effects = new SceneEffects();
    effects.attach(controller, new Uint8Array(12));
    const next = new Uint8Array(12).fill(9);
    effects.setColors(next, 'k|2014', false);
    expect(calls).toEqual([{ colors: next, key: 'k|2014' }]);
    const choropleth = effects.layers(base(), state).find((l) => isChoroplethLayerId(l.id))!;
    expect(choropleth.props.transitions).toBeFalsy();
    expect(effects.animating().colors).toBe(false);
  });

  it('arms a fade first (old colours, transitions, a fresh trigger) and holds the new colours back', () => {
    const { controller, calls } = fakeController();
    const effects = new SceneEffects();
    effects.attach(controller, new Uint8Array(12));
    effects.fadeMs = 700;
    effects.setColors(new Uint8Array(12).fill(9), 'k|2022', false);
    expect(calls).toEqual([]);
    expect(effects.animating().colors).toBe(true);
    const choropleth = effects.layers(base(), state).find((l) => isChoroplethLayerId(l.id))!;
    expect(choropleth.props.transitions).toMatchObject({ getFillColor: { duration: 700 } });
    expect((choropleth.props.updateTriggers as Record<string, string>)['getFillColor']).toMatch(/^k\|2013\|fade\d+$/);
    // deck has not processed the armed layer yet: the colours still wait.
    effects.afterRender();
    expect(calls).toEqual([]);
  });

  it('never fades with prefers-reduced-motion: reduce', () => {
    const original = globalThis.matchMedia;
    globalThis.matchMedia = ((query: string) => ({ matches: query === '(prefers-reduced-motion: reduce)' })) as unknown as typeof matchMedia;
    try {
      const { controller, calls } = fakeController();
      const effects = new SceneEffects();
      effects.attach(controller, new Uint8Array(12));
      effects.fadeMs = 700;
      effects.setColors(new Uint8Array(12).fill(9), 'k|2022', false);
      expect(calls.map((c) => c.key)).toEqual(['k|2022']);
      expect(effects.animating().colors).toBe(false);
    } finally {
      globalThis.matchMedia = original;
    }
  });

  it('never fades for a new level or colours of another length', () => {
    const { controller, calls } = fakeController();
    const effects = new SceneEffects();
    effects.attach(controller, new Uint8Array(12));
    effects.fadeMs = 700;
    effects.setColors(new Uint8Array(12), 'a', true);
    effects.setColors(new Uint8Array(8), 'b', false);
    expect(calls.map((c) => c.key)).toEqual(['a', 'b']);
  });
});

describe('SceneEffects: highlighted areas', () => {
  it('adds outline and label layers above the choropleth for the highlighted areas only', () => {
    const areas = prepareAreas('kommun', threeAreas());
    const { controller } = fakeController();
    const effects = new SceneEffects();
    effects.attach(controller, null);
    const own = choroplethLayers({ areas, colors: new Uint8Array(12), colorKey: 'k', hoveredIndex: null, selectedIndex: null });
    const state = { areas, hoveredIndex: null, selectedIndex: null, style: DEFAULT_OUTLINE_STYLE };
    expect(effects.layers(own, state).map((l) => l.id)).toEqual(own.map((l) => l.id));
    effects.setHighlight([2, 0]);
    const ids = effects.layers(own, state).map((l) => l.id);
    expect(ids.slice(-2)).toEqual([SCENE_HIGHLIGHT_LAYER_IDS.outline, SCENE_HIGHLIGHT_LAYER_IDS.labels]);
    expect(effects.highlightNames()).toEqual(['Öckerö', 'Åmål']);
  });
});

describe('SceneEffects: a fade never carries over to another level', () => {
  it('drops a running fade (and colours it held back) when the layers arrive for other geometry', () => {
    const kommun = prepareAreas('kommun', threeAreas());
    const other = prepareAreas('gbg-deso', threeAreas());
    const layersFor = (areas: typeof kommun) =>
      choroplethLayers({ areas, colors: new Uint8Array(12), colorKey: 'k|2013', hoveredIndex: null, selectedIndex: null });
    const { controller, calls } = fakeController();
    const effects = new SceneEffects();
    effects.attach(controller, new Uint8Array(12));
    effects.layers(layersFor(kommun), { areas: kommun, hoveredIndex: null, selectedIndex: null, style: DEFAULT_OUTLINE_STYLE });
    effects.fadeMs = 700;
    effects.setColors(new Uint8Array(12).fill(9), 'k|2022', false);
    expect(effects.animating().colors).toBe(true);
    const choropleth = effects.layers(layersFor(other), { areas: other, hoveredIndex: null, selectedIndex: null, style: DEFAULT_OUTLINE_STYLE }).find((l) => isChoroplethLayerId(l.id))!;
    expect(choropleth.props.transitions).toBeFalsy();
    expect(effects.animating().colors).toBe(false);
    effects.afterRender();
    expect(calls).toEqual([]);
  });
});
