import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
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

async function openFixture(page: Page, name: string): Promise<void> {
  await page.getByTestId('open-file-input').setInputFiles(join(FIXTURES, name));
  await expect.poll(() => page.getByTestId('doc-name').textContent()).toContain(name);
}

test('opens a fleet CSV through the file chooser and shows its lots and schedule', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  const errors = watchErrors(page);
  await page.goto(host.url);
  await openFixture(page, 'small-fleet.csv');
  await page.waitForTimeout(500);
  await screenshot(page, 'fleet-view');
  await page.getByRole('tab', { name: 'Schedule' }).click();
  await page.waitForTimeout(800);
  await screenshot(page, 'schedule-view');
  expect(errors).toEqual([]);
});
