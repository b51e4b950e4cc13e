/**
 * The film download: the years of the played scene (or all years of the indicator) recorded as a
 * WebM film. Each year is drawn and captured first, then the frames are played to the recorder.
 */
import { composeFrame, FRAME_HEIGHT, FRAME_WIDTH, recordFrames } from '../../export/timelapse';
import { saveBlob, slug } from '../../export/save-blob';
import { fill, strings } from '../../i18n';
import { legendEntries } from '../../i18n/legend';
import type { ReactiveControllerHost } from 'lit';
import type { AppController } from '../../app/app-controller';
import type { KlyftMapView } from '../../components/klyft-map-view';
import type { StoryController } from './story-controller';

/** What a recording needs: the app, the map, the presenter, and where to show its progress. */
export interface FilmTarget {
  readonly app: AppController;
  readonly host: ReactiveControllerHost & { mapView(): KlyftMapView | null };
  readonly story: StoryController;
  busy: boolean;
  setStatus(status: string): void;
}

/** Records the film at `secondsPerYear` and saves it; progress and errors go to `film.setStatus`. */
export async function recordFilm(film: FilmTarget, secondsPerYear: number): Promise<void> {
  const { app, host, story } = film;
  const lang = app.view.lang;
  const t = strings(lang).presenter;
  const loaded = app.loaded;
  const indicator = loaded?.indicator;
  const mapView = host.mapView();
  if (!loaded?.series || !indicator || !mapView || film.busy) return;
  const presenter = story.presenter;
  const player = presenter.player;
  const years = player?.scene.play && presenter.active ? player.years : loaded.series.years;
  const original = app.view.year;
  film.busy = true;
  try {
    const source = app.catalogue?.sources.find((s) => s.id === indicator.source);
    const frames: HTMLCanvasElement[] = [];
    if (!presenter.active) {
      // Show the whole level above the film's caption band, whatever the reader zoomed to (the fit may animate).
      const h = mapView.clientHeight;
      mapView.fitLevel({ top: Math.round(h * 0.04), bottom: Math.round(h * 0.2), left: 16, right: 16 });
      await new Promise((resolve) => setTimeout(resolve, 1200));
    }
    for (const [i, year] of years.entries()) {
      film.setStatus(fill(t.filmRecording, { done: i + 1, count: years.length }));
      // Frames are not steps the reader can go back to: the URL entry is rewritten, and restored after.
      app.set({ year }, 'replace');
      await host.updateComplete;
      const image = await mapView.captureCanvas();
      if (!image) throw new Error('no map canvas');
      const frame = document.createElement('canvas');
      frame.width = FRAME_WIDTH;
      frame.height = FRAME_HEIGHT;
      const vm = app.viewModel();
      composeFrame(frame.getContext('2d')!, image, {
        title: indicator.name[lang],
        year: String(year),
        caption: presenter.active ? (story.sceneTexts().caption ?? '') : (vm.gap?.summary ?? ''),
        legendTitle: indicator.short[lang],
        legend: [
          ...(vm.levelScale ? legendEntries(vm.levelScale, indicator.unit, indicator.decimals, lang) : []),
          { color: '#969696', label: strings(lang).legend.noData },
        ],
        source: `${source?.attribution[lang] ?? indicator.source} · ${location.origin}${location.pathname}`,
      });
      frames.push(frame);
    }
    if (!presenter.active) mapView.fitLevel();
    film.setStatus(t.filmEncoding);
    const blob = await recordFrames(frames, secondsPerYear);
    saveBlob(blob, `klyftkartan-${slug(indicator.short[lang])}-${years[0]}-${years[years.length - 1]}.webm`);
    film.setStatus(t.filmDone);
  } catch (error) {
    film.setStatus(fill(t.filmFailed, { reason: error instanceof Error ? error.message : String(error) }));
  } finally {
    app.set({ year: original }, 'replace');
    film.busy = false;
    host.requestUpdate();
  }
}
