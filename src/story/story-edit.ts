/**
 * Pure editing operations on a story being built in the app: each returns a new story and
 * leaves its input untouched. A draft may have no scenes yet and empty notes; `storyForSave`
 * turns it into what `validateStory` expects.
 */
import type { ViewState } from '../state/view-state';
import type { Scene, SceneCamera, SceneView, Story } from './story';

/** The caption a new scene starts with: the gap sentence, filled from the data when presented. */
export const CAPTION_SUGGESTION = '{summary}';

/** A story with no scenes yet, titled in both languages. */
export function emptyStory(title = { sv: 'Min berättelse', en: 'My story' }): Story {
  return { version: 1, title: { ...title }, scenes: [] };
}

/** The first id "scene-N" not used in the story. */
export function newSceneId(story: Story): string {
  const used = new Set(story.scenes.map((s) => s.id));
  let n = story.scenes.length + 1;
  while (used.has(`scene-${n}`)) n++;
  return `scene-${n}`;
}

/** A scene showing the view as it is (and the camera, when given), its highlighted areas as the scene's; unset period, area and highlights are left out. */
export function sceneFromView(view: ViewState, id: string, camera?: SceneCamera | null): Scene {
  const sceneView: SceneView = { level: view.level, indicator: view.indicator, year: view.year, mode: view.mode, measure: view.measure };
  if (view.from !== null) sceneView.from = view.from;
  if (view.to !== null) sceneView.to = view.to;
  if (view.area !== null) sceneView.area = view.area;
  const scene: Scene = { id, view: sceneView, caption: { sv: CAPTION_SUGGESTION, en: CAPTION_SUGGESTION } };
  if (camera) scene.camera = { center: [camera.center[0], camera.center[1]], zoom: camera.zoom };
  if (view.highlight.length > 0) scene.highlight = [...view.highlight];
  return scene;
}

/** Appends a scene. */
export function addScene(story: Story, scene: Scene): Story {
  return { ...story, scenes: [...story.scenes, scene] };
}

/** Moves the scene at `index` by `delta` places; unchanged when either end falls outside the list. */
export function moveScene(story: Story, index: number, delta: number): Story {
  const to = index + delta;
  const n = story.scenes.length;
  if (!Number.isInteger(index) || !Number.isInteger(to) || index < 0 || index >= n || to < 0 || to >= n || delta === 0) return story;
  const scenes = [...story.scenes];
  const [moved] = scenes.splice(index, 1);
  scenes.splice(to, 0, moved!);
  return { ...story, scenes };
}

/** Removes the scene at `index`; unchanged when there is none. */
export function removeScene(story: Story, index: number): Story {
  if (!Number.isInteger(index) || index < 0 || index >= story.scenes.length) return story;
  return { ...story, scenes: story.scenes.filter((_, i) => i !== index) };
}

/** Replaces fields of the scene at `index` (an `undefined` value removes the field); the id stays. */
export function updateScene(story: Story, index: number, patch: Partial<Omit<Scene, 'id'>>): Story {
  const scene = story.scenes[index];
  if (!scene || !Number.isInteger(index)) return story;
  const next: Record<string, unknown> = { ...scene };
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'id') continue;
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return { ...story, scenes: story.scenes.map((s, i) => (i === index ? (next as unknown as Scene) : s)) };
}

/** The draft as a story file: texts trimmed, notes left out when both languages are empty. */
export function storyForSave(story: Story): Story {
  return {
    version: 1,
    title: { sv: story.title.sv.trim(), en: story.title.en.trim() },
    scenes: story.scenes.map((scene) => {
      const out: Scene = { ...scene, caption: { sv: scene.caption.sv.trim(), en: scene.caption.en.trim() } };
      if (scene.notes) {
        const notes = { sv: scene.notes.sv.trim(), en: scene.notes.en.trim() };
        if (notes.sv === '' && notes.en === '') delete out.notes;
        else out.notes = notes;
      }
      return out;
    }),
  };
}

/** Adds an area code to the scene's highlights (once; order kept); unchanged for a missing scene or a code already there. */
export function addHighlight(story: Story, index: number, code: string): Story {
  const scene = story.scenes[index];
  if (!scene || code === '' || scene.highlight?.includes(code)) return story;
  return updateScene(story, index, { highlight: [...(scene.highlight ?? []), code] });
}

/** Removes an area code from the scene's highlights; the field goes when the list empties. */
export function removeHighlight(story: Story, index: number, code: string): Story {
  const scene = story.scenes[index];
  if (!scene?.highlight?.includes(code)) return story;
  const rest = scene.highlight.filter((c) => c !== code);
  return updateScene(story, index, { highlight: rest.length > 0 ? rest : undefined });
}
