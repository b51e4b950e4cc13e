/**
 * The film download's state for the story menu; the recording itself (film.ts) loads on demand.
 */
import type { ReactiveControllerHost } from 'lit';
import type { AppController } from '../../app/app-controller';
import type { KlyftMapView } from '../../components/klyft-map-view';
import type { FilmTarget } from './film';
import type { StoryController } from './story-controller';

/** Records films of the map; `status` and `busy` are shown in the story menu. */
export class FilmController implements FilmTarget {
  status = '';
  busy = false;

  constructor(
    readonly host: ReactiveControllerHost & { mapView(): KlyftMapView | null },
    readonly app: AppController,
    readonly story: StoryController,
  ) {}

  /** Shows the recording's progress in the story menu. */
  setStatus(status: string): void {
    this.status = status;
    this.host.requestUpdate();
  }

  /** The story menu's film button: `detail.secondsPerYear` of film per year. */
  readonly handleFilm = async (event: Event): Promise<void> => {
    if (this.busy) return;
    const { recordFilm } = await import('./film');
    await recordFilm(this, (event as CustomEvent<{ secondsPerYear: number }>).detail.secondsPerYear);
  };
}
