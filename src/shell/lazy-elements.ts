/**
 * Elements the first view does not show load on demand, keeping the first download small: the
 * table (view=table), the area panel (an area selected), the sources, the dialogs and the
 * presenter's parts; the analysis panel, the importer, the story menu and the hover tip right
 * after the first map.
 */
const lazyElements = {
  'klyft-data-table': () => import('../components/klyft-data-table'),
  'klyft-area-detail': () => import('../components/klyft-area-detail'),
  'klyft-sources': () => import('../components/klyft-sources'),
  'klyft-scatter': () => import('../components/klyft-scatter'),
  'klyft-gap-drivers': () => import('../components/klyft-gap-drivers'),
  'klyft-share-dialog': () => import('../features/export/klyft-share-dialog'),
  // Not needed to draw the first map: loaded right after it (see AFTER_FIRST_MAP).
  'klyft-gap-panel': () => import('../components/klyft-gap-panel'),
  'klyft-import': () => import('../components/klyft-import'),
  'klyft-story-menu': () => import('../features/story/klyft-story-menu'),
  'klyft-change-legend': () => import('../components/klyft-change-legend'),
  'klyft-presenter': () => import('../features/story/klyft-presenter'),
  'klyft-user-data': () => import('../features/user-data/klyft-user-data'),
  'klyft-speaker-view': () => import('../features/story/klyft-speaker-view'),
  'klyft-story-editor': () => import('../features/story/klyft-story-editor'),
  // Needed at the first hover: loaded right after the first map.
  'klyft-tooltip': () => import('../components/klyft-tooltip'),
} as const;

/** The tag of an element loaded on demand. */
export type LazyElement = keyof typeof lazyElements;

/** The elements loaded right after the first map (or at once when the view has no map). */
export const AFTER_FIRST_MAP: readonly LazyElement[] = ['klyft-gap-panel', 'klyft-import', 'klyft-story-menu', 'klyft-tooltip'];

/** Loads an element's code (at once when it is defined already). */
export function loadElement(tag: LazyElement): Promise<unknown> {
  return customElements.get(tag) ? Promise.resolve() : lazyElements[tag]();
}
