/**
 * The first paint: draws the view the address asks for on a 2D canvas before Lit, maplibre or
 * any panel has loaded. It fetches the catalogue, the basemap, the level's TopoJSON and the
 * indicator's values at once (the files are named by the data build's scheme, confirmed by the
 * catalogue), colours them with the app's own `mapColors`, and draws them with the app's
 * MapController in the placeholder page of index.html. The app's map view then takes that
 * controller over (handover.ts): the loaders' caches are shared, so the app refetches nothing.
 */
import { LoadError, loadBasemap, loadJson, loadLevel } from '../data/load';
import type { Catalogue, IndicatorValues } from '../data/types';
import { findIndicator, findLevel, urlContext } from '../state/app-data';
import { mapColors } from '../state/map-colors';
import { joinIndicator } from '../state/selectors';
import { decodeViewState } from '../state/url-codec';
import { MapController } from '../map/map-controller';
import { offerFirstPaint } from './handover';
import { markFirstPaint } from './paint-marker';
import { guessedFiles, planFirstPaint } from './plan';

/** What the first paint did: drew the map (with its colour key), or left the first frame to the app. */
export type FirstPaintResult = { drawn: true; levelId: string; colorKey: string } | { drawn: false; reason: string };

/** Draws the first choropleth for `search` into `container`; never rejects. */
export async function paintFirstView(base: string, search: string, container: HTMLElement, release: () => void): Promise<FirstPaintResult> {
  const plan = planFirstPaint(search);
  if (!plan.draw) return { drawn: false, reason: plan.reason };
  // User-timing marks: where the first paint's time goes (read by `npx tsx bench/run.ts`).
  performance.mark('klyft:first-paint:start');
  try {
    const catalogueRequest = loadJson<Catalogue>(base, 'catalogue.json');
    // Start every download now; the catalogue confirms the names (a wrong guess only costs a 404).
    const guess = guessedFiles(plan.level, plan.indicator);
    const early = guess ? [loadJson(base, guess.geometry), loadJson(base, guess.values)] : [];
    for (const request of early) request.catch(() => undefined);
    const catalogue = await catalogueRequest;
    performance.mark('klyft:first-paint:catalogue');
    const { state } = decodeViewState(search, urlContext(catalogue));
    if (state.view !== 'map' || state.mode !== 'level') return { drawn: false, reason: 'view' };
    const levelMeta = findLevel(catalogue, state.level);
    if (!levelMeta) return { drawn: false, reason: 'level' };
    const indicator = findIndicator(catalogue, state.indicator);
    const valuesFile = indicator?.levels[state.level]?.file;
    const [geometry, values] = await Promise.all([
      loadLevel(base, levelMeta),
      valuesFile ? loadJson<IndicatorValues>(base, valuesFile) : Promise.resolve(null),
    ]);
    performance.mark('klyft:first-paint:data');
    const count = geometry.codes.length;
    const { colors, key } = mapColors({ view: state, series: values ? joinIndicator(geometry.codes, values) : null, indicator, count, levelId: levelMeta.id });
    const controller = new MapController();
    controller.setLevel(levelMeta.id, geometry.areas, geometry.outlines, levelMeta.bbox, geometry.areaBorders ?? null);
    controller.setColors(colors, key);
    const selected = state.area === null ? null : (geometry.indexByCode.get(state.area) ?? null);
    controller.setHighlight(null, selected);
    controller.setEmphasis(state.highlight.map((code) => geometry.indexByCode.get(code)).filter((i): i is number => i !== undefined));
    controller.attach(container, { interactive: false, linesLater: true });
    performance.mark('klyft:first-paint:drawn');
    offerFirstPaint({ controller, levelId: levelMeta.id, release });
    await markFirstPaint();
    // The basemap (neighbouring land, sea) follows: the classed map does not wait for it, on the
    // page's sea-coloured background, and its download and parsing do not compete with the areas'.
    void loadBasemap(base, catalogue.basemap).then((b) => controller.setBasemap(b), () => undefined);
    return { drawn: true, levelId: levelMeta.id, colorKey: key };
  } catch (error) {
    // The app reports load errors itself, in the reader's language.
    return { drawn: false, reason: error instanceof LoadError ? `load: ${error.file}` : String(error) };
  }
}
