import { describe, expect, it } from 'vitest';
import { MAX_STORY_PARAM_LENGTH, storyFromUrl, storyToUrl, validateStory, type Story } from '../../src/story/story';

/** A fresh minimal valid story per test (no shared mutable fixtures). */
function minimalStory(): Story {
  return {
    version: 1,
    title: { sv: 'Titel', en: 'Title' },
    scenes: [
      {
        id: 'a',
        view: { level: 'kommun', indicator: 'kolada-n66077', year: 2011, mode: 'level', measure: 'fifthGap' },
        caption: { sv: 'Skillnaden var {gap:fifthGap:2011}.', en: 'The gap was {gap:fifthGap:2011}.' },
      },
    ],
  };
}

function errorsOf(json: unknown): string[] {
  const result = validateStory(json);
  return 'errors' in result ? result.errors.map((e) => e.message.sv) : [];
}

function withScene(patch: Record<string, unknown>): unknown {
  const story = minimalStory() as unknown as { scenes: Record<string, unknown>[] };
  story.scenes[0] = { ...story.scenes[0], ...patch };
  return story;
}

describe('validateStory(json)', () => {
  it('accepts a minimal story and returns it unchanged', () => {
    expect(validateStory(minimalStory())).toEqual({ story: minimalStory() });
  });

  it('accepts every optional field', () => {
    const json = withScene({
      play: { from: 2011, to: 2022, secondsPerYear: 1.5 },
      highlight: ['1480C3730'],
      camera: { center: [11.97, 57.71], zoom: 10 },
      notes: { sv: 'n', en: 'n' },
      durationSeconds: 12,
    });
    expect(errorsOf(json)).toEqual([]);
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['a string', 'story'],
    ['an array', []],
  ])('rejects %s without throwing', (_name, json) => {
    expect(errorsOf(json)).toEqual(['story ska vara ett JSON-objekt']);
  });

  it.each<[string, unknown, string]>([
    ['a missing Swedish caption', withScene({ caption: { en: 'x' } }), 'scenes[0].caption.sv saknas'],
    ['an empty English caption', withScene({ caption: { sv: 'x', en: ' ' } }), 'scenes[0].caption.en är tom'],
    ['an unknown level', withScene({ view: { level: 'county' } }), 'scenes[0].view.level är ingen känd nivå'],
    ['an unknown mode', withScene({ view: { mode: 'chart' } }), 'scenes[0].view.mode är inget känt läge'],
    ['an unknown measure', withScene({ view: { measure: 'variance' } }), 'scenes[0].view.measure är inget känt skillnadsmått'],
    ['a two-digit year', withScene({ view: { year: 22 } }), 'scenes[0].view.year ska vara ett årtal med fyra siffror'],
    ['a fractional year', withScene({ view: { year: 2011.5 } }), 'scenes[0].view.year ska vara ett årtal med fyra siffror'],
    ['a year as a string', withScene({ view: { year: '2011' } }), 'scenes[0].view.year ska vara ett årtal med fyra siffror'],
    ['from after to', withScene({ view: { from: 2022, to: 2011 } }), 'scenes[0].view.from ska vara före to'],
    ['a play range backwards', withScene({ play: { from: 2022, to: 2011, secondsPerYear: 1 } }), 'scenes[0].play.from ska vara före to'],
    ['a zero play speed', withScene({ play: { from: 2011, to: 2022, secondsPerYear: 0 } }), 'scenes[0].play.secondsPerYear ska vara ett tal över 0'],
    ['a NaN duration', withScene({ durationSeconds: Number.NaN }), 'scenes[0].durationSeconds ska vara ett positivt tal'],
    ['a bad area code', withScene({ highlight: ['1480', 'no spaces'] }), 'scenes[0].highlight[1] är ingen giltig områdeskod'],
    ['a camera off the globe', withScene({ camera: { center: [200, 57], zoom: 5 } }), 'scenes[0].camera.center ska vara [longitud, latitud]'],
    [
      'an unknown placeholder',
      withScene({ caption: { sv: '{gapp:range:2011}', en: 'x' } }),
      'scenes[0].caption.sv har en okänd platshållare: {gapp:range:2011}',
    ],
    ['a misspelt field', withScene({ captoin: 'x' }), 'scenes[0].captoin är inget känt fält'],
    ['a missing view', withScene({ view: undefined }), 'scenes[0].view saknas'],
  ])('rejects %s, naming the path', (_name, json, message) => {
    const errors = errorsOf(json);
    expect(
      errors.some((e) => e.startsWith(message)),
      errors.join('\n'),
    ).toBe(true);
  });

  it('gives English messages too', () => {
    const result = validateStory(withScene({ caption: { en: 'x' } }));
    expect('errors' in result && result.errors[0]).toEqual({
      path: 'scenes[0].caption.sv',
      message: { sv: 'scenes[0].caption.sv saknas', en: 'scenes[0].caption.sv is missing' },
    });
  });

  it('rejects a wrong version, no scenes and duplicate scene ids', () => {
    expect(errorsOf({ ...minimalStory(), version: 2 })).toContain('version ska vara 1');
    expect(errorsOf({ ...minimalStory(), scenes: [] })[0]).toMatch(/^scenes är tom/);
    const story = minimalStory();
    expect(errorsOf({ ...story, scenes: [story.scenes[0], story.scenes[0]] })).toContain('scenes[1].id "a" finns redan');
  });

  it('reports every error, not just the first', () => {
    expect(errorsOf({ version: 1, scenes: [{}, 5] })).toEqual([
      'title saknas',
      'scenes[0].id saknas',
      'scenes[0].view saknas',
      'scenes[0].caption saknas',
      'scenes[1] ska vara ett objekt',
    ]);
  });
});

describe('storyToUrl(story) / storyFromUrl(param)', () => {
  it('round-trips a story through a URL-safe parameter', () => {
    const story = minimalStory();
    story.scenes[0]!.caption.sv = 'Åäö – “citat” & {name:1480} ✓';
    const encoded = storyToUrl(story);
    if (!('param' in encoded)) throw new Error('expected a param');
    expect(encoded.param).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(storyFromUrl(encoded.param)).toEqual({ story });
    expect(storyFromUrl(`#story=${encoded.param}`)).toEqual({ story });
  });

  it('refuses a story too long for a link', () => {
    const story = minimalStory();
    // Random text does not deflate, so the parameter grows with it.
    let seed = 1;
    const noise = Array.from({ length: MAX_STORY_PARAM_LENGTH }, () => String.fromCharCode(33 + ((seed = (seed * 16807) % 2147483647) % 90))).join('');
    story.scenes[0]!.notes = { sv: noise, en: noise.split('').reverse().join('') };
    const encoded = storyToUrl(story);
    expect('error' in encoded && encoded.error.en).toMatch(/too long for a link/);
  });

  it.each([
    ['empty', ''],
    ['not base64', 'åäö'],
    ['base64 of garbage', 'AAAA'],
    ['a cut-off link', 'eNqrVkrLz1eyUkpKLFKqBQ'],
  ])('reports a %s parameter as a damaged link', (_name, param) => {
    const result = storyFromUrl(param);
    expect('errors' in result && result.errors[0]?.path).toBe('url');
  });

  it('validates what it decodes', () => {
    const encoded = storyToUrl({ ...minimalStory(), title: { sv: '', en: 'x' } });
    if (!('param' in encoded)) throw new Error('expected a param');
    const result = storyFromUrl(encoded.param);
    expect('errors' in result && result.errors[0]?.path).toBe('title.sv');
  });
});
