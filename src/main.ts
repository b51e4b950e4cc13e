import './shell/klyft-app';

// After the first map, so precaching the app and its data never competes with it; the offline
// status element and the registration code load then too (or after 10 s, e.g. in the table view).
async function startOffline(): Promise<void> {
  await import('./components/klyft-offline-status');
  const { registerServiceWorker } = await import('./offline/register-sw');
  await registerServiceWorker();
}
let started = false;
const start = (): void => {
  if (started) return;
  started = true;
  void startOffline();
};
window.addEventListener('klyft:first-map', start, { once: true });
setTimeout(start, 10_000);
