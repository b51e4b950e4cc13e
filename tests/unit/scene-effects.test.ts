import { afterEach, describe, expect, it, vi } from 'vitest';
import { SceneEffects, type EffectsMap } from '../../src/map/scene-effects';

/** A stand-in for the map that records what the effects asked of it. */
function recordingMap(names = ['Åmål', 'Borås', 'Öckerö']) {
  const calls: string[] = [];
  const map: EffectsMap = {
    setColors: (_colors, key) => void calls.push(`set ${key}`),
    fadeColors: (_colors, key, ms) => void calls.push(`fade ${key} ${ms}`),
    setEmphasis: (indices) => void calls.push(`emphasis ${indices.join(',')}`),
    areaNames: (indices) => indices.map((i) => names[i]).filter((n): n is string => n !== undefined),
    fading: false,
    maplibreMap: null,
  };
  return { map, calls };
}

const colors = (v: number) => new Uint8Array(12).fill(v);

afterEach(() => vi.unstubAllGlobals());

describe('SceneEffects: colour fades only when asked for', () => {
  it('passes colours straight through when no fade is asked for (ordinary year changes)', () => {
    const { map, calls } = recordingMap();
    const effects = new SceneEffects();
    effects.attach(map, colors(1));
    effects.setColors(colors(2), 'k|2014', false);
    expect(calls).toEqual(['emphasis ', 'set k|2014']);
  });

  it('fades from the shown colours for fadeMs when a scene asks for it', () => {
    const { map, calls } = recordingMap();
    const effects = new SceneEffects();
    effects.attach(map, colors(1));
    effects.fadeMs = 700;
    effects.setColors(colors(2), 'k|2014', false);
    expect(calls.at(-1)).toBe('fade k|2014 700');
  });

  it('never fades with prefers-reduced-motion: reduce', () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query.includes('reduce') }));
    const { map, calls } = recordingMap();
    const effects = new SceneEffects();
    effects.attach(map, colors(1));
    effects.fadeMs = 700;
    effects.setColors(colors(2), 'k|2014', false);
    expect(calls.at(-1)).toBe('set k|2014');
  });

  it('never fades for a new level, colours of another length, or before the first colours', () => {
    const { map, calls } = recordingMap();
    const effects = new SceneEffects();
    effects.attach(map, null);
    effects.fadeMs = 700;
    effects.setColors(colors(2), 'a', false);
    effects.setColors(colors(3), 'b', true);
    effects.setColors(new Uint8Array(8), 'c', false);
    expect(calls.filter((c) => c.startsWith('fade'))).toEqual([]);
  });
});

describe('SceneEffects: highlighted areas', () => {
  it('asks the map to outline the highlighted areas, and again after a new level replaced them', () => {
    const { map, calls } = recordingMap();
    const effects = new SceneEffects();
    effects.attach(map, colors(1));
    effects.setHighlight([0, 2]);
    effects.setHighlight([0, 2]);
    effects.setColors(colors(2), 'other-level', true);
    expect(calls).toEqual(['emphasis ', 'emphasis 0,2', 'set other-level', 'emphasis 0,2']);
    expect(effects.highlightNames()).toEqual(['Åmål', 'Öckerö']);
  });

  it('removes the outlines when detached', () => {
    const { map, calls } = recordingMap();
    const effects = new SceneEffects();
    effects.attach(map, colors(1));
    effects.setHighlight([1]);
    effects.detach();
    expect(calls.at(-1)).toBe('emphasis ');
    expect(effects.highlightNames()).toEqual([]);
  });
});
