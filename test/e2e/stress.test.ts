import { beforeAll, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { monthLabel } from '../../shared/domain/dates';
import type { Fleet } from '../../shared/domain/fleet';
import { compareScenarios, runMonteCarlo } from '../../shared/engine/stress';
import { workbookCodec } from '../../electron/host/workbook-codec';
import { useApp } from './app';
import { screenshot, watchErrors } from './browser';

const SAMPLE = resolve(__dirname, '../../examples/sample-fleet.xlsx');
const app = useApp();
let fleet: Fleet;

beforeAll(async () => {
  // The same file read under Node, for the figures the page must show.
  const read = await workbookCodec.parse(new Uint8Array(await readFile(SAMPLE)), 'sample-fleet.xlsx');
  if (!read.ok) throw new Error(read.error.message);
  fleet = read.value.fleet;
});

const money = (cents: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', currencySign: 'accounting', minimumFractionDigits: 2 }).format(cents / 100);

async function openStress(page: Page): Promise<void> {
  await page.goto(app.url);
  await page.getByTestId('open-file-input').setInputFiles(SAMPLE);
  await expect.poll(() => page.getByTestId('doc-name').textContent()).toContain('sample-fleet.xlsx');
  await page.getByRole('tab', { name: 'Stress' }).click();
  await page.getByTestId('stress-view').waitFor();
}

test('stress view: scenarios, tornado, a Monte Carlo that agrees with the engine, and a long run cancelled', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = watchErrors(page);
  await openStress(page);

  // The scenarios side by side, with the figures the engine gives under Node.
  const table = page.getByTestId('stress-comparison');
  await expect.poll(() => table.locator('thead th').allTextContents()).toEqual(['At the as-of month', 'Base', 'Short lives', 'Bear market']);
  const compared = compareScenarios(fleet);
  if (!compared.ok) throw new Error('the sample does not compare');
  const bear = compared.value.scenarios.find((s) => s.name === 'Bear market')!.outcome;
  const evRow = table.locator('tbody tr', { has: page.locator('th', { hasText: /^Economic value$/ }) });
  expect(await evRow.locator('td').nth(2).textContent()).toBe(money(bear.economicValue));

  // The tornado renders its bars (largest swing first).
  const tornado = page.getByTestId('tornado-chart');
  await tornado.locator('canvas').first().waitFor();
  const bars = (await tornado.getAttribute('data-bars'))!.split('|');
  expect(bars.length).toBeGreaterThan(3);
  await page.getByTestId('tornado-output').selectOption('depreciation');
  // Only book lives move depreciation.
  await expect.poll(async () => (await page.getByTestId('tornado-chart').getAttribute('data-bars'))?.split('|').sort()).toEqual(['Book Life (months): ASIC', 'Book Life (months): GPU']);
  await page.getByTestId('tornado-output').selectOption('economicValue');

  // A small Monte Carlo: its median at the as-of month is runMonteCarlo's to the cent.
  await page.getByTestId('mc-paths').fill('50');
  await page.getByTestId('mc-seed').fill('1');
  await page.getByTestId('mc-run').click();
  await expect.poll(() => page.getByTestId('mc-status').textContent(), { timeout: 20_000 }).toMatch(/^Done: 50 paths/);
  const percentiles = page.getByTestId('mc-percentiles');
  await percentiles.waitFor();
  const mc = runMonteCarlo(fleet, { paths: 50, seed: 1 });
  if (!mc.ok) throw new Error('the sample does not run');
  const j = Array.from({ length: mc.value.length }, (_, k) => monthLabel(mc.value.startMonth + k)).indexOf(mc.value.asOf);
  expect(await percentiles.getAttribute('data-month')).toBe(mc.value.asOf);
  expect(Number(await percentiles.getAttribute('data-ev-p50'))).toBe(mc.value.economicValue.p50[j]);
  // Row P50, column Economic value.
  expect(await percentiles.locator('tbody tr').nth(1).locator('td').first().textContent()).toBe(money(mc.value.economicValue.p50[j]));
  await expect.poll(() => page.getByTestId('mc-lots').locator('.ag-row').count()).toBe(fleet.lots.length);
  await page.getByTestId('mc-fan').locator('canvas').first().waitFor();
  await page.evaluate(() => document.querySelector('main.view')?.scrollTo(0, 0));
  await page.waitForTimeout(500);
  await screenshot(page, 'stress-view');
  await page.evaluate(() => document.getElementById('stress-mc-h')?.scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(300);
  await screenshot(page, 'stress-monte-carlo');

  // A long run, cancelled part way: progress shows, the page answers meanwhile, the status says cancelled.
  await page.getByTestId('mc-paths').fill('100000');
  await page.getByTestId('mc-run').click();
  await page.getByTestId('mc-progress').waitFor();
  await expect.poll(async () => Number(await page.getByTestId('mc-progress').getAttribute('value')), { timeout: 20_000 }).toBeGreaterThan(0);
  const started = Date.now();
  await page.getByTestId('tornado-output').selectOption('gap');
  await expect.poll(async () => (await page.getByTestId('tornado-chart').getAttribute('data-bars'))?.split('|')[0]).toBeTruthy();
  // The UI thread is free: a round trip through the page is quick while the worker runs.
  const roundTrip = await page.evaluate(() => new Promise<number>((done) => { const t = performance.now(); requestAnimationFrame(() => done(performance.now() - t)); }));
  expect(roundTrip).toBeLessThan(500);
  await page.getByTestId('mc-cancel').click();
  await expect.poll(() => page.getByTestId('mc-status').textContent(), { timeout: 10_000 }).toMatch(/^Cancelled after [\d,]+ of 100,000 paths/);
  expect(Date.now() - started).toBeLessThan(15_000);
  await screenshot(page, 'stress-cancelled');
  expect(errors).toEqual([]);
  await page.close();
});

test('an edited scenario override changes the comparison, and undo puts it back', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = watchErrors(page);
  await openStress(page);
  const table = page.getByTestId('stress-comparison');
  const bearValue = () => table.locator('tbody tr', { has: page.locator('th', { hasText: /^Economic value$/ }) }).locator('td').nth(2).textContent();
  await expect.poll(bearValue).toMatch(/\$/);
  const before = await bearValue();

  // Row 5: Bear market, GPU Utilization % = 65. Lower it to 40.
  const value = page.getByTestId('scenario-value-4');
  expect(await value.inputValue()).toBe('65');
  await value.fill('40');
  await value.press('Enter');
  await expect.poll(bearValue).not.toBe(before);
  await expect.poll(() => page.getByTestId('doc-name').textContent()).toContain('•');

  // An unknown key is refused with the reason, and the workbook keeps its rows.
  await page.getByLabel('New override: scenario').fill('Bear market');
  await page.getByLabel('New override: key').fill('Moon Phase');
  await page.getByLabel('New override: value').fill('3');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect.poll(() => page.getByTestId('scenario-edit-problem').textContent()).toContain('"Moon Phase" is not a key');

  await page.getByTestId('scenario-undo').click();
  await expect.poll(() => value.inputValue()).toBe('65');
  await expect.poll(bearValue).toBe(before);
  expect(errors).toEqual([]);
  await page.close();
});
