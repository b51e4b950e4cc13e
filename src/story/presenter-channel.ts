/**
 * Messages between the presenting window and its speaker view (BroadcastChannel, same origin).
 * The main window owns the position; the speaker window only shows it and forwards keys.
 */
import type { Lang } from '../format/number';
import type { Story } from './story';

/** The channel both windows open. */
export const PRESENTER_CHANNEL = 'klyft-presenter';

/** Keys a clicker or the speaker's keyboard sends, forwarded as they are. */
export const PRESENTER_KEYS = ['PageDown', 'PageUp', 'ArrowRight', 'ArrowLeft', ' ', 'Home', 'End', 'b', 'B', '.'] as const;

/** What the main window shows, sent on every change and in answer to "hello". */
export interface SceneMessage {
  type: 'scene';
  index: number;
  story: Story | null;
  /** The current caption with its placeholders filled (null while the data loads). */
  caption: string | null;
  notes: string | null;
  year: number | null;
  /** Date.now() when the presentation started. */
  startedAt: number;
  blackout: boolean;
  lang: Lang;
}

export type PresenterMessage = SceneMessage | { type: 'key'; key: string } | { type: 'hello' } | { type: 'end' };

/** A story caption with its placeholders elided, for the speaker's preview of a scene not yet loaded. */
export function previewText(text: string): string {
  return text.replace(/\{[A-Za-z]+(?::[^{}\s]*)?\}/g, '…');
}

/** Elapsed time as m:ss (or h:mm:ss past an hour). */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${String(m).padStart(2, '0')}:${s}`;
}
