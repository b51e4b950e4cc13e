/**
 * Registers the service worker (public/sw.js) in the built app and tracks whether the app
 * is ready for offline use, so the UI can say so (with the size precached).
 */

/** Where offline support stands. */
export type OfflineStatus =
  | { state: 'unsupported' }
  | { state: 'installing' }
  | { state: 'ready'; totalBytes: number | null }
  /** A newer version is installed and waits until every tab of this one is closed. */
  | { state: 'update-waiting'; totalBytes: number | null }
  | { state: 'error'; message: string };

type Listener = (status: OfflineStatus) => void;

let current: OfflineStatus = { state: 'installing' };
const listeners = new Set<Listener>();

function setStatus(status: OfflineStatus): void {
  current = status;
  document.documentElement.dataset.offline = status.state;
  for (const listener of listeners) listener(status);
}

/** The offline status, observable: `get()` now, `subscribe()` for changes (returns the unsubscribe). */
export const offlineStatus = {
  get: (): OfflineStatus => current,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Total bytes precached, read from the manifest (served from the cache once installed). */
async function precachedBytes(base: string): Promise<number | null> {
  try {
    const response = await fetch(new URL('precache-manifest.json', base));
    if (!response.ok) return null;
    const manifest = (await response.json()) as { totalBytes?: unknown };
    return typeof manifest.totalBytes === 'number' ? manifest.totalBytes : null;
  } catch {
    return null;
  }
}

/**
 * Registers sw.js next to the page (relative to document.baseURI) in a production build.
 * Vite's dev server gets no worker: a cache-first worker would serve stale modules.
 */
export async function registerServiceWorker(options: { enabled?: boolean } = {}): Promise<void> {
  const enabled = options.enabled ?? import.meta.env.PROD;
  if (!enabled || !('serviceWorker' in navigator)) {
    setStatus({ state: 'unsupported' });
    return;
  }
  const base = document.baseURI;
  let registration: ServiceWorkerRegistration;
  try {
    registration = await navigator.serviceWorker.register(new URL('sw.js', base));
  } catch (error) {
    setStatus({ state: 'error', message: String(error) });
    return;
  }
  const ready = async (): Promise<void> => setStatus({ state: 'ready', totalBytes: await precachedBytes(base) });
  const waiting = async (): Promise<void> => setStatus({ state: 'update-waiting', totalBytes: await precachedBytes(base) });

  /** Follows a worker being installed: the first one becomes ready, a later one waits. */
  const track = (worker: ServiceWorker): void => {
    const update = registration.active !== null && registration.active !== worker;
    if (!update) setStatus({ state: 'installing' });
    const handleStateChange = (): void => {
      if (worker.state === 'installed' && update) void waiting();
      else if (worker.state === 'activated') void ready();
      else if (worker.state === 'redundant' && !update) setStatus({ state: 'error', message: 'install failed' });
      if (worker.state === 'activated' || worker.state === 'redundant' || (worker.state === 'installed' && update)) {
        worker.removeEventListener('statechange', handleStateChange);
      }
    };
    worker.addEventListener('statechange', handleStateChange);
  };

  registration.addEventListener('updatefound', () => {
    if (registration.installing) track(registration.installing);
  });
  if (registration.waiting && registration.active) await waiting();
  else if (registration.installing) track(registration.installing);
  else if (registration.active) await ready();
}

/** Switches to a waiting version now and reloads: only on a user's explicit request. */
export async function activateWaitingVersion(): Promise<void> {
  const registration = await navigator.serviceWorker.getRegistration();
  const worker = registration?.waiting;
  if (!worker) return;
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  worker.postMessage({ type: 'skip-waiting' });
}
