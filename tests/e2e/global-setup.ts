/** Serves the built app (dist/) with Vite's preview server for the browser tests. */
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';
import { E2E_PORT } from './browser';

let server: PreviewServer | undefined;

export async function setup(): Promise<void> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` before the browser tests.');
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    throw new Error("Debian's Chromium is missing: run `apt-get install -y chromium` (or `npm run setup:browser`).");
  }
  server = await preview({ preview: { host: '127.0.0.1', port: E2E_PORT, strictPort: true }, logLevel: 'warn' });
}

export async function teardown(): Promise<void> {
  await server?.close();
}
