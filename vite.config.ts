import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Connect, type Plugin } from 'vite';
import { headersFor, metaPolicy, parseHeaders } from './scripts/host-headers.ts';
import { firstViewManifestPlugin } from './scripts/first-view-manifest.ts';

/** The HTTP headers the built app is meant to be served with (public/_headers; README "Serving it"). */
const HOST_HEADERS = parseHeaders(readFileSync(resolve(import.meta.dirname, 'public/_headers'), 'utf8'));

/**
 * The strict Content-Security-Policy of public/_headers, also as a <meta> tag in the built pages
 * for hosts that send no headers (without frame-ancestors, which only a header can carry). Added
 * at build time only: Vite's dev server injects inline code that this policy would (rightly) block.
 */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'klyft-csp',
    apply: 'build',
    transformIndexHtml(html, context) {
      const policy = headersFor(HOST_HEADERS, `/${context.path.replace(/^\//, '')}`).get('content-security-policy');
      if (!policy) throw new Error(`public/_headers has no Content-Security-Policy for ${context.path}`);
      return html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${metaPolicy(policy)}" />`,
      );
    },
  };
}

/** Serves public/_headers' headers in `vite preview`, so the built app is tested as a host would serve it. */
function hostHeaders(): Plugin {
  return {
    name: 'klyft-host-headers',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
        // The preview server's base is './': paths are as a host at the site root sees them.
        for (const [name, value] of headersFor(HOST_HEADERS, path)) res.setHeader(name, value);
        next();
      });
    },
  };
}

/**
 * deck.gl loads layer data given as URLs through loaders.gl; Klyftkartan hands it parsed data
 * only, so loaders.gl is replaced by a stub that fails loudly if ever reached (~10 kB gzip less
 * in the first view and in <klyft-map>). Shared with vite.embed.config.ts.
 */
export const withoutLoaders = {
  '@loaders.gl/core': resolve(import.meta.dirname, 'src/vendor/loaders-stub.ts'),
  '@loaders.gl/images': resolve(import.meta.dirname, 'src/vendor/loaders-stub.ts'),
};

/** The data build's TopoJSON boundaries (npm run data), read by the app as data/geo/<file>. */
const GEODATA = resolve(import.meta.dirname, 'geodata');
const GEO_URL = /^\/(?:[^?#]*\/)?data\/geo\/([a-z0-9-]+\.topo\.json)(?:[?#].*)?$/;

/** Serves geodata/ as data/geo/ in the dev server and copies it there in the build. */
function geodata(): Plugin {
  const serve: Connect.NextHandleFunction = (req, res, next) => {
    const name = GEO_URL.exec(req.url ?? '')?.[1];
    if (!name || !readdirSync(GEODATA).includes(name)) return next();
    res.setHeader('Content-Type', 'application/json');
    res.end(readFileSync(join(GEODATA, name)));
  };
  return {
    name: 'klyft-geodata',
    configureServer(server) {
      server.middlewares.use(serve);
    },
    generateBundle() {
      for (const name of readdirSync(GEODATA)
        .filter((f) => f.endsWith('.topo.json'))
        .sort()) {
        this.emitFile({ type: 'asset', fileName: `data/geo/${name}`, source: readFileSync(join(GEODATA, name)) });
      }
    },
  };
}

export default defineConfig({
  base: './',
  resolve: { alias: withoutLoaders },
  plugins: [contentSecurityPolicy(), geodata(), firstViewManifestPlugin(), hostHeaders()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // The app. The iframe page (embed.html) is built with the element (vite.embed.config.ts).
      input: { main: 'index.html' },
      output: {
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ },
            { name: 'deckgl', test: /node_modules[\\/](@deck\.gl|@luma\.gl|@math\.gl|@loaders\.gl|@probe\.gl)/ },
          ],
        },
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
