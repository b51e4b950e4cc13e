/* Klyftkartan's service worker: plain JS, no build step, same-origin only.
 *
 * install:  fetch precache-manifest.json (written by scripts/precache-manifest.ts) and cache
 *           every file it lists, in a cache named after the build's version.
 * fetch:    cache-first for same-origin GETs, network as fallback; cross-origin requests
 *           are left to the browser and never cached.
 * activate: delete the caches of older versions.
 *
 * No skipWaiting() and, for updates, no clients.claim(): a new version waits until every tab
 * of the old one is closed, so it is picked up on a later load and never in the middle of a
 * presentation. The page may ask for it explicitly ({ type: 'skip-waiting' }) on a user's click.
 */

// Stamped by scripts/precache-manifest.ts after `vite build`; 'dev' when unstamped.
const VERSION = 'dev';
const CACHE_PREFIX = 'klyftkartan-';
const CACHE_NAME = CACHE_PREFIX + VERSION;
const MANIFEST = 'precache-manifest.json';

const scopeUrl = (path) => new URL(path, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

async function precache() {
  const response = await fetch(scopeUrl(MANIFEST), { cache: 'no-store' });
  if (!response.ok) throw new Error(`${MANIFEST}: HTTP ${response.status}`);
  const manifest = await response.json();
  const cache = await caches.open(CACHE_NAME);
  // cache: 'reload' skips the HTTP cache, so a file is never one build older than its manifest.
  await cache.addAll(manifest.files.map((file) => new Request(scopeUrl(file.url), { cache: 'reload' })));
  // Kept in the cache so the page can read the size offline.
  await cache.put(scopeUrl(MANIFEST), new Response(JSON.stringify(manifest), { headers: { 'Content-Type': 'application/json' } }));
}

self.addEventListener('activate', (event) => {
  event.waitUntil(activate());
});

async function activate() {
  const older = (await caches.keys()).filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME);
  await Promise.all(older.map((name) => caches.delete(name)));
  // The first install only: take over the open tab, so venue Wi-Fi dropping right after the
  // first visit does not break it. Same files, same version – nothing changes under the user.
  // An update (older caches exist) never claims: it waits for a later load.
  if (older.length === 0) await self.clients.claim();
}

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(cacheFirst(request, url));
});

async function cacheFirst(request, url) {
  const cache = await caches.open(CACHE_NAME);
  const navigate = request.mode === 'navigate';
  // Pages carry the view in the query string; the cached page is the same for every view.
  const key = navigate && url.pathname.endsWith('/') ? new URL('index.html', url.origin + url.pathname).href : request;
  // ignoreVary: servers send "Vary: Origin", and module scripts carry an Origin header the
  // precache requests lacked; the files are static, so any stored copy is the right one.
  const hit = await cache.match(key, { ignoreSearch: navigate, ignoreVary: true });
  if (hit) return hit;
  try {
    return await fetch(request);
  } catch (error) {
    const shell = navigate ? await cache.match(scopeUrl('index.html'), { ignoreVary: true }) : undefined;
    if (shell) return shell;
    throw error;
  }
}
