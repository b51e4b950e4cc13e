import type { Story } from '../../story/story';
import { isPresentKey, isTyping } from './keyboard';
import type { PresenterController, PresenterHost } from './presenter-controller';

/**
 * Stands in for the PresenterController until presenter mode is first used, so its code (and the
 * story player's) is not part of the first download. "F" enters presenter mode from the start.
 */
export class LazyPresenter {
  private real: PresenterController | null = null;
  private loading: Promise<PresenterController> | null = null;

  constructor(private readonly host: PresenterHost & HTMLElement) {
    window.addEventListener('keydown', this.handleKeydown);
  }

  get active(): boolean {
    return this.real?.active ?? false;
  }
  get blackout(): boolean {
    return this.real?.blackout ?? false;
  }
  get kiosk(): boolean {
    return this.real?.kiosk ?? false;
  }
  get cursorIdle(): boolean {
    return this.real?.cursorIdle ?? false;
  }
  get story(): PresenterController['story'] {
    return this.real?.story ?? null;
  }
  get player(): PresenterController['player'] {
    return this.real?.player ?? null;
  }

  /** Seconds left of a kiosk pause, or null. */
  pausedSeconds(): number | null {
    return this.real?.pausedSeconds() ?? null;
  }

  exit(): void {
    this.real?.exit();
  }

  setBlackout(on: boolean): void {
    this.real?.setBlackout(on);
  }

  openSpeaker(): void {
    this.real?.openSpeaker();
  }

  async enter(): Promise<void> {
    (await this.load()).enter();
  }

  async setStory(story: Story | null): Promise<void> {
    (await this.load()).setStory(story);
  }

  async setKiosk(on: boolean): Promise<void> {
    (await this.load()).setKiosk(on);
  }

  private load(): Promise<PresenterController> {
    this.loading ??= import('./presenter-controller').then(({ PresenterController }) => {
      // The real controller listens for keys itself from now on.
      window.removeEventListener('keydown', this.handleKeydown);
      this.real = new PresenterController(this.host);
      return this.real;
    });
    return this.loading;
  }

  private readonly handleKeydown = (event: KeyboardEvent): void => {
    if (this.host.hasAttribute('speaker') || event.defaultPrevented || isTyping(event) || !isPresentKey(event)) return;
    event.preventDefault();
    void this.enter();
  };
}
