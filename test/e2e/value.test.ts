import { expect, test } from 'vitest';
import { join, resolve } from 'node:path';
import { useApp } from './app';
import { screenshot, watchErrors } from './browser';

const FIXTURES = resolve(__dirname, '../fixtures/workbooks');
const app = useApp();

test('value view', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = watchErrors(page);
  await page.goto(app.url);
  await page.getByTestId('open-file-input').setInputFiles(join(FIXTURES, 'full.xlsx'));
  await page.waitForTimeout(800);
  await page.getByRole('tab', { name: 'Value' }).click();
  await page.waitForTimeout(1500);
  await screenshot(page, 'value-view');
  expect(errors).toEqual([]);
});

test("changing a lot's Book Life moves the Value chart's book line", async () => {
  const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = watchErrors(page);
  await page.goto(app.url);
  await page.getByTestId('open-file-input').setInputFiles(join(FIXTURES, 'small-fleet.csv'));
  await expect.poll(() => page.getByTestId('doc-name').textContent()).toContain('small-fleet.csv');
  const bookLine = async () => ((await page.getByTestId('value-chart').getAttribute('data-book-nbv')) ?? '').split(',').slice(0, 3);

  await page.getByRole('tab', { name: 'Value' }).click();
  await page.getByTestId('value-scope').selectOption('lot:L-001');
  // L-001: 12,000.00 straight line over 12 months from January 2025: NBV 11,000, 10,000, 9,000 at the month ends.
  await expect.poll(bookLine).toEqual(['11000', '10000', '9000']);

  await page.getByRole('tab', { name: 'Fleet' }).click();
  const life = page.locator('[data-testid="fleet-grid"] [row-index="0"] [col-id="lifeMonths"]');
  await life.dblclick();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('24');
  await page.keyboard.press('Enter');
  await expect.poll(() => life.textContent()).toBe('24');

  await page.getByRole('tab', { name: 'Value' }).click();
  expect(await page.getByTestId('value-scope').inputValue()).toBe('lot:L-001');
  // Over 24 months: 500.00 a month, so 11,500, 11,000, 10,500.
  await expect.poll(bookLine).toEqual(['11500', '11000', '10500']);
  await screenshot(page, 'value-after-life-change');
  expect(errors).toEqual([]);
  await page.close();
});
