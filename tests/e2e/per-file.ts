/** What most browser test files share: one Chromium for the file's tests, and screenshots kept on request. */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';

/** Where screenshots are kept (KLYFT_SHOTS_DIR), or undefined: none are taken. */
export const SHOTS = process.env.KLYFT_SHOTS_DIR;

/** Launches one Chromium before the file's tests and closes it after them; `.browser` is it, once launched. */
export function browserPerFile(): { readonly browser: Browser } {
  let launched: Browser | undefined;
  beforeAll(async () => {
    launched = await launchBrowser();
  });
  afterAll(async () => {
    await launched?.close();
  });
  return {
    get browser(): Browser {
      if (!launched) throw new Error('the browser is launched before the tests (beforeAll)');
      return launched;
    },
  };
}

/** Keeps a screenshot of the page as <name>.png in KLYFT_SHOTS_DIR, when it is set. */
export async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}
