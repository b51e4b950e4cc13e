import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, type ViewState } from '../../src/state/view-state';
import {
  addHighlight,
  addScene,
  emptyStory,
  moveScene,
  newSceneId,
  removeHighlight,
  removeScene,
  sceneFromView,
  storyForSave,
  updateScene,
} from '../../src/story/story-edit';
import { storyFromUrl, storyToUrl, validateStory, type Story } from '../../src/story/story';

/** A fresh story with scenes a, b, c (no shared mutable fixtures). */
function abc(): Story {
  const scene = (id: string, year: number) => ({ id, view: { level: 'kommun' as const, year }, caption: { sv: id, en: id } });
  return { version: 1, title: { sv: 'T', en: 'T' }, scenes: [scene('a', 2011), scene('b', 2015), scene('c', 2020)] };
}

const ids = (story: Story): string[] => story.scenes.map((s) => s.id);

describe('sceneFromView(view, id, camera)', () => {
  it('keeps level, indicator, year, mode and measure, and leaves out unset period and area', () => {
    const scene = sceneFromView({ ...DEFAULT_VIEW, year: 2015 }, 'scene-1');
    expect(scene).toEqual({
      id: 'scene-1',
      view: { level: 'kommun', indicator: 'kolada-n66077', year: 2015, mode: 'level', measure: 'range' },
      caption: { sv: '{summary}', en: '{summary}' },
    });
  });

  it('keeps a set period, an area and the camera', () => {
    const view: ViewState = { ...DEFAULT_VIEW, mode: 'change', from: 2012, to: 2020, area: '1480', classes: 7, lang: 'en' };
    const scene = sceneFromView(view, 'x', { center: [11.97, 57.7], zoom: 9.5 });
    expect(scene.view).toEqual({
      level: 'kommun',
      indicator: 'kolada-n66077',
      year: 2022,
      mode: 'change',
      measure: 'range',
      from: 2012,
      to: 2020,
      area: '1480',
    });
    expect(scene.camera).toEqual({ center: [11.97, 57.7], zoom: 9.5 });
  });

  it("makes the view's highlighted areas the scene's highlights (a copy)", () => {
    const view: ViewState = { ...DEFAULT_VIEW, highlight: ['1480', '1490'] };
    const scene = sceneFromView(view, 'x');
    expect(scene.highlight).toEqual(['1480', '1490']);
    expect(scene.highlight).not.toBe(view.highlight);
    expect('story' in validateStory(addScene(emptyStory(), scene))).toBe(true);
  });

  it('gives a scene that validates as a one-scene story', () => {
    const story = addScene(emptyStory(), sceneFromView(DEFAULT_VIEW, 'scene-1', { center: [15, 62], zoom: 4 }));
    expect('story' in validateStory(story)).toBe(true);
  });
});

describe('newSceneId(story)', () => {
  it.each([
    ['empty story', [], 'scene-1'],
    ['after two scenes', ['scene-1', 'scene-2'], 'scene-3'],
    ['skips a used id', ['scene-2', 'scene-3'], 'scene-4'],
    ['fills after a removal', ['scene-1', 'scene-3'], 'scene-4'],
    ['other ids', ['a'], 'scene-2'],
  ])('%s', (_title, used, expected) => {
    const story = { ...emptyStory(), scenes: used.map((id) => ({ id, view: {}, caption: { sv: 'x', en: 'x' } })) };
    expect(newSceneId(story)).toBe(expected);
  });
});

describe('addScene(story, scene)', () => {
  it('appends without changing the input', () => {
    const story = abc();
    const next = addScene(story, { id: 'd', view: {}, caption: { sv: 'd', en: 'd' } });
    expect(ids(next)).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(story)).toEqual(['a', 'b', 'c']);
  });
});

describe('moveScene(story, index, delta)', () => {
  it.each([
    ['second up', 1, -1, ['b', 'a', 'c']],
    ['first down', 0, 1, ['b', 'a', 'c']],
    ['last up', 2, -1, ['a', 'c', 'b']],
    ['first to last', 0, 2, ['b', 'c', 'a']],
    ['first up: unchanged', 0, -1, ['a', 'b', 'c']],
    ['last down: unchanged', 2, 1, ['a', 'b', 'c']],
    ['no index: unchanged', 5, -1, ['a', 'b', 'c']],
    ['negative index: unchanged', -1, 1, ['a', 'b', 'c']],
    ['zero delta: unchanged', 1, 0, ['a', 'b', 'c']],
    ['NaN: unchanged', Number.NaN, 1, ['a', 'b', 'c']],
  ])('%s', (_title, index, delta, expected) => {
    const story = abc();
    expect(ids(moveScene(story, index, delta))).toEqual(expected);
    expect(ids(story)).toEqual(['a', 'b', 'c']);
  });
});

describe('removeScene(story, index)', () => {
  it.each([
    ['first', 0, ['b', 'c']],
    ['middle', 1, ['a', 'c']],
    ['last', 2, ['a', 'b']],
    ['out of range: unchanged', 3, ['a', 'b', 'c']],
    ['negative: unchanged', -1, ['a', 'b', 'c']],
  ])('%s', (_title, index, expected) => {
    expect(ids(removeScene(abc(), index))).toEqual(expected);
  });

  it('removes the only scene, leaving an empty draft', () => {
    const story = removeScene(removeScene(removeScene(abc(), 0), 0), 0);
    expect(story.scenes).toEqual([]);
  });
});

describe('updateScene(story, index, patch)', () => {
  it('replaces the caption of one scene only', () => {
    const next = updateScene(abc(), 1, { caption: { sv: 'Ny', en: 'New' } });
    expect(next.scenes.map((s) => s.caption.sv)).toEqual(['a', 'Ny', 'c']);
  });

  it('adds play and duration, and removes them with undefined', () => {
    const played = updateScene(abc(), 0, { play: { from: 2011, to: 2020, secondsPerYear: 1.5 }, durationSeconds: 12 });
    expect(played.scenes[0]).toMatchObject({ play: { from: 2011, to: 2020, secondsPerYear: 1.5 }, durationSeconds: 12 });
    const cleared = updateScene(played, 0, { play: undefined, durationSeconds: undefined });
    expect(Object.keys(cleared.scenes[0]!).sort()).toEqual(['caption', 'id', 'view']);
  });

  it('never changes the id', () => {
    const next = updateScene(abc(), 0, { id: 'z' } as never);
    expect(ids(next)).toEqual(['a', 'b', 'c']);
  });

  it('returns the story unchanged for an index with no scene', () => {
    const story = abc();
    expect(updateScene(story, 3, { caption: { sv: 'x', en: 'x' } })).toBe(story);
  });
});

describe('storyForSave(story)', () => {
  it('trims texts and leaves out notes empty in both languages', () => {
    let story = updateScene(abc(), 0, { notes: { sv: '  ', en: '' }, caption: { sv: ' Hej ', en: 'Hi ' } });
    story = updateScene(story, 1, { notes: { sv: 'Säg detta', en: ' Say this ' } });
    const saved = storyForSave({ ...story, title: { sv: ' Titel ', en: 'Title' } });
    expect(saved.title).toEqual({ sv: 'Titel', en: 'Title' });
    expect(saved.scenes[0]).not.toHaveProperty('notes');
    expect(saved.scenes[0]!.caption).toEqual({ sv: 'Hej', en: 'Hi' });
    expect(saved.scenes[1]!.notes).toEqual({ sv: 'Säg detta', en: 'Say this' });
    expect('story' in validateStory(saved)).toBe(true);
  });

  it('keeps notes written in one language only, which validation then reports', () => {
    const saved = storyForSave(updateScene(abc(), 2, { notes: { sv: 'Bara svenska', en: '' } }));
    const result = validateStory(saved);
    expect('errors' in result ? result.errors.map((e) => e.path) : []).toEqual(['scenes[2].notes.en']);
  });

  it('an empty draft does not validate', () => {
    expect('errors' in validateStory(storyForSave(emptyStory()))).toBe(true);
  });
});

describe('addHighlight / removeHighlight(story, index, code)', () => {
  it('adds codes to one scene in order, once each, without changing the input', () => {
    const story = abc();
    const one = addHighlight(story, 1, '1480');
    const two = addHighlight(one, 1, '1490');
    expect(two.scenes[1]!.highlight).toEqual(['1480', '1490']);
    expect(addHighlight(two, 1, '1480')).toBe(two);
    expect(two.scenes[0]!.highlight).toBeUndefined();
    expect(two.scenes[2]!.highlight).toBeUndefined();
    expect(story.scenes[1]!.highlight).toBeUndefined();
    expect(one.scenes[1]!.highlight).toEqual(['1480']);
  });

  it('removes one code and drops the field when the last one goes', () => {
    const story = addHighlight(addHighlight(abc(), 0, '1480'), 0, '1490');
    const left = removeHighlight(story, 0, '1480');
    expect(left.scenes[0]!.highlight).toEqual(['1490']);
    const none = removeHighlight(left, 0, '1490');
    expect('highlight' in none.scenes[0]!).toBe(false);
    expect(removeHighlight(none, 0, '1490')).toBe(none);
  });

  it('leaves the story unchanged for a missing scene or an empty code', () => {
    const story = abc();
    expect(addHighlight(story, 5, '1480')).toBe(story);
    expect(addHighlight(story, 0, '')).toBe(story);
    expect(removeHighlight(story, -1, '1480')).toBe(story);
  });

  it('keeps the highlights through saving, validation and a #story= link', () => {
    const story = addHighlight(addHighlight(addHighlight(abc(), 2, '1480'), 2, '1280'), 2, '0180');
    const result = validateStory(storyForSave(story));
    expect('story' in result && result.story.scenes[2]!.highlight).toEqual(['1480', '1280', '0180']);
    const encoded = storyToUrl(storyForSave(story));
    if (!('param' in encoded)) throw new Error('link too long');
    const back = storyFromUrl(`#story=${encoded.param}`);
    expect('story' in back && back.story.scenes[2]!.highlight).toEqual(['1480', '1280', '0180']);
  });
});
