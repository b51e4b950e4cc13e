/** Messages to the reader as the shell keeps them: worded already, one per id. */
import type { ViewState } from './view-state';

/** A button in a notice that changes the view, e.g. "choose an indicator available here". */
export interface NoticeAction {
  label: string;
  intent: Partial<ViewState>;
  /** Fire this event (bubbling, composed, no detail) instead of `klyft-intent`, e.g. to start presenting. */
  event?: string;
}

/** One message to the user; `warning` is announced assertively, `info` politely. */
export interface Notice {
  id: string;
  text: string;
  tone: 'info' | 'warning';
  actions?: NoticeAction[];
}

/** `notices` with the one of `id` replaced by `notice` (appended last), or removed when `notice` is null. */
export function withNotice(notices: readonly Notice[], id: string, notice: Notice | null): Notice[] {
  const others = notices.filter((n) => n.id !== id);
  return notice ? [...others, notice] : others;
}
