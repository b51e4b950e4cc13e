/**
 * Stories and presenter mode from the shell's side: a story opened from a file, the example or a
 * `#story=` link; the editor's draft; scenes applied to the view with their highlighted areas and
 * colour fades (scene-effects.ts); the presenter overlay and fitting the map around it. Presenter
 * keys, timers and the speaker window are PresenterController's (loaded on first use).
 */
import { html, nothing, type ReactiveController } from 'lit';
import type { AppController } from '../../app/app-controller';
import type { KlyftMapView } from '../../components/klyft-map-view';
import type { Lang } from '../../format/number';
import { fill, strings } from '../../i18n';
import { changeLegendEntries, legendEntries } from '../../i18n/legend';
import type { SceneEffects } from '../../map/scene-effects';
import { NOT_CLEAR_CSS } from '../../scales/palette';
import { areaIndices, areaNames } from '../../state/area-facts';
import type { ViewState } from '../../state/view-state';
import type { Scene, Story } from '../../story/story';
import type { KlyftPresenter, PresenterLegendEntry } from './klyft-presenter';
import { LazyPresenter } from './lazy-presenter';
import type { PresenterHost } from './presenter-controller';

/** How long a story scene change fades the map's colours (ms). */
const SCENE_COLOR_TRANSITION_MS = 700;

/** The shell as the story controller needs it: the presenter's host, with its map and overlay. */
export interface StoryHost extends PresenterHost {
  mapView(): KlyftMapView | null;
  presenterOverlay(): KlyftPresenter | null;
  /** The shell's shadow root, where the editor renders. */
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Loads a lazily loaded element's code. */
  loadElement(tag: 'klyft-story-editor' | 'klyft-presenter'): Promise<unknown>;
}

/** The story side of the shell. */
export class StoryController implements ReactiveController {
  /** Presenter mode, stories, kiosk loop and the speaker window's channel (see presenter-controller.ts). */
  readonly presenter: LazyPresenter;
  /** Errors of the last story opened, for the story menu. */
  errors: string[] = [];
  /** The story being built in the editor (kept in localStorage, see story-draft.ts). */
  draft: Story | null = null;
  editorOpen = false;
  /** Scene highlights and colour fades on the map, loaded with the first scene or highlight. */
  effects: SceneEffects | null = null;
  /** Area codes a story scene highlights (outlined and labelled on the map). */
  private sceneHighlight: readonly string[] = [];
  /** The next colour change is a story scene change: it fades in (cleared once the scene's data is drawn). */
  private sceneTransition = false;
  private effectsLoading = false;
  /** The caption filler, loaded with the first story (it brings the statistics code). */
  private placeholders: typeof import('../../story/placeholders') | null = null;
  /** The draft's storage, loaded when the editor first opens. */
  private drafts: typeof import('../../story/story-draft') | null = null;
  private fitKey = 'false';

  constructor(
    private readonly host: StoryHost,
    private readonly app: AppController,
  ) {
    host.addController(this);
    this.presenter = new LazyPresenter(host);
  }

  private get lang(): Lang {
    return this.app.view.lang;
  }

  /** Before each shell update: highlights and fades handed to the map; the overlay's code loaded when presenting. */
  hostUpdate(): void {
    if (!this.effects && this.app.view.highlight.length > 0) this.loadEffects();
    if (this.effects) {
      this.effects.fadeMs = this.sceneTransition ? SCENE_COLOR_TRANSITION_MS : 0;
      this.effects.setHighlight(this.highlightIndices());
    }
    if (this.presenter.active && !customElements.get('klyft-presenter')) void this.host.loadElement('klyft-presenter').then(() => this.host.requestUpdate());
  }

  /** After each shell update: the scene's own data are drawn (later colour changes are instant again); the map refitted when presenting. */
  hostUpdated(): void {
    const loaded = this.app.loaded;
    const view = this.app.view;
    if (this.sceneTransition && loaded?.indicator?.id === view.indicator && loaded.geometry.meta.id === view.level) this.sceneTransition = false;
    this.fitForPresenter();
  }

  // ——— Scenes (PresenterHost, through the shell) ———

  /** Shows a scene's view and outlines all its highlighted areas; a scene change fades the colours. */
  applyScene(patch: Partial<ViewState>, highlight: readonly string[], animate: boolean): void {
    this.sceneHighlight = [...highlight];
    this.sceneTransition = animate && !matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.loadEffects();
    this.app.set(patch);
    this.host.requestUpdate();
  }

  /** The years the scene's indicator has at its level. */
  sceneYears(scene: Scene): readonly number[] | undefined {
    const view = this.app.view;
    const indicator = this.app.catalogue?.indicators.find((i) => i.id === (scene.view.indicator ?? view.indicator));
    return indicator?.levels[scene.view.level ?? view.level]?.years;
  }

  /** The current scene's caption and notes, filled once its data and statistics are loaded. */
  sceneTexts(): { caption: string | null; notes: string | null } {
    const lang = this.lang;
    const view = this.app.view;
    const scene = this.presenter.player?.scene;
    const loaded = this.app.loaded;
    if (!scene) return { caption: this.app.viewModel().gap?.summary ?? loaded?.indicator?.name[lang] ?? null, notes: null };
    const fillText = this.placeholders?.fillPlaceholders;
    if (
      !fillText ||
      !loaded?.indicator ||
      !loaded.series ||
      !loaded.stats ||
      loaded.indicator.id !== view.indicator ||
      loaded.geometry.meta.id !== view.level
    ) {
      return { caption: null, notes: null };
    }
    const context = {
      indicator: loaded.indicator,
      level: view.level,
      series: loaded.series,
      stats: loaded.stats,
      codes: loaded.geometry.codes,
      names: loaded.geometry.areas.features.map((f) => f.properties.name),
      measure: view.measure,
      from: view.from,
      to: view.to,
    };
    return { caption: fillText(scene.caption[lang], context, lang), notes: scene.notes ? fillText(scene.notes[lang], context, lang) : null };
  }

  /**
   * Indices of the highlighted areas in the loaded level (codes it lacks are left out): the
   * scene's while presenting, then those of the view (URL `hl`).
   */
  highlightIndices(): number[] {
    const loaded = this.app.loaded;
    const view = this.app.view;
    if (!loaded || loaded.geometry.meta.id !== view.level) return [];
    return areaIndices(loaded.geometry, [...this.sceneHighlight, ...view.highlight]);
  }

  /** Names of the highlighted areas, for the caption's screen-reader text and the map's label. */
  highlightNames(): string[] {
    const geometry = this.app.loaded?.geometry;
    return geometry ? areaNames(geometry, this.highlightIndices()) : [];
  }

  /** Loads the map extension that outlines several areas and fades scenes (not part of the first view). */
  private loadEffects(): void {
    if (this.effects || this.effectsLoading) return;
    this.effectsLoading = true;
    void import('../../map/scene-effects').then(({ SceneEffects }) => {
      this.effects ??= new SceneEffects();
      this.host.requestUpdate();
    });
  }

  // ——— Opening stories ———

  /** Validates a story and starts presenting it; errors go to the story menu. */
  private async openStory(json: unknown): Promise<void> {
    const [{ validateStory }, placeholders] = await Promise.all([import('../../story/story'), import('../../story/placeholders')]);
    this.placeholders = placeholders;
    const result = validateStory(json);
    if ('errors' in result) {
      this.setErrors(result.errors.map((e) => e.message[this.lang]));
      return;
    }
    this.setErrors([]);
    this.presenter.exit();
    await this.presenter.setStory(result.story);
    await this.presenter.enter();
  }

  private setErrors(errors: string[]): void {
    this.errors = errors;
    this.host.requestUpdate();
  }

  private readonly handleExample = async (): Promise<void> => {
    try {
      const response = await fetch(new URL('stories/example.json', document.baseURI));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await this.openStory(await response.json());
    } catch (error) {
      this.setErrors([fill(strings(this.lang).presenter.fetchFailed, { reason: String(error) })]);
    }
  };

  private readonly handleFile = async (event: Event): Promise<void> => {
    const file = (event as CustomEvent<{ file: File }>).detail.file;
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (error) {
      this.setErrors([fill(strings(this.lang).presenter.notJson, { reason: error instanceof Error ? error.message : String(error) })]);
      return;
    }
    await this.openStory(json);
  };

  /** A `#story=` link: loads the story and offers to present it (fullscreen needs the reader's click). */
  async openLink(hash: string): Promise<void> {
    const [{ storyFromUrl }, placeholders] = await Promise.all([import('../../story/story'), import('../../story/placeholders')]);
    const lang = this.lang;
    const t = strings(lang).storyEditor;
    const result = storyFromUrl(hash);
    if ('errors' in result) {
      const reason = result.errors.map((e) => e.message[lang]).join(' · ');
      this.app.notice('story-link', { id: 'story-link', tone: 'warning', text: fill(t.linkInvalid, { reason }) });
      return;
    }
    this.placeholders = placeholders;
    await this.presenter.setStory(result.story);
    this.app.notice('story-link', {
      id: 'story-link',
      tone: 'info',
      text: fill(t.linkLoaded, { title: result.story.title[lang] }),
      actions: [{ label: strings(lang).presenter.present, intent: {}, event: 'klyft-story-link-present' }],
    });
  }

  /** The story link notice's "present" button. */
  readonly handleLinkPresent = (): void => {
    this.app.notice('story-link', null);
    void this.presenter.enter();
  };

  // ——— The editor ———

  /** Opens the editor on the saved draft (or a new story). */
  private readonly handleEdit = async (): Promise<void> => {
    const [drafts, { emptyStory }] = await Promise.all([
      import('../../story/story-draft'),
      import('../../story/story-edit'),
      this.host.loadElement('klyft-story-editor'),
    ]);
    this.drafts = drafts;
    this.draft ??= drafts.readDraft() ?? emptyStory();
    this.editorOpen = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('klyft-story-editor')?.focus();
  };

  /** Keeps the editor's story, and saves it at once (a reload right after an edit keeps it). */
  private setDraft(story: Story): void {
    this.draft = story;
    this.drafts?.writeDraft(story);
    this.host.requestUpdate();
  }

  /** Adds the current view, with the map's camera, as the draft's last scene. */
  private readonly handleAddScene = async (): Promise<void> => {
    const { addScene, emptyStory, newSceneId, sceneFromView } = await import('../../story/story-edit');
    const draft = this.draft ?? emptyStory();
    const camera = this.host.mapView()?.camera() ?? null;
    this.setDraft(addScene(draft, sceneFromView(this.app.view, newSceneId(draft), camera)));
  };

  // ——— Presenting ———

  /**
   * In presenter mode the map fills the screen: fit the level into the part above the caption
   * (after the map element has taken its new size); on leaving, fit it back.
   */
  private fitForPresenter(): void {
    const active = this.presenter.active;
    const geometry = this.app.loaded?.geometry;
    const key = active
      ? `true|${geometry?.meta.id}|${innerWidth}x${innerHeight}|${this.presenter.player?.current.index}|${customElements.get('klyft-presenter') ? 1 : 0}|${this.sceneTexts().caption?.length ?? 0}`
      : 'false';
    if (key === this.fitKey) return;
    this.fitKey = key;
    setTimeout(() => {
      const mapView = this.host.mapView();
      if (!active) return mapView?.fitLevel();
      const camera = this.presenter.player?.scene.camera;
      if (camera) return mapView?.showCamera(camera.center, camera.zoom);
      // The overlay may not be defined yet (its code loads on first use): then nothing to keep clear.
      const overlay = this.host.presenterOverlay();
      const none = { width: 0, height: 0 };
      const panels = typeof overlay?.panels === 'function' ? overlay.panels() : { title: none, legend: none, captionHeight: 0 };
      const pad = Math.round(innerHeight * 0.03);
      const bottom = panels.captionHeight + pad;
      // Keep the corner panels (title top left, legend top right) off the map: a tall level
      // (Sweden) goes between them, a wide one (a city) below them.
      const bbox = this.app.loaded?.geometry.meta.bbox;
      const tall = bbox ? (bbox[3] - bbox[1]) * 1.8 > bbox[2] - bbox[0] : false;
      const top = Math.max(panels.title.height, panels.legend.height) + 2 * pad;
      mapView?.fitLevel(
        tall ? { top: pad, bottom, left: panels.title.width + 2 * pad, right: panels.legend.width + 2 * pad } : { top, bottom, left: pad, right: pad },
      );
    }, 80);
  }

  // ——— Views ———

  /** The header's story menu (present, example, open, edit, kiosk, film). */
  renderMenu(film: { status: string; busy: boolean; handle: (event: Event) => void }) {
    const lang = this.lang;
    return html`<klyft-story-menu
      .lang=${lang}
      .storyTitle=${this.presenter.story?.title[lang] ?? null}
      .sceneCount=${this.presenter.story?.scenes.length ?? 0}
      .errors=${this.errors}
      .kiosk=${this.presenter.kiosk}
      .filmStatus=${film.status}
      .filmBusy=${film.busy}
      @klyft-present=${() => void this.presenter.enter()}
      @klyft-story-example=${this.handleExample}
      @klyft-story-file=${this.handleFile}
      @klyft-story-edit=${this.handleEdit}
      @klyft-kiosk=${(e: CustomEvent<{ on: boolean }>) => void this.presenter.setKiosk(e.detail.on)}
      @klyft-film=${film.handle}
    ></klyft-story-menu>`;
  }

  /** The editor, while open. */
  renderEditor() {
    if (!this.editorOpen) return nothing;
    const lang = this.lang;
    const names = Object.fromEntries((this.app.catalogue?.indicators ?? []).map((i) => [i.id, i.short[lang]]));
    return html`<klyft-story-editor
      .lang=${lang}
      .story=${this.draft}
      .indicatorNames=${names}
      .geometry=${this.app.loaded?.geometry ?? null}
      .selectedArea=${this.app.view.area}
      @klyft-story-add-scene=${this.handleAddScene}
      @klyft-story-change=${(e: CustomEvent<{ story: Story }>) => this.setDraft(e.detail.story)}
      @klyft-story-present=${(e: CustomEvent<{ story: Story }>) => void this.openStory(e.detail.story)}
      @klyft-story-editor-close=${() => {
        this.editorOpen = false;
        this.host.requestUpdate();
      }}
    ></klyft-story-editor>`;
  }

  /** The presenter overlay: heading, year, legend, caption and the highlighted areas' names. */
  renderOverlay() {
    if (!this.presenter.active) return nothing;
    const lang = this.lang;
    const t = strings(lang);
    const vm = this.app.viewModel();
    const indicator = this.app.loaded?.indicator;
    let legend: PresenterLegendEntry[] = [];
    if (indicator && this.app.view.mode !== 'level' && vm.changeScale) {
      legend = [...changeLegendEntries(vm.changeScale, indicator.decimals, lang), { color: NOT_CLEAR_CSS, label: t.change.notClear }];
    } else if (indicator && vm.levelScale) legend = legendEntries(vm.levelScale, indicator.unit, indicator.decimals, lang);
    const player = this.presenter.player;
    return html`<klyft-presenter
      .lang=${lang}
      .heading=${indicator?.name[lang] ?? ''}
      .year=${vm.titleYears}
      .caption=${this.sceneTexts().caption}
      .highlights=${this.highlightNames()}
      .legendTitle=${indicator?.short[lang] ?? ''}
      .legend=${legend}
      .noDataLabel=${t.legend.noData}
      .scene=${player?.current.index ?? 0}
      .count=${player?.count ?? 0}
      .blackout=${this.presenter.blackout}
      .pausedSeconds=${this.presenter.pausedSeconds()}
      ?idle=${this.presenter.cursorIdle}
      @klyft-presenter-exit=${() => this.presenter.exit()}
      @klyft-presenter-speaker=${() => this.presenter.openSpeaker()}
      @klyft-presenter-unblank=${() => this.presenter.setBlackout(false)}
    ></klyft-presenter>`;
  }
}
