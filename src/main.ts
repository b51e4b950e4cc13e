/**
 * Start-up: the first choropleth is drawn by src/first-paint/ (no Lit, maplibre or panels), and
 * only then does the app shell load; it takes the drawn map over. The service worker and the
 * offline status follow the interactive map, so they never compete with it.
 */
import { paintFirstView } from './first-paint/first-paint';
import { withdrawFirstPaint } from './first-paint/handover';

const placeholder = document.getElementById('first-paint');
const mapBox = document.getElementById('first-paint-map');
const removePlaceholder = (): void => placeholder?.remove();

async function start(): Promise<void> {
  const result = mapBox
    ? await paintFirstView(new URL('data/', document.baseURI).href, location.search, mapBox, removePlaceholder)
    : { drawn: false as const, reason: 'no placeholder' };
  if (!result.drawn) removePlaceholder();
  document.documentElement.dataset.firstPaint = result.drawn ? 'drawn' : `skipped: ${result.reason}`;
  await import('./shell/klyft-app');
  if (result.drawn) watchForOtherViews();
}

/**
 * The app's map view takes the first paint over. If the app shows something else instead (a load
 * error, the table after a correction), the first paint must not cover it: give way then.
 */
function watchForOtherViews(): void {
  const started = performance.now();
  const timer = setInterval(() => {
    const shell = document.querySelector('klyft-app')?.shadowRoot;
    const other = shell?.querySelector('[role="alert"], #table');
    if (!document.getElementById('first-paint') || other || performance.now() - started > 60_000) {
      clearInterval(timer);
      if (document.getElementById('first-paint')) withdrawFirstPaint();
    }
  }, 250);
}

// After the first interactive map, so precaching the app and its data never competes with it; the
// offline status element and the registration code load then too (or after 10 s, e.g. in the table view).
async function startOffline(): Promise<void> {
  await import('./components/klyft-offline-status');
  const { registerServiceWorker } = await import('./offline/register-sw');
  await registerServiceWorker();
}
let offlineStarted = false;
const afterFirstMap = (): void => {
  if (offlineStarted) return;
  offlineStarted = true;
  void startOffline();
};
window.addEventListener(
  'klyft:first-map',
  () => {
    // A first paint the app did not take over (another level after a correction) gives way now.
    withdrawFirstPaint();
    afterFirstMap();
  },
  { once: true },
);
setTimeout(afterFirstMap, 10_000);
void start();
