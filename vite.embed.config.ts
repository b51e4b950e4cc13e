import { defineConfig } from 'vite';

/**
 * The embeddable <klyft-map> as its own ES module (dist/embed/klyft-map.js plus its chunks and
 * maplibre's worker), built after the app into the same dist/ without emptying it. Its data is
 * read from ../data/ next to it (the app's data), so the element and the app share one copy.
 */
export default defineConfig({
  base: './',
  publicDir: false,
  // Library mode keeps process.env.NODE_ENV for the consumer's bundler; a browser has no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    target: 'es2022',
    outDir: 'dist/embed',
    emptyOutDir: false,
    copyPublicDir: false,
    chunkSizeWarningLimit: 3000,
    // Library mode leaves ES output unminified by default; this one ships to readers.
    minify: true,
    lib: {
      entry: 'src/embed/klyft-map.ts',
      formats: ['es'],
      fileName: 'klyft-map',
    },
  },
});
