import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { startWebHost, type RunningWebHost } from '../../electron/web';
import { launchChromium, screenshot, watchErrors } from './browser';

const FIXTURES = resolve(__dirname, '../fixtures/workbooks');
let host: RunningWebHost;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fleetbook-e2e-'));
  host = await startWebHost({ userDataDir: join(dir, 'user'), saveDir: join(dir, 'saves') });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
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
