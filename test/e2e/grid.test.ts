import { expect, test } from 'vitest';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { useApp } from './app';
import { screenshot, watchErrors } from './browser';

const FIXTURES = resolve(__dirname, '../fixtures/workbooks');
const app = useApp();

/** small-fleet.csv: L-001 12,000.00 over 12 months; L-002 3 x 1,000.00 over 3; L-003 1,000.00 over 3. */
async function openSmallFleet(page: Page): Promise<void> {
  await page.goto(app.url);
  await page.getByTestId('open-file-input').setInputFiles(join(FIXTURES, 'small-fleet.csv'));
  await expect.poll(() => page.getByTestId('doc-name').textContent()).toContain('small-fleet.csv');
}

const cell = (page: Page, row: number, colId: string) => page.locator(`[data-testid="fleet-grid"] [row-index="${row}"] [col-id="${colId}"]`);

async function scheduleTotal(page: Page): Promise<string> {
  await page.getByRole('tab', { name: 'Schedule' }).click();
  // The pinned totals row of the schedule grid.
  const total = page.locator('[data-testid="schedule-view"] [row-index="b-0"] [col-id="depreciation"]');
  await expect.poll(() => total.textContent()).toMatch(/\$/);
  const text = (await total.textContent()) ?? '';
  await page.getByRole('tab', { name: 'Fleet' }).click();
  return text;
}

test('editing a Unit Cost changes the schedule total to the right figure', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1400, height: 860 } });
  const errors = watchErrors(page);
  await openSmallFleet(page);
  // Total depreciation over the lives: 12,000 + 3,000 + 1,000 = 16,000.00.
  expect(await scheduleTotal(page)).toBe('$16,000.00');
  await cell(page, 0, 'unitCost').dblclick();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('24000');
  await page.keyboard.press('Enter');
  await expect.poll(() => cell(page, 0, 'unitCost').textContent()).toBe('$24,000.00');
  // 24,000 + 3,000 + 1,000 = 28,000.00; the title shows the unsaved mark.
  expect(await scheduleTotal(page)).toBe('$28,000.00');
  expect(await page.getByTestId('doc-name').textContent()).toContain('•');
  await screenshot(page, 'fleet-edited');
  expect(errors).toEqual([]);
  await page.close();
});

test('a 3x4 block pasted from Excel lands as one undo step, and undo/redo restore it', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1400, height: 860 } });
  const errors = watchErrors(page);
  await openSmallFleet(page);
  // In Service, Acquired, Salvage %, Book Life (months) of the three lots, as Excel copies them.
  const tsv = ['2025-03-01\t2025-02-01\t10\t24', '2025-04-01\t2025-03-15\t0\t6', '"2025-05-31"\t2025-05-01\t0\t12', ''].join('\r\n');
  await cell(page, 0, 'inService').click();
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    const target = document.activeElement ?? document.querySelector('[data-testid="fleet-grid"]');
    target!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, tsv);
  await expect.poll(() => cell(page, 2, 'lifeMonths').textContent()).toBe('12');
  expect(await cell(page, 0, 'salvagePct').textContent()).toBe('10');
  expect(await cell(page, 1, 'inService').textContent()).toBe('2025-04-01');
  expect(await cell(page, 2, 'acquired').textContent()).toBe('2025-05-01');
  // Depreciation over the lives = cost - salvage: (12,000 - 10%) + 3,000 + 1,000 = 14,800.00.
  expect(await scheduleTotal(page)).toBe('$14,800.00');
  await screenshot(page, 'fleet-pasted');

  // One undo takes the whole block back; one redo puts it all again.
  await page.getByTestId('fleet-undo').click();
  await expect.poll(() => cell(page, 2, 'lifeMonths').textContent()).toBe('3');
  expect(await cell(page, 0, 'salvagePct').textContent()).toBe('0');
  expect(await cell(page, 1, 'inService').textContent()).toBe('2025-11-30');
  expect(await scheduleTotal(page)).toBe('$16,000.00');

  await page.getByTestId('fleet-redo').click();
  await expect.poll(() => cell(page, 2, 'lifeMonths').textContent()).toBe('12');
  expect(await scheduleTotal(page)).toBe('$14,800.00');
  expect(errors).toEqual([]);
  await page.close();
});
