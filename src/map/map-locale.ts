/** maplibre's UI strings in the app's two languages, and their relabelling after a language change. */

/** Swedish UI strings for maplibre's controls and canvas. */
export const SWEDISH_MAP_LOCALE: Record<string, string> = {
  'Map.Title': 'Karta',
  'NavigationControl.ZoomIn': 'Zooma in',
  'NavigationControl.ZoomOut': 'Zooma ut',
  'NavigationControl.ResetBearing': 'Återställ norr',
};

/** English UI strings for maplibre's controls and canvas. */
export const ENGLISH_MAP_LOCALE: Record<string, string> = {
  'Map.Title': 'Map',
  'NavigationControl.ZoomIn': 'Zoom in',
  'NavigationControl.ZoomOut': 'Zoom out',
  'NavigationControl.ResetBearing': 'Reset north',
};

/** Relabels the map's canvas and zoom buttons in `container` (maplibre reads `locale` only at creation). */
export function labelMapControls(container: HTMLElement, locale: Record<string, string>): void {
  const set = (selector: string, key: string) => {
    const text = locale[key];
    const element = container.querySelector(selector);
    if (text === undefined || !element) return;
    element.setAttribute('aria-label', text);
    if (element instanceof HTMLButtonElement) element.title = text;
  };
  set('.maplibregl-canvas', 'Map.Title');
  set('.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn');
  set('.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut');
}
