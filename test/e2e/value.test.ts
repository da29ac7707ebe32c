import { afterAll, beforeAll, expect, test } from 'vitest';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import type { RunningWebHost } from '../../electron/web';
import { startTestHost, type TestHost } from './host';
import { launchChromium, screenshot, watchErrors } from './browser';

const FIXTURES = resolve(__dirname, '../fixtures/workbooks');
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

test('value view', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = watchErrors(page);
  await page.goto(host.url);
  await page.getByTestId('open-file-input').setInputFiles(join(FIXTURES, 'full.xlsx'));
  await page.waitForTimeout(800);
  await page.getByRole('tab', { name: 'Value' }).click();
  await page.waitForTimeout(1500);
  await screenshot(page, 'value-view');
  expect(errors).toEqual([]);
});
