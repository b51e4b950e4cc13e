/**
 * Builds the benchmark pages (the app's map harness and the two reference pages) into
 * dist/bench/, beside the built app, so the preview server serves them with the app's data
 * and every page is measured as a production build. Run by bench/run.ts after `npm run build`.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { withoutLoaders } from '../vite.config.ts';

const root = resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  base: '/',
  logLevel: 'warn',
  resolve: { alias: withoutLoaders },
  build: {
    target: 'es2022',
    outDir: resolve(root, 'dist'),
    // dist/ holds the app: add the pages beside it.
    emptyOutDir: false,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      input: {
        'reference-svg': resolve(root, 'bench/reference-svg.html'),
        'reference-webgl': resolve(root, 'bench/reference-webgl.html'),
        'map-harness': resolve(root, 'bench/map-harness.html'),
        'canvas-harness': resolve(root, 'bench/canvas-harness.html'),
      },
      output: {
        entryFileNames: 'bench/assets/[name]-[hash].js',
        chunkFileNames: 'bench/assets/[name]-[hash].js',
        assetFileNames: 'bench/assets/[name]-[hash][extname]',
      },
    },
  },
});
