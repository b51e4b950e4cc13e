/**
 * Presenter mode's behaviour, kept out of the shell: the story player, keys, fullscreen, the
 * play and kiosk timers, the idle cursor, the black screen and the speaker window's channel.
 * The shell implements PresenterHost and renders <klyft-presenter> while `active`.
 */
import { isTyping } from './keyboard';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ViewState } from '../../state/view-state';
import { PRESENTER_CHANNEL, type PresenterMessage } from '../../story/presenter-channel';
import type { Scene, Story } from '../../story/story';
import { StoryPlayer, sceneSeconds } from '../../story/story-player';

/** What the controller needs from the app shell. */
export interface PresenterHost extends ReactiveControllerHost, HTMLElement {
  /**
   * Applies a scene's view patch and its highlighted areas; `animate` = a move to another scene
   * (camera and colours animate unless reduced motion), false for a played scene's year steps.
   */
  applyScene(patch: Partial<ViewState>, highlight: readonly string[], animate: boolean): void;
  /** The view now. */
  currentView(): ViewState;
  /** The indicator years a scene can play through (undefined when unknown). */
  sceneYears(scene: Scene): readonly number[] | undefined;
  /** The current scene's caption and notes, filled, for the speaker view. */
  sceneTexts(): { caption: string | null; notes: string | null };
}

const IDLE_CURSOR_MS = 3000;
const KIOSK_RESUME_MS = 60_000;

export class PresenterController implements ReactiveController {
  /** Presenter mode is on. */
  active = false;
  blackout = false;
  kiosk = false;
  cursorIdle = false;
  /** Kiosk loop paused by the reader until this time (ms since epoch), or null. */
  pausedUntil: number | null = null;
  story: Story | null = null;
  player: StoryPlayer | null = null;
  private startedAt = 0;
  private channel: BroadcastChannel | null = null;
  private playTimer: ReturnType<typeof setTimeout> | undefined;
  private kioskTimer: ReturnType<typeof setTimeout> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private pauseTicker: ReturnType<typeof setInterval> | undefined;
  private wentFullscreen = false;
  private lastBroadcast = '';

  constructor(private readonly host: PresenterHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.handleKeydown);
    document.addEventListener('fullscreenchange', this.handleFullscreenChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.handleKeydown);
    document.removeEventListener('fullscreenchange', this.handleFullscreenChange);
    this.stopTimers();
    this.closeChannel();
  }

  /** After every shell update: tell the speaker view when what it shows changed. */
  hostUpdated(): void {
    if (this.active) this.broadcast();
  }

  /** Loads a story (validated already); presenting starts at its first scene. */
  setStory(story: Story | null): void {
    this.story = story;
    this.player = null;
  }

  /** Enters presenter mode: full screen if allowed, first scene of the story (or the current view). */
  enter(): void {
    if (this.active) return;
    this.active = true;
    this.blackout = false;
    this.startedAt = Date.now();
    this.openChannel();
    this.host.setAttribute('presenting', '');
    window.addEventListener('pointermove', this.handlePointer);
    window.addEventListener('pointerdown', this.handlePointer);
    window.addEventListener('resize', this.handleResize);
    this.markActivity();
    if (this.story) {
      this.player = new StoryPlayer(this.story, (scene) => this.host.sceneYears(scene));
      this.show();
    }
    // Fullscreen needs a user gesture; when refused the layout still switches.
    if (document.fullscreenElement === null && this.host.requestFullscreen) {
      this.host
        .requestFullscreen()
        .then(() => (this.wentFullscreen = true))
        .catch(() => (this.wentFullscreen = false));
    }
    this.host.requestUpdate();
  }

  /** Leaves presenter mode (and full screen). */
  exit(): void {
    if (!this.active) return;
    this.active = false;
    this.blackout = false;
    this.pausedUntil = null;
    this.stopTimers();
    this.host.removeAttribute('presenting');
    this.host.removeAttribute('cursor-idle');
    window.removeEventListener('pointermove', this.handlePointer);
    window.removeEventListener('pointerdown', this.handlePointer);
    window.removeEventListener('resize', this.handleResize);
    this.channel?.postMessage({ type: 'end' } satisfies PresenterMessage);
    this.lastBroadcast = '';
    if (this.wentFullscreen && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    this.wentFullscreen = false;
    this.host.applyScene({}, [], false);
    this.host.requestUpdate();
  }

  setKiosk(on: boolean): void {
    this.kiosk = on;
    this.pausedUntil = null;
    if (on && !this.active && this.story) this.enter();
    this.scheduleKiosk();
    this.host.requestUpdate();
  }

  /** Opens the speaker window; it finds this window over the channel. */
  openSpeaker(): void {
    const url = new URL(location.href);
    url.search = '?speaker=1';
    url.hash = '';
    window.open(url.href, 'klyft-speaker', 'popup,width=1100,height=760');
  }

  /** One presenter key (from this window or the speaker's); returns whether it was used. */
  handleKey(key: string): boolean {
    if (!this.active) return false;
    if (this.blackout) {
      // Any key brings the picture back, and does nothing else.
      this.setBlackout(false);
      return true;
    }
    const player = this.player;
    switch (key) {
      case 'PageDown':
      case 'ArrowRight':
      case ' ':
        return this.move(() => player?.next() ?? false);
      case 'PageUp':
      case 'ArrowLeft':
        return this.move(() => player?.previous() ?? false);
      case 'Home':
        return this.move(() => player?.first() ?? false);
      case 'End':
        return this.move(() => player?.last() ?? false);
      case 'b':
      case 'B':
      case '.':
        this.setBlackout(true);
        return true;
      case 's':
      case 'S':
        this.openSpeaker();
        return true;
      case 'Escape':
        this.exit();
        return true;
      default:
        return false;
    }
  }

  setBlackout(on: boolean): void {
    this.blackout = on;
    this.broadcast(true);
    this.host.requestUpdate();
  }

  /** Seconds until the kiosk loop resumes, or null. */
  pausedSeconds(): number | null {
    return this.pausedUntil === null ? null : Math.max(0, Math.ceil((this.pausedUntil - Date.now()) / 1000));
  }

  private move(step: () => boolean): boolean {
    if (step()) this.show();
    return true;
  }

  /** Applies the player's position to the app and (re)starts the timers. */
  private show(): void {
    const player = this.player;
    if (!player) return;
    this.host.applyScene(player.view(this.host.currentView()), player.scene.highlight ?? [], true);
    this.schedulePlay();
    this.scheduleKiosk();
    this.host.requestUpdate();
  }

  private schedulePlay(): void {
    clearTimeout(this.playTimer);
    const player = this.player;
    if (!this.active || !player?.current.playing) return;
    const seconds = player.scene.play?.secondsPerYear ?? 1;
    this.playTimer = setTimeout(() => {
      if (player !== this.player || !this.active) return;
      if (player.tick()) this.host.applyScene(player.view(this.host.currentView()), player.scene.highlight ?? [], false);
      this.schedulePlay();
      this.host.requestUpdate();
    }, seconds * 1000);
  }

  private scheduleKiosk(): void {
    clearTimeout(this.kioskTimer);
    const player = this.player;
    if (!this.active || !this.kiosk || !player || this.pausedUntil !== null) return;
    this.kioskTimer = setTimeout(
      () => {
        if (!player.next()) player.first();
        this.show();
      },
      sceneSeconds(player.scene, this.host.sceneYears(player.scene)) * 1000,
    );
  }

  private readonly handleKeydown = (event: KeyboardEvent): void => {
    if (this.host.hasAttribute('speaker') || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event)) return;
    if (!this.active) {
      if (event.key === 'f' || event.key === 'F') {
        event.preventDefault();
        this.enter();
      }
      return;
    }
    if (this.handleKey(event.key)) event.preventDefault();
  };

  private readonly handlePointer = (event: Event): void => {
    this.markActivity();
    // Blank screen: a click brings the picture back (the overlay handles its own click too).
    if (event.type === 'pointerdown' && this.blackout) this.setBlackout(false);
    if (this.kiosk && this.active) {
      this.pausedUntil = Date.now() + KIOSK_RESUME_MS;
      clearTimeout(this.kioskTimer);
      clearInterval(this.pauseTicker);
      this.pauseTicker = setInterval(() => {
        if (this.pausedUntil !== null && Date.now() >= this.pausedUntil) {
          this.pausedUntil = null;
          clearInterval(this.pauseTicker);
          this.scheduleKiosk();
        }
        this.host.requestUpdate();
      }, 1000);
      this.host.requestUpdate();
    }
  };

  /** Full screen on and off resize the stage: the shell refits the map on its next update. */
  private readonly handleResize = (): void => this.host.requestUpdate();

  /** Shows the cursor and hides it again after a few idle seconds. */
  private markActivity(): void {
    if (this.cursorIdle) {
      this.cursorIdle = false;
      this.host.removeAttribute('cursor-idle');
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (!this.active) return;
      this.cursorIdle = true;
      this.host.setAttribute('cursor-idle', '');
    }, IDLE_CURSOR_MS);
  }

  private readonly handleFullscreenChange = (): void => {
    // Esc in full screen is taken by the browser: leaving full screen leaves presenter mode.
    if (this.active && this.wentFullscreen && !document.fullscreenElement) {
      this.wentFullscreen = false;
      this.exit();
    }
  };

  private openChannel(): void {
    if (this.channel || typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(PRESENTER_CHANNEL);
    this.channel.onmessage = (event: MessageEvent<PresenterMessage>) => {
      const message = event.data;
      if (message.type === 'hello') this.broadcast(true);
      else if (message.type === 'key') {
        this.handleKey(message.key);
        this.broadcast(true);
      }
    };
  }

  private closeChannel(): void {
    this.channel?.close();
    this.channel = null;
  }

  /** Sends the current scene to the speaker view when it changed (or always, when forced). */
  private broadcast(force = false): void {
    if (!this.channel || !this.active) return;
    const view = this.host.currentView();
    const texts = this.host.sceneTexts();
    const message: PresenterMessage = {
      type: 'scene',
      index: this.player?.current.index ?? 0,
      story: this.story,
      caption: texts.caption,
      notes: texts.notes,
      year: view.year,
      startedAt: this.startedAt,
      blackout: this.blackout,
      lang: view.lang,
    };
    const key = JSON.stringify([message.index, message.caption, message.notes, message.year, message.blackout, message.lang]);
    if (!force && key === this.lastBroadcast) return;
    this.lastBroadcast = key;
    this.channel.postMessage(message);
  }

  private stopTimers(): void {
    clearTimeout(this.playTimer);
    clearTimeout(this.kioskTimer);
    clearTimeout(this.idleTimer);
    clearInterval(this.pauseTicker);
  }
}

/** The key went to a text field, a select or an editable element (where "f" and space are typing). */
