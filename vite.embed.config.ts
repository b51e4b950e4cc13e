import { defineConfig } from 'vite';
import { contentSecurityPolicy, withoutLoaders } from './vite.config';

/**
 * The embeddable <klyft-map> as its own ES module (dist/embed/klyft-map.js plus its chunks and
 * maplibre's worker), built after the app into the same dist/ without emptying it. Its data is
 * read from ../data/ next to it (the app's data), so the element and the app share one copy.
 * The iframe page (dist/embed.html?level=…) is built here too, on the element's own chunks: as
 * an entry of the app build it would reshape the app's chunks (and its first-view JS).
 *
 * A plain (not library-mode) build with a script entry: library mode keeps ES output's whitespace
 * for the consumer's bundler, which cost ~50 kB gzip here. Readers load this file as it is.
 */
export default defineConfig({
  base: './',
  publicDir: false,
  plugins: [contentSecurityPolicy()],
  resolve: { alias: withoutLoaders },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    copyPublicDir: false,
    chunkSizeWarningLimit: 3000,
    // The preload helper would add <link rel="modulepreload"> to the host page's <head>.
    modulePreload: false,
    rolldownOptions: {
      input: { 'klyft-map': 'src/embed/klyft-map.ts', embed: 'embed.html' },
      // allow-extension: the element's module lives in klyft-map.js itself (the page imports it from
      // there), not in a chunk behind a facade — its default data folder is relative to its own URL.
      preserveEntrySignatures: 'allow-extension',
      output: {
        entryFileNames: (chunk) => (chunk.name === 'klyft-map' ? 'embed/klyft-map.js' : 'embed/[name]-[hash].js'),
        chunkFileNames: 'embed/chunks/[name]-[hash].js',
        assetFileNames: 'embed/assets/[name]-[hash][extname]',
      },
    },
  },
});
