/**
 * Stands in for @loaders.gl/core and @loaders.gl/images inside deck.gl (see vite.config.ts).
 * deck.gl fetches and parses layer data given as URLs with loaders.gl; Klyftkartan never does:
 * it loads its own files (src/data/load.ts) and hands deck parsed arrays. Keeping loaders.gl out
 * saves ~12 kB gzip of the first view. Anything that does reach these functions fails loudly.
 */
function unused(name: string): never {
  throw new Error(`Klyftkartan: deck.gl tried to ${name} through loaders.gl, which this build leaves out; pass parsed data instead.`);
}

export function registerLoaders(): void {}

export function load(): Promise<never> {
  return Promise.reject(unused('load a URL'));
}

export function parse(): Promise<never> {
  return Promise.reject(unused('parse data'));
}

export function fetchFile(): Promise<never> {
  return Promise.reject(unused('fetch a file'));
}

/** deck's IconLayer names it as the loader of icon atlases given as URLs (never here). */
export const ImageLoader = { id: 'image', name: 'Images (left out)', extensions: [], mimeTypes: [] };
