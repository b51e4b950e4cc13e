/**
 * Which view the first paint draws, read from the address before the catalogue is there: the
 * level map of a shipped level and indicator (the default view when the URL names none). Views
 * it cannot draw — the table, the change views, imported data or divisions, the speaker window —
 * leave the first frame to the app.
 */
import { DEFAULT_VIEW } from '../state/view-state';

/** What the first paint does for an address. */
export type FirstPaintPlan = { draw: true; level: string; indicator: string } | { draw: false; reason: 'table' | 'change-view' | 'user-data' | 'speaker' };

/** Plans the first paint for a query string (`location.search`). */
export function planFirstPaint(search: string): FirstPaintPlan {
  const params = new URLSearchParams(search);
  if (params.get('speaker') === '1') return { draw: false, reason: 'speaker' };
  if (params.get('view') === 'table') return { draw: false, reason: 'table' };
  const mode = params.get('mode');
  if (mode === 'change' || mode === 'scatter') return { draw: false, reason: 'change-view' };
  const level = params.get('level') ?? DEFAULT_VIEW.level;
  const indicator = params.get('indicator') ?? DEFAULT_VIEW.indicator;
  if (level.startsWith('user-level:') || indicator.startsWith('user:')) return { draw: false, reason: 'user-data' };
  return { draw: true, level, indicator };
}

const FILE_ID = /^[a-z0-9-]{1,64}$/;

/**
 * The shipped files of a level's geometry and of an indicator's values there, as the data build
 * names them, fetched before the catalogue confirms them; null for ids that are no file names.
 */
export function guessedFiles(level: string, indicator: string): { geometry: string; values: string } | null {
  if (!FILE_ID.test(level) || !FILE_ID.test(indicator)) return null;
  return { geometry: `geo/${level}.topo.json`, values: `values/${level}/${indicator}.json` };
}
