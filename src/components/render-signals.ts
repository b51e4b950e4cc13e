/**
 * The signals tests and the benchmark wait on: once the map has drawn the current colours, the
 * document gets `data-map-ready`, `data-map-ready-at` and `data-map-key`, and the first time the
 * window hears `klyft:first-map` (main.ts starts the offline cache then).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { KlyftMapView } from './klyft-map-view';

/** What the signals read from the shell. */
export interface SignalSource {
  mapView(): KlyftMapView | null;
  /** The key of the colours the map should show now. */
  colorKey(): string;
  /** Called after every drawn map (the first one too). */
  mapDrawn(): void;
}

/** Marks the document after each update once the map has drawn the current colours. */
export class RenderSignals implements ReactiveController {
  private signalledKey = '';
  private firstDrawn = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly source: SignalSource,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    void this.signal();
  }

  private async signal(): Promise<void> {
    const mapView = this.source.mapView();
    const key = this.source.colorKey();
    if (!mapView || key === this.signalledKey) return;
    this.signalledKey = key;
    await mapView.whenReady();
    await mapView.whenRendered();
    if (key !== this.source.colorKey()) return;
    const root = document.documentElement.dataset;
    // Attribute writes on <html> invalidate style: write only what changed.
    if (root.mapReady !== 'true') {
      root.mapReadyAt = String(Math.round(performance.now()));
      root.mapReady = 'true';
    }
    if (root.mapKey !== key) root.mapKey = key;
    if (!this.firstDrawn) window.dispatchEvent(new Event('klyft:first-map'));
    this.firstDrawn = true;
    this.source.mapDrawn();
  }
}
