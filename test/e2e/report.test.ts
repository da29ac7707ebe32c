import { afterAll, beforeAll, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { REPORT_SHEET_KEYS, SHEET_NAMES } from '../../shared/report';
import { useApp } from './app';
import { screenshot, watchErrors } from './browser';

const FIXTURES = resolve(__dirname, '../fixtures/workbooks');
const app = useApp();
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'fleetbook-e2e-report-'));
});

afterAll(async () => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** `$1,234.56` or `($1,234.56)` -> cents. */
function cents(text: string): number {
  const negative = /^\(.*\)$/.test(text.trim()) || text.includes('-');
  const digits = text.replace(/[^0-9.]/g, '');
  return (negative ? -1 : 1) * Math.round(Number(digits) * 100);
}

async function openFile(page: Page, path: string, name: string): Promise<void> {
  await page.goto(app.url);
  await page.getByTestId('open-file-input').setInputFiles(path);
  await expect.poll(() => page.getByTestId('doc-name').textContent(), { timeout: 30_000 }).toContain(name);
}

/** The Depreciation column of the Book Schedule sheet(s), summed in cents. */
function bookDepreciation(wb: ExcelJS.Workbook): number {
  let total = 0;
  for (const ws of wb.worksheets.filter((w) => w.name === SHEET_NAMES.book || w.name.startsWith(`${SHEET_NAMES.book} (`))) {
    const col = (ws.getRow(1).values as unknown[]).indexOf('Depreciation');
    expect(col).toBeGreaterThan(0);
    ws.eachRow((row, r) => {
      if (r === 1) return;
      const cell = row.getCell(col);
      const v = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
      if (typeof v === 'number') total += Math.round(v * 100);
    });
  }
  return total;
}

test('export a report: choose the sheets, download it, and open it with exceljs', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const errors = watchErrors(page);
  const fixture = join(FIXTURES, 'full.xlsx');
  await openFile(page, fixture, 'full.xlsx');

  // What the app shows: the Schedule view's total depreciation (fleet, all fiscal years).
  await page.getByRole('tab', { name: 'Schedule' }).click();
  const totalCell = page.locator('[data-testid="schedule-view"] [row-index="b-0"] [col-id="depreciation"]');
  await expect.poll(() => totalCell.textContent()).toMatch(/\$/);
  const shown = cents((await totalCell.textContent()) ?? '');
  expect(shown).toBeGreaterThan(0);

  await page.getByRole('tab', { name: 'Report' }).click();
  const view = page.getByTestId('report-view');
  await expect.poll(() => view.count()).toBe(1);
  // Every sheet of shared/report is offered, by its report name; the Audit sheet cannot be left out.
  for (const key of REPORT_SHEET_KEYS) {
    const box = page.getByTestId(`report-sheet-${key}`);
    expect(await box.isChecked(), key).toBe(true);
    expect(await box.locator('xpath=..').textContent(), key).toContain(SHEET_NAMES[key]);
  }
  expect(await page.getByTestId('report-sheet-audit').isDisabled()).toBe(true);
  // The workbook's scenarios are offered beside the base case.
  const scenario = page.getByLabel('Scenario');
  expect(await scenario.locator('option').allTextContents()).toEqual(['Base (no scenario)', 'Bear']);

  await page.getByTestId('report-sheet-stress').uncheck();
  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId('report-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('full report.xlsx');
  const saved = join(scratch, 'downloaded.xlsx');
  await download.saveAs(saved);
  await expect.poll(() => page.getByTestId('report-result').textContent(), { timeout: 30_000 }).toContain('full report.xlsx');
  await screenshot(page, 'report-view');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'report-view-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  const names = wb.worksheets.map((w) => w.name);
  const expected = REPORT_SHEET_KEYS.filter((k) => k !== 'stress').map((k) => SHEET_NAMES[k]);
  expect([...names].sort()).toEqual([...expected].sort());
  expect(names.at(-1)).toBe(SHEET_NAMES.audit);
  expect(names).not.toContain(SHEET_NAMES.stress);
  // The report's figures are the app's: total book depreciation to the cent.
  expect(bookDepreciation(wb)).toBe(shown);
  // The Audit sheet names the file as opened and its SHA-256.
  const audit = new Map<string, unknown>();
  wb.getWorksheet(SHEET_NAMES.audit)!.eachRow((row) => audit.set(String(row.getCell(2).value), row.getCell(3).value));
  expect(audit.get('Input File')).toBe('full.xlsx');
  expect(audit.get('Input SHA-256')).toBe(createHash('sha256').update(readFileSync(fixture)).digest('hex'));
  expect(audit.get('Scenario')).toBe('Base (no scenario)');
  // The result line says what was written; the host kept a copy in its folder.
  const line = (await page.getByTestId('report-result').textContent()) ?? '';
  expect(line).toContain(`${names.length} sheets`);
  expect(readdirSync(app.saveDir)).toContain('full report.xlsx');
  expect(readFileSync(join(app.saveDir, 'full report.xlsx')).equals(readFileSync(saved))).toBe(true);
  expect(errors).toEqual([]);
  await page.close();
});

test("the Stress sheet's Monte Carlo runs the paths and seed typed in the Report view", async () => {
  const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const errors = watchErrors(page);
  await openFile(page, join(FIXTURES, 'full.xlsx'), 'full.xlsx');
  await page.getByRole('tab', { name: 'Report' }).click();
  const paths = page.getByTestId('report-mc-paths');
  // Not a number of paths: the export is held back with the reason.
  await paths.fill('0');
  expect(await page.getByTestId('report-export').isDisabled()).toBe(true);
  await expect.poll(() => page.locator('.fb-report-note.fb-warn').textContent()).toBe('Monte Carlo paths must be from 1 to 100,000.');
  await paths.fill('40');
  await page.getByTestId('report-mc-seed').fill('9');
  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId('report-export').click();
  const saved = join(scratch, 'with-stress.xlsx');
  await (await downloading).saveAs(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  const titles: string[] = [];
  wb.getWorksheet(SHEET_NAMES.stress)!.eachRow((row) => titles.push(String(row.getCell(1).value ?? '')));
  expect(titles.find((t) => t.startsWith('Monte Carlo: '))).toMatch(/^Monte Carlo: 40 paths, seed 9;/);
  expect(errors).toEqual([]);
  await page.close();
});

test('cancel the export of a 3,000-lot fleet', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const errors = watchErrors(page);
  const lines = ['Lot ID,Class,Model,Quantity,Unit Cost,In Service,Salvage %,Book Life (months),Method,Convention'];
  for (let i = 1; i <= 3000; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    lines.push(`B-${i},${i % 3 ? 'ASIC' : 'GPU'},${i % 3 ? 'Antminer S21' : 'HGX H100'},${(i % 50) + 1},${1000 + i},202${i % 4}-${month}-15,0,${36 + (i % 5) * 12},SL,full-month`);
  }
  const csv = join(scratch, 'big-fleet.csv');
  writeFileSync(csv, `${lines.join('\n')}\n`);
  await openFile(page, csv, 'big-fleet.csv');
  let downloads = 0;
  page.on('download', () => downloads++);
  const before = readdirSync(app.saveDir).length;

  // File > Export Report's shortcut: the Report view with its Export button focused; Enter exports.
  await page.keyboard.press('ControlOrMeta+E');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('report-export');
  await page.keyboard.press('Enter');
  const status = page.getByTestId('report-status');
  await expect.poll(() => status.getAttribute('data-phase'), { timeout: 30_000 }).toBe('running');
  await expect.poll(() => page.getByTestId('report-progress').count()).toBe(1);
  await page.getByTestId('report-cancel').click();
  await expect.poll(() => status.getAttribute('data-phase'), { timeout: 30_000 }).toBe('cancelled');
  expect(await status.textContent()).toContain('cancelled');
  // Nothing written, nothing downloaded; the Export button is back and focused.
  expect(readdirSync(app.saveDir).length).toBe(before);
  expect(downloads).toBe(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('report-export');
  await screenshot(page, 'report-cancelled');
  expect(errors).toEqual([]);
  await page.close();
});
