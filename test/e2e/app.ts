import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { startTestHost, type TestHost } from './host';

/** The app as an e2e test file drives it: the real web host and Debian's Chromium. */
export interface E2eApp {
  /** The page to open (with the host's token). */
  url: string;
  browser: Browser;
  /** Where Save As and exports land in browser mode. */
  saveDir: string;
}

/**
 * Starts the host and the browser before the file's tests and closes both after them; the fields
 * are filled in by then (read them inside tests and hooks, not at module level).
 */
export function useApp(options: { firstStart?: boolean } = {}): E2eApp {
  const app = {} as E2eApp;
  let testHost: TestHost | undefined;
  beforeAll(async () => {
    testHost = await startTestHost(options);
    app.url = testHost.host.url;
    app.saveDir = testHost.saveDir;
    app.browser = await launchChromium();
  });
  afterAll(async () => {
    await app.browser?.close();
    await testHost?.close();
  });
  return app;
}
