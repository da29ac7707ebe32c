import { expect, test } from 'vitest';
import { join, resolve } from 'node:path';
import { useApp } from './app';
import { screenshot, watchErrors } from './browser';

const FIXTURES = resolve(__dirname, '../fixtures/workbooks');
const app = useApp();

test('the Schedule view shows deferred tax by fiscal year, per lot and in total', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = watchErrors(page);
  await page.goto(app.url);
  // tax-fleet.csv, default assumptions (calendar fiscal year, tax rate 21 %):
  //   T1: 1 GPU server at 10,000.00 from March 2025, book straight line over 60 months, MACRS-5, no bonus.
  //   T2: 2 ASICs at 5,000.00 from July 2024, book straight line over 36 months, no tax depreciation (tax class none).
  await page.getByTestId('open-file-input').setInputFiles(join(FIXTURES, 'tax-fleet.csv'));
  await expect.poll(() => page.getByTestId('doc-name').textContent()).toContain('tax-fleet.csv');
  await page.getByRole('tab', { name: 'Schedule' }).click();
  await page.getByTestId('schedule-deferred').click();
  await page.getByTestId('schedule-period-year').click();

  const cell = (row: string, col: string) => page.locator(`[data-testid="schedule-view"] [row-id="${row}"] [col-id="${col}"]`);
  // FY2025 (December 2025):
  //   T1: book 10,000.00 - round(10,000.00 x 10/60) = 8,333.33; tax 10,000.00 - 20 % = 8,000.00;
  //       difference 333.33 x 21 % = 69.9993 -> 70.00 (a liability).
  //   T2: book 10,000.00 - 10,000.00 x 18/36 = 5,000.00; tax 10,000.00; difference -5,000.00 x 21 % = -1,050.00 (an asset).
  //   Fleet: book 13,333.33, tax 18,000.00, difference -4,666.67, deferred tax 70.00 - 1,050.00 = -980.00.
  // FY2024: T2 only: book 10,000.00 - round(10,000.00 x 6/36) = 8,333.33; -1,666.67 x 21 % = -350.0007 -> -350.00.
  //   Change in FY2025: -980.00 - (-350.00) = -630.00 (a deferred tax benefit).
  await expect.poll(() => cell('FY2025', 'deferredTax').textContent()).toBe('($980.00)');
  expect(await cell('FY2025', 'bookNbv').textContent()).toBe('$13,333.33');
  expect(await cell('FY2025', 'taxNbv').textContent()).toBe('$18,000.00');
  expect(await cell('FY2025', 'temporaryDifference').textContent()).toBe('($4,666.67)');
  expect(await cell('FY2025', 'change').textContent()).toBe('($630.00)');
  expect(await cell('FY2024', 'deferredTax').textContent()).toBe('($350.00)');
  // Totals row: balances at the end of the last year (FY2030: T1 at 0 on both books; T2 book 0, tax
  // 10,000.00: -2,100.00), the change summed over all years (from nothing: the same -2,100.00).
  const total = (col: string) => page.locator(`[data-testid="schedule-view"] [row-index="b-0"] [col-id="${col}"]`);
  expect(await total('deferredTax').textContent()).toBe('($2,100.00)');
  expect(await total('change').textContent()).toBe('($2,100.00)');
  await expect.poll(() => page.getByTestId('deferred-rate').textContent()).toContain('21%');
  await screenshot(page, 'schedule-deferred-tax');

  // One lot: T1 alone shows its 70.00 liability.
  await page.getByTestId('schedule-scope').selectOption('lot');
  await page.getByTestId('schedule-lot').fill('T1');
  await expect.poll(() => cell('FY2025', 'deferredTax').textContent()).toBe('$70.00');
  expect(errors).toEqual([]);
  await page.close();
});
