import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { RunningWebHost } from '../../electron/web';
import { startTestHost, type TestHost } from './host';
import { launchChromium, screenshot, watchErrors } from './browser';

let host: RunningWebHost;
let browser: Browser;
let testHost: TestHost;

beforeAll(async () => {
  testHost = await startTestHost();
  host = testHost.host;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await testHost?.close();
});

test('the app shell loads in browser mode with no console errors', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(host.url);
  await expect.poll(() => page.getByRole('tab', { name: 'Fleet' }).count()).toBe(1);
  for (const name of ['Schedule', 'Value', 'Stress', 'Report']) {
    expect(await page.getByRole('tab', { name }).count()).toBe(1);
  }
  await screenshot(page, 'app-shell');
  expect(errors).toEqual([]);
  await page.close();
});

test('the host refuses calls without the per-run token', async () => {
  const res = await fetch(new URL('/api/app:info', host.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(res.status).toBe(401);
});
