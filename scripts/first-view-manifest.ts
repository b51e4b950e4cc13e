/**
 * Vite plugin: data/first-view.json, the first paint's slice of the shipped catalogue
 * (src/first-paint/manifest.ts), written into the build and served by the dev server.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { Catalogue } from '../src/data/types';
import { firstViewManifest } from '../src/first-paint/manifest.ts';

const CATALOGUE = resolve(import.meta.dirname, '../public/data/catalogue.json');
const URL_PATH = /^\/(?:[^?#]*\/)?data\/first-view\.json(?:[?#].*)?$/;

function manifestJson(): string {
  return JSON.stringify(firstViewManifest(JSON.parse(readFileSync(CATALOGUE, 'utf8')) as Catalogue));
}

/** Emits data/first-view.json in the build and serves it in the dev server. */
export function firstViewManifestPlugin(): Plugin {
  return {
    name: 'klyft-first-view-manifest',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!URL_PATH.test(req.url ?? '')) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(manifestJson());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'data/first-view.json', source: manifestJson() });
    },
  };
}
