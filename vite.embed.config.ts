import { defineConfig } from 'vite';

/**
 * The embeddable <klyft-map> as its own ES module (dist/embed/klyft-map.js plus its chunks and
 * maplibre's worker), built after the app into the same dist/ without emptying it. Its data is
 * read from ../data/ next to it (the app's data), so the element and the app share one copy.
 *
 * A plain (not library-mode) build with a script entry: library mode keeps ES output's whitespace
 * for the consumer's bundler, which cost ~50 kB gzip here. Readers load this file as it is.
 */
export default defineConfig({
  base: './',
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: 'dist/embed',
    emptyOutDir: false,
    copyPublicDir: false,
    chunkSizeWarningLimit: 3000,
    // The preload helper would add <link rel="modulepreload"> to the host page's <head>.
    modulePreload: false,
    rolldownOptions: {
      input: { 'klyft-map': 'src/embed/klyft-map.ts' },
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
