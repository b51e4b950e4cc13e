/**
 * The first paint: draws the view the address asks for on a 2D canvas before Lit, maplibre or
 * any panel has loaded. It fetches the first-view manifest (the catalogue's slice it needs,
 * manifest.ts), the level's TopoJSON and the indicator's values at once (the files are named by
 * the data build's scheme, confirmed by the manifest), colours them with the app's own
 * `mapColors`, and draws them with the app's MapController in the placeholder page of
 * index.html, straight from the topology (topology-level.ts). The app's map view then takes that
 * controller over (handover.ts); the loaders' caches are shared, so the app refetches nothing.
 */
import type { Topology } from 'topojson-specification';
import { LoadError, loadBasemap, loadJson } from '../data/load';
import type { IndicatorValues } from '../data/types';
import { urlContext } from '../state/app-data';
import { mapColors } from '../state/map-colors';
import { joinIndicator } from '../state/selectors';
import { decodeViewState } from '../state/url-codec';
import { MapController } from '../map/map-controller';
import { prepareTopologyLevel } from '../map/topology-level';
import { offerFirstPaint } from './handover';
import type { FirstViewManifest } from './manifest';
import { markFirstPaint } from './paint-marker';
import { guessedFiles, planFirstPaint } from './plan';

/** What the first paint did: drew the map (with its colour key), or left the first frame to the app. */
export type FirstPaintResult = { drawn: true; levelId: string; colorKey: string } | { drawn: false; reason: string };

/** The first paint's manifest, next to the catalogue (index.html preloads it). */
export const FIRST_VIEW_MANIFEST = 'first-view.json';

/** Draws the first choropleth for `search` into `container`; never rejects. */
export async function paintFirstView(base: string, search: string, container: HTMLElement, release: () => void): Promise<FirstPaintResult> {
  const plan = planFirstPaint(search);
  if (!plan.draw) return { drawn: false, reason: plan.reason };
  // User-timing marks: where the first paint's time goes (read by `npx tsx bench/trace-first-paint.mts`).
  performance.mark('klyft:first-paint:start');
  try {
    const manifestRequest = loadJson<FirstViewManifest>(base, FIRST_VIEW_MANIFEST);
    // Start every download now; the manifest confirms the names (a wrong guess only costs a 404).
    const guess = guessedFiles(plan.level, plan.indicator);
    const early = guess ? [loadJson(base, guess.geometry), loadJson(base, guess.values)] : [];
    for (const request of early) request.catch(() => undefined);
    const manifest = await manifestRequest;
    performance.mark('klyft:first-paint:manifest');
    const { state } = decodeViewState(search, urlContext(manifest));
    if (state.view !== 'map' || state.mode !== 'level') return { drawn: false, reason: 'view' };
    const levelMeta = manifest.levels.find((l) => l.id === state.level);
    if (!levelMeta) return { drawn: false, reason: 'level' };
    const indicator = manifest.indicators.find((i) => i.id === state.indicator);
    const valuesFile = indicator?.levels[state.level]?.file;
    // The raw topology (the app's loader converts the same cached download to GeoJSON later).
    const [topology, values] = await Promise.all([
      loadJson<Topology>(base, levelMeta.file),
      valuesFile ? loadJson<IndicatorValues>(base, valuesFile) : Promise.resolve(null),
    ]);
    performance.mark('klyft:first-paint:data');
    const { level, codes } = prepareTopologyLevel(topology, levelMeta.outlines, levelMeta.bbox);
    performance.mark('klyft:first-paint:prepared');
    const indexByCode = new Map(codes.map((code, i) => [code, i]));
    const { colors, key } = mapColors({
      view: state,
      series: values ? joinIndicator(codes, values) : null,
      indicator,
      count: codes.length,
      levelId: levelMeta.id,
    });
    performance.mark('klyft:first-paint:colours');
    const controller = new MapController();
    controller.showPreparedLevel(levelMeta.id, level, levelMeta.bbox);
    controller.setColors(colors, key);
    const selected = state.area === null ? null : (indexByCode.get(state.area) ?? null);
    controller.setHighlight(null, selected);
    controller.setEmphasis(state.highlight.map((code) => indexByCode.get(code)).filter((i): i is number => i !== undefined));
    performance.mark('klyft:first-paint:setup');
    controller.attach(container, { interactive: false, linesLater: true });
    performance.mark('klyft:first-paint:drawn');
    offerFirstPaint({ controller, levelId: levelMeta.id, release });
    await markFirstPaint();
    // The basemap (neighbouring land, sea) follows: the classed map does not wait for it, on the
    // page's sea-coloured background, and its download and parsing do not compete with the areas'.
    void loadBasemap(base, manifest.basemap).then(
      (b) => controller.setBasemap(b),
      () => undefined,
    );
    return { drawn: true, levelId: levelMeta.id, colorKey: key };
  } catch (error) {
    // The app reports load errors itself, in the reader's language.
    return { drawn: false, reason: error instanceof LoadError ? `load: ${error.file}` : String(error) };
  }
}
