/**
 * The story being edited survives a reload in localStorage. What is read back is only
 * shape-checked (the editor shows full validation on save): a draft may be unfinished.
 */
import type { Story } from './story';

/** The localStorage key of the draft. */
export const DRAFT_KEY = 'klyft-story-draft';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPair = (v: unknown): boolean => isRecord(v) && typeof v['sv'] === 'string' && typeof v['en'] === 'string';

/** The saved draft, or null when there is none or it is not story-shaped (storage refused, hand-edited). */
export function readDraft(): Story | null {
  try {
    const json: unknown = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null');
    if (!isRecord(json) || !isPair(json['title']) || !Array.isArray(json['scenes'])) return null;
    const scenesOk = json['scenes'].every((s: unknown) => isRecord(s) && typeof s['id'] === 'string' && isRecord(s['view']) && isPair(s['caption']));
    return scenesOk ? (json as unknown as Story) : null;
  } catch {
    return null;
  }
}

/** Saves the draft; a full or refused storage only loses the reload copy. */
export function writeDraft(story: Story): void {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(story));
  } catch {
    // Private mode or quota: the draft still lives in the page.
  }
}
