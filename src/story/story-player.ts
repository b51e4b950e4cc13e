/**
 * Stepping through a story without any UI (after owid's TimelineController): which scene is
 * shown, which year of a played range, and what PageDown/PageUp/Home/End do. The presenter
 * (timers, keys, fullscreen) drives it; the view state comes from `sceneToView`.
 */
import type { ViewState } from '../state/view-state';
import type { Scene, ScenePlay, Story } from './story';

/** Where a presentation is: the scene and, in a played scene, the year shown. */
export interface PlayerPosition {
  index: number;
  /** The year shown in a scene with `play`; null in a still scene. */
  year: number | null;
  /** True while a played scene steps on by itself. */
  playing: boolean;
}

/** Default seconds a scene stays on screen in the kiosk loop. */
export const DEFAULT_SCENE_SECONDS = 12;

/**
 * The years a play steps through: the indicator's years within [from, to] when known,
 * else every calendar year from `from` to `to`. Never empty.
 */
export function playYears(play: ScenePlay, available?: readonly number[]): number[] {
  const inRange = (available ?? []).filter((y) => y >= play.from && y <= play.to).sort((a, b) => a - b);
  if (inRange.length > 0) return inRange;
  const all: number[] = [];
  for (let y = play.from; y <= play.to; y++) all.push(y);
  return all;
}

/** How long a scene stays in the kiosk loop: its duration, or its play's length, or the default. */
export function sceneSeconds(scene: Scene, available?: readonly number[]): number {
  if (scene.durationSeconds !== undefined) return scene.durationSeconds;
  if (scene.play) return playYears(scene.play, available).length * scene.play.secondsPerYear + 4;
  return DEFAULT_SCENE_SECONDS;
}

/**
 * The view patch that shows a scene, holding only what differs from `current`. Fields the
 * scene leaves out get a neutral value (no area, no period, the level map) so a scene looks
 * the same whatever was shown before; classes, language and the legend domain stay the viewer's.
 */
export function sceneToView(scene: Scene, current: ViewState, year: number | null = null): Partial<ViewState> {
  const v = scene.view;
  const wanted: Partial<ViewState> = {
    level: v.level ?? current.level,
    indicator: v.indicator ?? current.indicator,
    year: year ?? v.year ?? scene.play?.from ?? current.year,
    mode: v.mode ?? 'level',
    from: v.from ?? null,
    to: v.to ?? null,
    measure: v.measure ?? current.measure,
    area: v.area ?? null,
    view: 'map',
  };
  const patch: Partial<ViewState> = {};
  for (const key of Object.keys(wanted) as (keyof ViewState)[]) {
    if (wanted[key] !== current[key]) (patch as Record<string, unknown>)[key] = wanted[key];
  }
  return patch;
}

/** A story's position and its moves; `yearsOf` gives the indicator years a played scene may use. */
export class StoryPlayer {
  private position: PlayerPosition;

  constructor(
    readonly story: Story,
    private readonly yearsOf: (scene: Scene) => readonly number[] | undefined = () => undefined,
    index = 0,
  ) {
    this.position = this.start(this.clamp(index));
  }

  /** The current position (a copy). */
  get current(): PlayerPosition {
    return { ...this.position };
  }

  /** The current scene. */
  get scene(): Scene {
    return this.story.scenes[this.position.index]!;
  }

  /** The scene after the current one, or null at the end. */
  get nextScene(): Scene | null {
    return this.story.scenes[this.position.index + 1] ?? null;
  }

  get count(): number {
    return this.story.scenes.length;
  }

  /** The years the current scene plays through ([] for a still scene). */
  get years(): number[] {
    const play = this.scene.play;
    return play ? playYears(play, this.yearsOf(this.scene)) : [];
  }

  /**
   * The clicker's "next": in a scene still playing, jump to its last year; otherwise the next
   * scene (from its first year). At the last scene's end nothing changes. Returns whether it moved.
   */
  next(): boolean {
    const years = this.years;
    const last = years[years.length - 1];
    if (this.position.year !== null && last !== undefined && this.position.year !== last) {
      this.position = { ...this.position, year: last, playing: false };
      return true;
    }
    return this.goTo(this.position.index + 1);
  }

  /** The previous scene, from its start. Returns whether it moved. */
  previous(): boolean {
    return this.goTo(this.position.index - 1);
  }

  first(): boolean {
    return this.goTo(0);
  }

  last(): boolean {
    return this.goTo(this.count - 1);
  }

  /** Goes to a scene (clamped), starting its play from the first year. Returns whether it moved. */
  goTo(index: number): boolean {
    const clamped = this.clamp(index);
    if (clamped === this.position.index) return false;
    this.position = this.start(clamped);
    return true;
  }

  /** One step of a play (called every secondsPerYear): the next year; stops at the last. Returns whether the year changed. */
  tick(): boolean {
    if (!this.position.playing || this.position.year === null) return false;
    const years = this.years;
    const i = years.indexOf(this.position.year);
    const nextYear = years[i + 1];
    if (nextYear === undefined) {
      this.position = { ...this.position, playing: false };
      return false;
    }
    this.position = { ...this.position, year: nextYear, playing: i + 2 < years.length };
    return true;
  }

  /** The view patch for the current position. */
  view(current: ViewState): Partial<ViewState> {
    return sceneToView(this.scene, current, this.position.year);
  }

  private clamp(index: number): number {
    return Math.min(Math.max(0, Math.trunc(index)), this.count - 1);
  }

  private start(index: number): PlayerPosition {
    const scene = this.story.scenes[index]!;
    if (!scene.play) return { index, year: null, playing: false };
    const years = playYears(scene.play, this.yearsOf(scene));
    return { index, year: years[0]!, playing: years.length > 1 };
  }
}
