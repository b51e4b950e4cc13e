/**
 * The story model: an ordered list of scenes a presenter steps through. Validation turns any
 * JSON (a file, a URL) into a Story or a list of errors naming the path, in both languages;
 * it never throws. A story travels in a URL as deflated, URL-safe base64 JSON.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { SHIPPED_LEVELS, type LevelId, type Localized } from '../data/types';
import type { ViewState } from '../state/view-state';
import { GAP_MEASURES } from '../stats/measures';
import { unknownPlaceholders } from './placeholders';

/** The view fields a scene may set; the rest of the view (classes, language, …) stays the viewer's. */
export type SceneView = Partial<Pick<ViewState, 'level' | 'indicator' | 'year' | 'mode' | 'from' | 'to' | 'measure' | 'area'>>;

/** A year range the scene plays through, at a given speed. */
export interface ScenePlay {
  from: number;
  to: number;
  secondsPerYear: number;
}

/** The map's camera; null = fit the level. */
export interface SceneCamera {
  center: [number, number];
  zoom: number;
}

/** One step of a story. */
export interface Scene {
  /** Unique within the story; used in the speaker view and as an anchor. */
  id: string;
  view: SceneView;
  play?: ScenePlay;
  /** Area codes drawn highlighted. */
  highlight?: string[];
  camera?: SceneCamera | null;
  /** Shown on screen; may hold placeholders (see placeholders.ts). */
  caption: Localized;
  /** Speaker notes, shown only in the speaker view. */
  notes?: Localized;
  /** Time on screen in the kiosk loop. */
  durationSeconds?: number;
}

/** A story as saved in a JSON file or a URL. */
export interface Story {
  version: 1;
  title: Localized;
  scenes: Scene[];
}

/** One thing wrong with a story, at a path like "scenes[2].caption.sv". */
export interface StoryError {
  path: string;
  message: Localized;
}

/** What validation returns: the story, or every error found. */
export type StoryResult = { story: Story } | { errors: StoryError[] };

/** Longest `#story=` value written; chat apps and some servers cut URLs around 8 kB. */
export const MAX_STORY_PARAM_LENGTH = 8000;
/** The hash parameter that carries a story. */
export const STORY_PARAM = 'story';

const LEVELS = new Set<string>(SHIPPED_LEVELS);
const MODES = new Set<string>(['level', 'change', 'scatter'] satisfies ViewState['mode'][]);
const MEASURES = new Set<string>(GAP_MEASURES.map((m) => m.id));
const AREA_CODE = /^[0-9A-Za-z_-]{1,24}$/;
const SCENE_KEYS = new Set(['id', 'view', 'play', 'highlight', 'camera', 'caption', 'notes', 'durationSeconds']);
const VIEW_KEYS = new Set(['level', 'indicator', 'year', 'mode', 'from', 'to', 'measure', 'area']);
const MAX_SECONDS_PER_YEAR = 60;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isYear = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 9999;
const isPositive = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;
const list = (values: Iterable<string>): string => [...values].join(', ');

/** Collects errors while walking the JSON. */
class Checker {
  readonly errors: StoryError[] = [];

  add(path: string, sv: string, en: string): void {
    this.errors.push({ path, message: { sv: `${path} ${sv}`, en: `${path} ${en}` } });
  }

  missing(path: string): void {
    this.add(path, 'saknas', 'is missing');
  }

  /** A non-empty string; reports and returns undefined otherwise. */
  text(value: unknown, path: string): string | undefined {
    if (value === undefined) return (this.missing(path), undefined);
    if (typeof value !== 'string') return (this.add(path, 'ska vara en text', 'must be a string'), undefined);
    if (value.trim() === '') return (this.add(path, 'är tom', 'is empty'), undefined);
    return value;
  }

  /** A { sv, en } pair of non-empty strings, optionally with known placeholders only. */
  localized(value: unknown, path: string, placeholders: boolean): Localized | undefined {
    if (value === undefined) return (this.missing(path), undefined);
    if (!isRecord(value)) return (this.add(path, 'ska vara { "sv": …, "en": … }', 'must be { "sv": …, "en": … }'), undefined);
    const sv = this.text(value['sv'], `${path}.sv`);
    const en = this.text(value['en'], `${path}.en`);
    if (sv === undefined || en === undefined) return undefined;
    if (placeholders) {
      for (const [lang, text] of [
        ['sv', sv],
        ['en', en],
      ] as const) {
        for (const raw of unknownPlaceholders(text)) this.add(`${path}.${lang}`, `har en okänd platshållare: ${raw}`, `has an unknown placeholder: ${raw}`);
      }
    }
    return { sv, en };
  }

  year(value: unknown, path: string): number | undefined {
    if (isYear(value)) return value;
    this.add(path, 'ska vara ett årtal med fyra siffror', 'must be a four-digit year');
    return undefined;
  }

  unknownKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>, path: string): void {
    for (const key of Object.keys(value)) {
      if (!allowed.has(key)) this.add(`${path}.${key}`, `är inget känt fält (kända: ${list(allowed)})`, `is not a known field (known: ${list(allowed)})`);
    }
  }
}

/** Checks any JSON value as a story. Never throws; every error names its path. */
export function validateStory(json: unknown): StoryResult {
  const check = new Checker();
  if (!isRecord(json)) {
    check.add('story', 'ska vara ett JSON-objekt', 'must be a JSON object');
    return { errors: check.errors };
  }
  if (json['version'] !== 1) check.add('version', 'ska vara 1', 'must be 1');
  const title = check.localized(json['title'], 'title', false);
  const scenesJson = json['scenes'];
  const scenes: Scene[] = [];
  if (scenesJson === undefined) check.missing('scenes');
  else if (!Array.isArray(scenesJson)) check.add('scenes', 'ska vara en lista', 'must be a list');
  else if (scenesJson.length === 0) check.add('scenes', 'är tom – en berättelse behöver minst en scen', 'is empty – a story needs at least one scene');
  else {
    const ids = new Set<string>();
    scenesJson.forEach((sceneJson: unknown, i) => {
      const scene = validateScene(sceneJson, `scenes[${i}]`, check);
      if (!scene) return;
      if (ids.has(scene.id)) check.add(`scenes[${i}].id`, `"${scene.id}" finns redan`, `"${scene.id}" is used twice`);
      ids.add(scene.id);
      scenes.push(scene);
    });
  }
  if (check.errors.length > 0 || !title) return { errors: check.errors };
  return { story: { version: 1, title, scenes } };
}

function validateScene(json: unknown, path: string, check: Checker): Scene | undefined {
  if (!isRecord(json)) {
    check.add(path, 'ska vara ett objekt', 'must be an object');
    return undefined;
  }
  const before = check.errors.length;
  check.unknownKeys(json, SCENE_KEYS, path);
  const id = check.text(json['id'], `${path}.id`);
  const view = validateView(json['view'], `${path}.view`, check);
  const caption = check.localized(json['caption'], `${path}.caption`, true);
  const scene: Partial<Scene> = { id, view, caption };
  if (json['notes'] !== undefined) scene.notes = check.localized(json['notes'], `${path}.notes`, true);
  if (json['play'] !== undefined) scene.play = validatePlay(json['play'], `${path}.play`, check);
  if (json['highlight'] !== undefined) {
    const highlight = json['highlight'];
    if (!Array.isArray(highlight)) check.add(`${path}.highlight`, 'ska vara en lista med områdeskoder', 'must be a list of area codes');
    else {
      highlight.forEach((code: unknown, i) => {
        if (typeof code !== 'string' || !AREA_CODE.test(code)) check.add(`${path}.highlight[${i}]`, 'är ingen giltig områdeskod', 'is not a valid area code');
      });
      scene.highlight = highlight.filter((code): code is string => typeof code === 'string');
    }
  }
  if (json['camera'] !== undefined) scene.camera = validateCamera(json['camera'], `${path}.camera`, check);
  if (json['durationSeconds'] !== undefined) {
    if (isPositive(json['durationSeconds'])) scene.durationSeconds = json['durationSeconds'];
    else check.add(`${path}.durationSeconds`, 'ska vara ett positivt tal (sekunder)', 'must be a positive number (seconds)');
  }
  return check.errors.length === before ? (scene as Scene) : undefined;
}

function validateView(json: unknown, path: string, check: Checker): SceneView | undefined {
  if (json === undefined) return (check.missing(path), undefined);
  if (!isRecord(json)) return (check.add(path, 'ska vara ett objekt', 'must be an object'), undefined);
  check.unknownKeys(json, VIEW_KEYS, path);
  const view: SceneView = {};
  const { level, indicator, year, mode, from, to, measure, area } = json;
  if (level !== undefined) {
    if (typeof level === 'string' && LEVELS.has(level)) view.level = level as LevelId;
    else check.add(`${path}.level`, `är ingen känd nivå (kända: ${list(LEVELS)})`, `is not a known level (known: ${list(LEVELS)})`);
  }
  if (indicator !== undefined) view.indicator = check.text(indicator, `${path}.indicator`);
  if (year !== undefined) view.year = check.year(year, `${path}.year`);
  if (mode !== undefined) {
    if (typeof mode === 'string' && MODES.has(mode)) view.mode = mode as ViewState['mode'];
    else check.add(`${path}.mode`, `är inget känt läge (kända: ${list(MODES)})`, `is not a known mode (known: ${list(MODES)})`);
  }
  if (measure !== undefined) {
    if (typeof measure === 'string' && MEASURES.has(measure)) view.measure = measure as ViewState['measure'];
    else check.add(`${path}.measure`, `är inget känt skillnadsmått (kända: ${list(MEASURES)})`, `is not a known gap measure (known: ${list(MEASURES)})`);
  }
  if (from !== undefined) view.from = from === null ? null : check.year(from, `${path}.from`);
  if (to !== undefined) view.to = to === null ? null : check.year(to, `${path}.to`);
  if (isYear(from) && isYear(to) && from >= to) check.add(`${path}.from`, 'ska vara före to', 'must be before to');
  if (area !== undefined) {
    if (area === null || (typeof area === 'string' && AREA_CODE.test(area))) view.area = area;
    else check.add(`${path}.area`, 'är ingen giltig områdeskod', 'is not a valid area code');
  }
  return view;
}

function validatePlay(json: unknown, path: string, check: Checker): ScenePlay | undefined {
  if (!isRecord(json)) return (check.add(path, 'ska vara { "from", "to", "secondsPerYear" }', 'must be { "from", "to", "secondsPerYear" }'), undefined);
  const from = check.year(json['from'], `${path}.from`);
  const to = check.year(json['to'], `${path}.to`);
  const speed = json['secondsPerYear'];
  if (!isPositive(speed) || speed > MAX_SECONDS_PER_YEAR) {
    check.add(
      `${path}.secondsPerYear`,
      `ska vara ett tal över 0 och högst ${MAX_SECONDS_PER_YEAR}`,
      `must be a number above 0 and at most ${MAX_SECONDS_PER_YEAR}`,
    );
    return undefined;
  }
  if (from === undefined || to === undefined) return undefined;
  if (from >= to) return (check.add(`${path}.from`, 'ska vara före to', 'must be before to'), undefined);
  return { from, to, secondsPerYear: speed };
}

function validateCamera(json: unknown, path: string, check: Checker): SceneCamera | null | undefined {
  if (json === null) return null;
  if (!isRecord(json))
    return (check.add(path, 'ska vara { "center": [lon, lat], "zoom" } eller null', 'must be { "center": [lon, lat], "zoom" } or null'), undefined);
  const center = json['center'];
  const zoom = json['zoom'];
  const [lon, lat] = Array.isArray(center) ? (center as unknown[]) : [];
  const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  let ok = true;
  if (!Array.isArray(center) || center.length !== 2 || !finite(lon) || !finite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    check.add(`${path}.center`, 'ska vara [longitud, latitud] i grader', 'must be [longitude, latitude] in degrees');
    ok = false;
  }
  if (!finite(zoom) || zoom < 0 || zoom > 24) {
    check.add(`${path}.zoom`, 'ska vara ett tal mellan 0 och 24', 'must be a number from 0 to 24');
    ok = false;
  }
  return ok ? { center: [lon as number, lat as number], zoom: zoom as number } : undefined;
}

/** Encodes a story for `#story=…`: deflated JSON in URL-safe base64; an error when it is too long for a link. */
export function storyToUrl(story: Story): { param: string } | { error: Localized } {
  const param = toBase64Url(deflateSync(strToU8(JSON.stringify(story)), { level: 9 }));
  if (param.length > MAX_STORY_PARAM_LENGTH) {
    return {
      error: {
        sv: `Berättelsen är för lång för en länk (${param.length} tecken, högst ${MAX_STORY_PARAM_LENGTH}). Spara den som fil i stället.`,
        en: `The story is too long for a link (${param.length} characters, at most ${MAX_STORY_PARAM_LENGTH}). Save it as a file instead.`,
      },
    };
  }
  return { param };
}

/**
 * Decodes a story from a `#story=` value (the bare value or a whole hash) and validates it.
 * Never throws: a cut or corrupted link gives an error at path "url".
 */
export function storyFromUrl(value: string): StoryResult {
  const hash = value.replace(/^#/, '');
  const param = hash.includes('=') ? (new URLSearchParams(hash).get(STORY_PARAM) ?? '') : hash;
  const fail = (sv: string, en: string): StoryResult => ({ errors: [{ path: 'url', message: { sv, en } }] });
  if (param === '') return fail('Länken innehåller ingen berättelse.', 'The link holds no story.');
  if (param.length > MAX_STORY_PARAM_LENGTH * 2) return fail('Berättelsen i länken är för lång.', 'The story in the link is too long.');
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(inflateSync(fromBase64Url(param))));
  } catch {
    return fail('Berättelsen i länken är skadad eller avklippt.', 'The story in the link is damaged or cut off.');
  }
  return validateStory(json);
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('invalid base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
