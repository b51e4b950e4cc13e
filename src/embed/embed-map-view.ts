/**
 * The map of <klyft-map>: <klyft-map-view> with maplibre, the canvas choropleth and maplibre's worker, ~90 % of
 * the element's code. The element imports it at once but apart from itself, so its data requests
 * start, and its title, legend and slider draw, while this larger part is still downloading.
 */
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import '../components/klyft-map-view';

// Browsers start workers only from the page's own origin. On a host page elsewhere, maplibre
// gets a same-origin blob that imports its worker from here (the data host must send CORS headers).
const workerHref = new URL(workerUrl, import.meta.url).href;
if (new URL(workerHref).origin !== location.origin) {
  setWorkerUrl(URL.createObjectURL(new Blob([`import ${JSON.stringify(workerHref)};`], { type: 'text/javascript' })));
}
