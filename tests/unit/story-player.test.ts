import { describe, expect, it } from 'vitest';
import type { Scene, Story } from '../../src/story/story';
import { DEFAULT_SCENE_SECONDS, StoryPlayer, playYears, sceneSeconds, sceneToView } from '../../src/story/story-player';
import { DEFAULT_VIEW } from '../../src/state/view-state';

const caption = { sv: 'x', en: 'x' };
const still = (id: string, year: number): Scene => ({ id, view: { indicator: 'a', year }, caption });
const played = (id: string, from: number, to: number): Scene => ({ id, view: { indicator: 'a' }, play: { from, to, secondsPerYear: 1 }, caption });
const story = (...scenes: Scene[]): Story => ({ version: 1, title: caption, scenes });

describe('playYears(play, available)', () => {
  it.each([
    ['every calendar year without available years', undefined, [2011, 2012, 2013]],
    ['the available years within the range, sorted', [2014, 2012, 2010, 2011], [2011, 2012]],
    ['every calendar year when none is available in the range', [2020], [2011, 2012, 2013]],
  ] as const)('%s', (_title, available, expected) => {
    expect(playYears({ from: 2011, to: 2013, secondsPerYear: 1 }, available)).toEqual(expected);
  });
});

describe('sceneSeconds(scene)', () => {
  it('uses durationSeconds, else the play length plus 4 s, else the default', () => {
    expect(sceneSeconds({ ...still('a', 2011), durationSeconds: 7 })).toBe(7);
    expect(sceneSeconds(played('a', 2011, 2013))).toBe(3 + 4);
    expect(sceneSeconds(still('a', 2011))).toBe(DEFAULT_SCENE_SECONDS);
  });
});

describe('sceneToView(scene, current)', () => {
  it('holds only the fields that differ from the current view', () => {
    const current = { ...DEFAULT_VIEW, indicator: 'a', year: 2015 };
    expect(sceneToView(still('s', 2015), current)).toEqual({});
    expect(sceneToView(still('s', 2012), current)).toEqual({ year: 2012 });
  });

  it('resets what the scene leaves out: area, period, mode and the table view', () => {
    const current = { ...DEFAULT_VIEW, indicator: 'a', year: 2015, area: '1480', from: 2011, to: 2014, mode: 'change' as const, view: 'table' as const };
    expect(sceneToView(still('s', 2015), current)).toEqual({ area: null, from: null, to: null, mode: 'level', view: 'map' });
  });

  it('keeps the viewer’s language and classes, and starts a play at its first year', () => {
    const current = { ...DEFAULT_VIEW, indicator: 'a', year: 2020, lang: 'en' as const, classes: 7 };
    expect(sceneToView(played('p', 2011, 2013), current)).toEqual({ year: 2011 });
  });

  it('takes an explicit year (a play’s step) over the scene’s', () => {
    expect(sceneToView(still('s', 2012), { ...DEFAULT_VIEW, indicator: 'a' }, 2013)).toMatchObject({ year: 2013 });
  });

  it('sets level, indicator, measure and period from the scene', () => {
    const scene: Scene = {
      id: 's',
      view: { level: 'gbg-deso', indicator: 'b', year: 2022, mode: 'change', from: 2011, to: 2022, measure: 'fifthGap', area: '1480' },
      caption,
    };
    expect(sceneToView(scene, DEFAULT_VIEW)).toEqual({
      level: 'gbg-deso',
      indicator: 'b',
      mode: 'change',
      from: 2011,
      to: 2022,
      measure: 'fifthGap',
      area: '1480',
    });
  });
});

describe('StoryPlayer', () => {
  it('steps forward and back, clamped at both ends', () => {
    const player = new StoryPlayer(story(still('a', 2011), still('b', 2012), still('c', 2013)));
    expect(player.current).toEqual({ index: 0, year: null, playing: false });
    expect(player.previous()).toBe(false);
    expect(player.next()).toBe(true);
    expect(player.current.index).toBe(1);
    expect(player.nextScene?.id).toBe('c');
    expect(player.next()).toBe(true);
    expect(player.next()).toBe(false);
    expect(player.current.index).toBe(2);
    expect(player.nextScene).toBeNull();
    expect(player.first()).toBe(true);
    expect(player.current.index).toBe(0);
    expect(player.last()).toBe(true);
    expect(player.current.index).toBe(2);
  });

  it('clamps the start index and goTo', () => {
    const player = new StoryPlayer(story(still('a', 2011), still('b', 2012)), undefined, 9);
    expect(player.current.index).toBe(1);
    expect(player.goTo(-3)).toBe(true);
    expect(player.current.index).toBe(0);
    expect(player.goTo(0)).toBe(false);
  });

  it('plays a scene year by year and stops at its last year', () => {
    const player = new StoryPlayer(story(played('p', 2011, 2013), still('b', 2020)), () => [2011, 2012, 2013, 2014]);
    expect(player.current).toEqual({ index: 0, year: 2011, playing: true });
    expect(player.tick()).toBe(true);
    expect(player.current).toEqual({ index: 0, year: 2012, playing: true });
    expect(player.tick()).toBe(true);
    expect(player.current).toEqual({ index: 0, year: 2013, playing: false });
    expect(player.tick()).toBe(false);
    expect(player.current.year).toBe(2013);
    expect(player.view({ ...DEFAULT_VIEW, indicator: 'a', year: 2011 })).toEqual({ year: 2013 });
  });

  it('next() in a playing scene skips to its last year, then to the next scene', () => {
    const player = new StoryPlayer(story(played('p', 2011, 2014), still('b', 2020)));
    expect(player.next()).toBe(true);
    expect(player.current).toEqual({ index: 0, year: 2014, playing: false });
    expect(player.next()).toBe(true);
    expect(player.current).toEqual({ index: 1, year: null, playing: false });
  });

  it('restarts a play from its first year when stepping back into it', () => {
    const player = new StoryPlayer(story(played('p', 2011, 2012), still('b', 2020)), undefined, 1);
    player.previous();
    expect(player.current).toEqual({ index: 0, year: 2011, playing: true });
  });

  it('does not tick a still scene', () => {
    const player = new StoryPlayer(story(still('a', 2011)));
    expect(player.tick()).toBe(false);
    expect(player.years).toEqual([]);
  });
});
