/**
 * What <klyft-map> loads apart from itself: the map (maplibre and deck.gl, requested at once), the
 * change view's parts and the hover tooltip (when first needed).
 */

/** The change view's parts (legend, diverging scale, overview), once loaded. */
export type ChangeKit = typeof import('./embed-change');
let changeKit: ChangeKit | null = null;
let changeKitLoading: Promise<ChangeKit> | null = null;

/** The change view's parts, or null until `loadChangeKit` has loaded them. */
export function loadedChangeKit(): ChangeKit | null {
  return changeKit;
}

/** Loads the change view's parts (once). */
export function loadChangeKit(): Promise<ChangeKit> {
  changeKitLoading ??= import('./embed-change').then((kit) => (changeKit = kit));
  return changeKitLoading;
}

/** The hover tooltip, loaded at the first hover. */
export function loadTooltip(): void {
  if (!customElements.get('klyft-tooltip')) void import('../components/klyft-tooltip');
}

/**
 * The map itself (maplibre and deck.gl), requested as soon as this module runs, alongside the
 * data: the element renders its title, legend and slider meanwhile, and the map once it arrives.
 */
export const mapViewLoaded: Promise<unknown> = import('./embed-map-view');
