import { expect, test } from 'vitest';
import { join, resolve } from 'node:path';
import { useApp } from './app';
import { screenshot, watchErrors } from './browser';

const EXAMPLES = resolve(__dirname, '../../examples');
const app = useApp({ firstStart: true });

test('the first start opens the built-in sample fleet; later starts do not', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1400, height: 860 } });
  const errors = watchErrors(page);
  await page.goto(app.url);
  await expect.poll(() => page.getByTestId('doc-name').textContent()).toContain('sample-fleet.xlsx');
  await expect.poll(() => page.locator('[data-testid="fleet-grid"] [row-index="0"] [col-id="id"]').count()).toBe(1);
  await screenshot(page, 'sample-fleet');
  await page.reload();
  await expect.poll(() => page.getByRole('tab', { name: 'Fleet' }).count()).toBe(1);
  await page.waitForTimeout(500);
  expect(await page.getByTestId('doc-name').textContent()).toContain('Untitled');
  expect(errors).toEqual([]);
  await page.close();
});

test('a messy register: map its columns, see the problems, fix the date order, load it', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = watchErrors(page);
  await page.goto(app.url);
  await page.getByTestId('open-file-input').setInputFiles(join(EXAMPLES, 'messy-register.csv'));
  const dialog = page.getByTestId('import-dialog');
  await expect.poll(() => dialog.isVisible()).toBe(true);
  // As it is, the register has no column Fleetbook reads as the Unit Cost.
  await expect.poll(() => page.getByTestId('import-problems').textContent()).toContain('Fleet!A1: missing required column "Unit Cost"');
  // Its own headers are matched where Fleetbook knows them (Qty -> Quantity).
  expect(await page.getByLabel('Fleetbook column for Qty').inputValue()).toBe('Quantity');
  await page.getByLabel('Fleetbook column for Description').selectOption('Model');
  await page.getByLabel('Fleetbook column for Acquisition Cost per Unit (USD)').selectOption('Unit Cost');
  await page.getByRole('button', { name: 'Open with this mapping' }).click();
  // Mapped, five of its dd/mm/yyyy dates could be either order: listed with their cells.
  await expect.poll(() => page.getByTestId('import-problems').textContent()).toContain('Fleet!F2: In Service "01/11/2021" is ambiguous');
  expect(await page.getByTestId('import-problems').locator('li.fb-error').count()).toBe(5);
  await screenshot(page, 'import-mapping');
  await page.getByLabel('Date order').selectOption('EU');
  await page.getByRole('button', { name: 'Open with this mapping' }).click();
  await expect.poll(() => dialog.isVisible()).toBe(false);
  expect(await page.getByTestId('doc-name').textContent()).toContain('messy-register.csv');
  // Nine lots; 01/11/2021 read day first is 2021-11-01.
  await expect.poll(() => page.locator('[data-testid="fleet-grid"] [row-index="0"] [col-id="inService"]').textContent()).toBe('2021-11-01');
  expect(await page.locator('[data-testid="fleet-grid"] [row-index="8"] [col-id="id"]').textContent()).toBe('FA-13000');
  await screenshot(page, 'import-loaded');
  expect(errors).toEqual([]);
  await page.close();
});
