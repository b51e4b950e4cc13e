/** The shipped example story: valid, every placeholder known, and filled correctly from the real data. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AreaProperties, Catalogue, IndicatorValues, LevelId } from '../../src/data/types';
import { findPlaceholders, fillPlaceholders, type PlaceholderContext } from '../../src/story/placeholders';
import { validateStory, type Scene, type Story } from '../../src/story/story';
import { gapSeries } from '../../src/stats/gap';
import { populationIndicatorFor } from '../../src/state/app-data';
import { joinIndicator, weightsByYear } from '../../src/state/selectors';
import { shippedPath } from '../../scripts/build-data';

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const catalogue = readJson<Catalogue>('public/data/catalogue.json');
const storyJson = readJson<unknown>('public/stories/example.json');

function loadStory(): Story {
  const result = validateStory(storyJson);
  if ('errors' in result) throw new Error(result.errors.map((e) => e.message.en).join('\n'));
  return result.story;
}

/** The areas of a level in feature order, read straight from its TopoJSON. */
function levelAreas(level: LevelId): AreaProperties[] {
  const meta = catalogue.levels.find((l) => l.id === level)!;
  const topology = readJson<{ objects: { areas: { geometries: { properties: AreaProperties }[] } } }>(shippedPath(meta.file));
  return topology.objects.areas.geometries.map((g) => g.properties);
}

/** What the app loads for a scene, built the way src/state/view-data.ts builds it. */
function sceneContext(scene: Scene): PlaceholderContext {
  const level = scene.view.level!;
  const indicator = catalogue.indicators.find((i) => i.id === scene.view.indicator)!;
  const areas = levelAreas(level);
  const codes = areas.map((a) => a.code);
  const series = joinIndicator(codes, readJson<IndicatorValues>(`public/data/${indicator.levels[level]!.file}`));
  const populationFile = populationIndicatorFor(catalogue, level)?.levels[level]?.file;
  const population = populationFile ? joinIndicator(codes, readJson<IndicatorValues>(`public/data/${populationFile}`)) : null;
  const stats = gapSeries(series, weightsByYear(series, population), indicator);
  return { indicator, level, series, stats, codes, names: areas.map((a) => a.name), measure: scene.view.measure, from: scene.view.from, to: scene.view.to };
}

describe('public/stories/example.json', () => {
  it('passes validateStory', () => {
    expect(validateStory(storyJson)).toHaveProperty('story');
  });

  it('types no numbers in its captions other than years: every figure is a placeholder', () => {
    for (const scene of loadStory().scenes) {
      for (const text of [scene.caption.sv, scene.caption.en]) {
        const outside = text.replace(/\{[^{}]*\}/g, '').replace(/\b(19|20)\d\d\b/g, '');
        expect(outside, text).not.toMatch(/\d/);
      }
    }
  });

  it('uses only known placeholders, and the real data answers every one of them in both languages', () => {
    for (const scene of loadStory().scenes) {
      const context = sceneContext(scene);
      for (const lang of ['sv', 'en'] as const) {
        for (const text of [scene.caption[lang], scene.notes?.[lang] ?? '']) {
          expect(
            findPlaceholders(text).every((p) => p.placeholder !== null),
            text,
          ).toBe(true);
          const filled = fillPlaceholders(text, context, lang);
          expect(filled, `${scene.id} ${lang}`).not.toMatch(/\[(okänd platshållare|saknas i data|unknown placeholder|not in the data)/);
          expect(filled).not.toMatch(/[{}]/);
        }
      }
    }
  });

  it("fills scene 1's gap with the population-weighted fifth gap computed here from the raw files", () => {
    const scene = loadStory().scenes[0]!;
    expect(scene.view).toMatchObject({ level: 'kommun', indicator: 'kolada-n66077', year: 2011 });
    // Independently: kommuner sorted by the share, then the mean over the lowest and the highest
    // 20 % of the population (the area at the boundary counted in part).
    const values = readJson<IndicatorValues>('public/data/values/kommun/kolada-n66077.json');
    const population = readJson<IndicatorValues>('public/data/values/kommun/kolada-n01951.json');
    const onMap = new Set(levelAreas('kommun').map((a) => a.code));
    const popByCode = new Map(population.codes.map((code, i) => [code, population.values[population.years.indexOf(2011)]![i]]));
    const row = values.values[values.years.indexOf(2011)]!;
    const areas = values.codes
      .map((code, i) => ({ code, value: row[i], weight: popByCode.get(code) }))
      .filter(
        (a): a is { code: string; value: number; weight: number } =>
          onMap.has(a.code) && typeof a.value === 'number' && typeof a.weight === 'number' && a.weight > 0,
      )
      .sort((a, b) => a.value - b.value);
    expect(areas.length).toBeGreaterThan(280);
    const total = areas.reduce((s, a) => s + a.weight, 0);
    const tail = (ordered: typeof areas): number => {
      let taken = 0;
      let sum = 0;
      for (const a of ordered) {
        const w = Math.min(a.weight, total / 5 - taken);
        if (w <= 0) break;
        sum += w * a.value;
        taken += w;
      }
      return sum / taken;
    };
    const gap = tail([...areas].reverse()) - tail(areas);
    expect(gap).toBeGreaterThan(5);

    const filled = fillPlaceholders(scene.caption.sv, sceneContext(scene), 'sv');
    const shown = /skillnaden (\S+)\u00a0procentenheter/.exec(filled)?.[1];
    expect(shown, filled).toBe(String(Math.round(gap)));
    const filledEn = fillPlaceholders(scene.caption.en, sceneContext(scene), 'en');
    expect(filledEn).toContain(`the gap was ${Math.round(gap)}\u00a0percentage points`);
  });
});
