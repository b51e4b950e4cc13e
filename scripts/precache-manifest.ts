/**
 * After `vite build`: lists every file in dist/ with its size and content hash in
 * dist/precache-manifest.json, which the service worker (public/sw.js) caches on install,
 * and stamps the manifest's version into dist/sw.js, so a new build changes the worker's
 * bytes and the browser installs it (as a waiting update, never mid-presentation).
 *   tsx scripts/precache-manifest.ts [dist]
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One precached file; `url` is relative to the app's folder (the worker's scope). */
export interface PrecacheEntry {
  url: string;
  size: number;
  /** First 16 hex digits of the SHA-256 of the content. */
  hash: string;
}

/** dist/precache-manifest.json. */
export interface PrecacheManifest {
  /** Hash of the file list: changes whenever any file's content, name or set changes. */
  version: string;
  totalBytes: number;
  files: PrecacheEntry[];
}

/** Written by this script, or fetched by the browser itself: never precached. */
export const NOT_PRECACHED = new Set(['precache-manifest.json', 'sw.js', '_headers']);
/** The line in public/sw.js that this script stamps. */
const VERSION_LINE = /const VERSION = '[^']*';/;

const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/** Builds the manifest from files (path relative to dist/, with '/' separators); sorted, so the same build gives the same version. */
export function buildPrecacheManifest(files: readonly { path: string; bytes: Uint8Array }[]): PrecacheManifest {
  const entries = files
    .filter((f) => !NOT_PRECACHED.has(f.path) && !f.path.endsWith('.map'))
    .map((f) => ({ url: f.path, size: f.bytes.byteLength, hash: sha256(f.bytes).slice(0, 16) }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const version = sha256(JSON.stringify(entries)).slice(0, 16);
  return { version, totalBytes: entries.reduce((sum, e) => sum + e.size, 0), files: entries };
}

/** Every file below `dir`, paths relative to it with '/' separators. */
function listFiles(dir: string): { path: string; bytes: Uint8Array }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const full = join(d.parentPath, d.name);
      return { path: relative(dir, full).split(sep).join('/'), bytes: readFileSync(full) };
    });
}

/** Writes dist/precache-manifest.json and stamps dist/sw.js; returns the manifest. */
export function writePrecacheManifest(dist: string): PrecacheManifest {
  const manifest = buildPrecacheManifest(listFiles(dist));
  writeFileSync(join(dist, 'precache-manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  const swPath = join(dist, 'sw.js');
  const sw = readFileSync(swPath, 'utf8');
  if (!VERSION_LINE.test(sw)) throw new Error(`${swPath}: no "const VERSION = '…';" line to stamp`);
  writeFileSync(swPath, sw.replace(VERSION_LINE, `const VERSION = '${manifest.version}';`));
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] ?? 'dist');
  const manifest = writePrecacheManifest(dist);
  console.log(`precache-manifest.json: ${manifest.files.length} files, ${(manifest.totalBytes / 1e6).toFixed(1)} MB, version ${manifest.version}`);
}
