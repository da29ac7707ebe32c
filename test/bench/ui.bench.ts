/**
 * The spreadsheet UI's figures, measured in Chromium on the built renderer served by the real web
 * host (browser mode), timed inside the page with performance.now() and MutationObserver:
 *
 *  - first render of a 100,000-lot fleet grid: from the file input's change event (the file chosen)
 *    to the frame after the grid shows its first rows and its totals row; parts: the open (file read,
 *    sent to the host, parsed there, back into the store) and the store to the painted grid;
 *  - one Unit Cost edit in a 10,000-lot fleet, Enter in the Fleet grid to the repainted Fleet totals
 *    row (the Cost total is computed in the renderer, no worker involved);
 *  - one Unit Cost edit in a 10,000-lot fleet with the Schedule view on screen: the worker's own
 *    compute time for the recompute (target 30 ms), and the store commit of the edit to the frame
 *    after the Schedule's totals row shows the new figure (target 100 ms). The edit goes through the
 *    store's editCell, the action the grid's Enter commits through (the grid and the Schedule are
 *    never on screen together), via the `?perf=1` hook of renderer/src/perf.ts.
 *
 * "Painted" is the end of the frame in which the change reached the DOM: a requestAnimationFrame
 * callback, then a message posted from it (which runs after that frame is drawn).
 *
 * The renderer is built from the working tree into dist/bench-renderer (rebuilt when renderer/ or
 * shared/ changed since), so it does not touch the dist/renderer that the end-to-end tests use.
 * Skipped when there is no Chromium (FLEETBOOK_CHROMIUM, default /usr/bin/chromium).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Benchmark, Measured } from './harness';
import type { FleetbookPerf } from '../../renderer/src/perf';
import { startWebHost, type RunningWebHost } from '../../electron/web';

/** The checkout: this file is test/bench/ui.bench.ts, or its bundle dist/bench/ui.bench.mjs. */
const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const CHROMIUM = process.env.FLEETBOOK_CHROMIUM ?? '/usr/bin/chromium';
const RENDERER_DIR = join(ROOT, 'dist/bench-renderer');
const VIEWPORT = { width: 1400, height: 860 };
/** Generous: the 100,000-lot open is several seconds on a loaded 2-core machine. */
const WAIT_MS = 180_000;

const HEADER = ['Lot ID', 'Class', 'Model', 'Quantity', 'Unit Cost', 'In Service', 'Salvage %', 'Book Life (months)', 'Method', 'Convention', 'Tax Class'];

/**
 * A deterministic register of `count` lots as a CSV of the Fleet columns: ASICs and GPUs in service
 * over 2020..2026, lives of 36 to 120 months, mostly straight-line with some declining-balance and
 * SYD, some salvage.
 */
export function fleetCsv(count: number): string {
  const methods = ['SL', 'SL', 'SL', 'SL', 'SL', 'SL', 'DDB', '150DB', 'SYD', 'SL'];
  const conventions = ['full-month', 'full-month', 'mid-month', 'half-year', 'full-month', 'mid-quarter'];
  const lines = [HEADER.join(',')];
  for (let i = 0; i < count; i++) {
    const m = (i * 7) % 84;
    const date = `${2020 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const method = methods[i % methods.length];
    const convention = method === 'SL' ? conventions[(i >> 1) % conventions.length] : 'full-month';
    const unitCost = (1000 + ((i * 37) % 9000) + 0.25).toFixed(2);
    lines.push(
      [`LOT-${String(i).padStart(6, '0')}`, i % 3 === 0 ? 'GPU' : 'ASIC', `Model ${i % 40}`, 1 + (i % 500), unitCost, date, [0, 5, 10][i % 3], 36 + (i % 8) * 12, method, convention, 'MACRS-5'].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// The renderer build, the host and the browser

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** dist/bench-renderer, built from the working tree unless it is newer than every source file. */
function ensureRenderer(): string {
  const stamp = join(RENDERER_DIR, '.built-at');
  const newest = Math.max(newestMtime(join(ROOT, 'renderer')), newestMtime(join(ROOT, 'shared')));
  if (existsSync(stamp) && existsSync(join(RENDERER_DIR, 'index.html')) && statSync(stamp).mtimeMs >= newest) return 'reused';
  const started = new Date();
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts', '--outDir', RENDERER_DIR, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`building the renderer for the benchmark failed:\n${r.stderr || r.stdout}`);
  // Stamped with the start of the build: a source saved during the build makes the next run rebuild.
  writeFileSync(stamp, '');
  utimesSync(stamp, started, started);
  return 'built';
}

interface Session {
  dir: string;
  host: RunningWebHost;
  browser: Browser;
  page: Page;
  /** The CSV opened. */
  file: string;
  lots: number;
  renderer: string;
  /** A counter so every edit writes a new value. */
  edits: number;
}

async function startSession(lots: number): Promise<Session> {
  const renderer = ensureRenderer();
  const dir = mkdtempSync(join(tmpdir(), 'fleetbook-bench-ui-'));
  const userDataDir = join(dir, 'user');
  mkdirSync(userDataDir, { recursive: true });
  writeFileSync(join(userDataDir, 'sample-shown'), 'bench'); // no sample fleet on start
  const file = join(dir, `fleet-${lots}.csv`);
  writeFileSync(file, fleetCsv(lots));
  const host = await startWebHost({ userDataDir, saveDir: join(dir, 'saves'), rendererDir: RENDERER_DIR });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: VIEWPORT });
  page.setDefaultTimeout(WAIT_MS);
  page.on('pageerror', (e) => console.error(`page error: ${String(e)}`));
  await page.addInitScript(installPageHelpers);
  return { dir, host, browser, page, file, lots, renderer, edits: 0 };
}

async function closeSession(s: Session): Promise<void> {
  await s.browser.close().catch(() => undefined);
  await s.host.close().catch(() => undefined);
  rmSync(s.dir, { recursive: true, force: true });
}

async function gotoApp(s: Session): Promise<void> {
  await s.page.goto(`${s.host.url.replace(/\/$/, '')}/?perf=1`);
  await s.page.getByTestId('open-file-input').waitFor({ state: 'attached' });
  if (!(await s.page.evaluate(() => window.__fleetbookPerf !== undefined))) {
    throw new Error('the renderer has no ?perf=1 hook (renderer/src/perf.ts): rebuild it');
  }
}

/** Open the session's file from the page's file input and wait for its grid and totals row. */
async function openFleet(s: Session): Promise<void> {
  await gotoApp(s);
  await s.page.getByTestId('open-file-input').setInputFiles(s.file);
  await s.page.waitForFunction(
    ({ text }) => document.querySelector('[data-testid="fleet-grid"] [row-index="b-0"] [col-id="id"]')?.textContent === text,
    { text: `Total (${s.lots} lots)` },
    { timeout: WAIT_MS },
  );
}

// ---------------------------------------------------------------------------------------------
// In the page

/** One thing the DOM must show: the text of `selector` equal to, or different from, a text. */
interface DomCondition {
  selector: string;
  equals?: string;
  differs?: string;
}

interface Watched {
  /** performance.now() when every condition first held (a MutationObserver callback). */
  domAt: number;
  /** performance.now() after the frame that showed it was drawn. */
  paintedAt: number;
}

interface BenchWindow {
  __benchWatch(root: string, conditions: DomCondition[], timeoutMs: number): Promise<Watched>;
  __benchPending?: Promise<Watched>;
  __benchMarks: Record<string, number>;
}

/** Installed before the app's scripts on every load (page.addInitScript). */
function installPageHelpers(): void {
  const w = window as unknown as BenchWindow;
  w.__benchMarks = {};
  // The first listener of all for these events: their moment is the start of a span.
  window.addEventListener('change', () => (w.__benchMarks.change = performance.now()), true);
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Enter') w.__benchMarks.enter = performance.now();
    },
    true,
  );
  w.__benchWatch = (rootSelector, conditions, timeoutMs) =>
    new Promise<Watched>((resolvePromise, reject) => {
      const holds = () =>
        conditions.every((c) => {
          const text = document.querySelector(c.selector)?.textContent ?? null;
          if (text === null) return false;
          if (c.equals !== undefined && text !== c.equals) return false;
          if (c.differs !== undefined && text === c.differs) return false;
          return true;
        });
      let observer: MutationObserver | null = null;
      const timer = setTimeout(() => {
        observer?.disconnect();
        reject(new Error(`timed out waiting for ${JSON.stringify(conditions)}`));
      }, timeoutMs);
      const done = () => {
        const domAt = performance.now();
        observer?.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolvePromise({ domAt, paintedAt: performance.now() });
          channel.port2.postMessage(null);
        });
      };
      const root = document.querySelector(rootSelector) ?? document.body;
      observer = new MutationObserver(() => {
        if (holds()) done();
      });
      observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    });
}

/** The page's JavaScript heap after a garbage collection, and its DOM size (Chrome's Performance domain). */
async function pageMetrics(page: Page): Promise<Record<string, number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  await cdp.detach();
  return { pageJsHeapUsedMb: Math.round((m.JSHeapUsedSize / 2 ** 20) * 10) / 10, pageJsHeapTotalMb: Math.round((m.JSHeapTotalSize / 2 ** 20) * 10) / 10, domNodes: m.Nodes };
}

/** Let the page settle between runs: pending renders, the grid's animation frames, a worker answer. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))));
}

const FLEET_TOTAL = (col: string) => `[data-testid="fleet-grid"] [row-index="b-0"] [col-id="${col}"]`;
const SCHEDULE_TOTAL = '[data-testid="schedule-view"] [row-index="b-0"] [col-id="depreciation"]';

/** A new Unit Cost for lot 0 on every edit, in currency units. */
function nextUnitCost(s: Session): string {
  s.edits++;
  return (2000 + s.edits * 13 + 0.5).toFixed(2);
}

// ---------------------------------------------------------------------------------------------
// The benchmarks

const skip = () => (existsSync(CHROMIUM) ? undefined : `no Chromium at ${CHROMIUM} (set FLEETBOOK_CHROMIUM to a Chromium or Chrome binary)`);

const details = async (s: Session) => ({ lots: s.lots, renderer: s.renderer, viewport: `${VIEWPORT.width}x${VIEWPORT.height}`, ...(await pageMetrics(s.page)) });

const firstRender: Benchmark<Session> = {
  name: 'ui: first render, 100,000-lot fleet grid (file chosen -> rows and totals painted)',
  runs: 5,
  skip,
  setup: () => startSession(100_000),
  async run(s): Promise<Measured> {
    // A fresh page each time: the first render, not a re-render of a grid that had rows.
    await gotoApp(s);
    await s.page.evaluate(
      ({ firstId, total }) => {
        const w = window as unknown as BenchWindow;
        w.__benchPending = w.__benchWatch(
          '[data-testid="fleet-grid"]',
          [
            { selector: '[data-testid="fleet-grid"] [row-index="0"] [col-id="id"]', equals: firstId },
            { selector: '[data-testid="fleet-grid"] [row-index="b-0"] [col-id="id"]', equals: total },
          ],
          180_000,
        );
      },
      { firstId: 'LOT-000000', total: `Total (${s.lots} lots)` },
    );
    await s.page.getByTestId('open-file-input').setInputFiles(s.file);
    const r = await s.page.evaluate(async () => {
      const w = window as unknown as BenchWindow;
      const watched = await w.__benchPending!;
      const loaded = window.__fleetbookPerf!.fleets.filter((f) => f.loaded).pop();
      return { ...watched, change: w.__benchMarks.change, storeAt: loaded?.at ?? NaN };
    });
    return {
      ms: r.paintedAt - r.change,
      parts: {
        'open: file chosen -> document in the store (read, host parse, transfer)': r.storeAt - r.change,
        'render: document in the store -> rows and totals painted': r.paintedAt - r.storeAt,
      },
    };
  },
  details,
  teardown: closeSession,
};

const fleetEdit: Benchmark<Session> = {
  name: 'ui: one Unit Cost edit, 10,000 lots (Enter -> Fleet totals row painted)',
  targetMs: 100,
  skip,
  async setup() {
    const s = await startSession(10_000);
    await openFleet(s);
    return s;
  },
  async run(s): Promise<Measured> {
    const page = s.page;
    const cell = page.locator('[data-testid="fleet-grid"] [row-index="0"] [col-id="unitCost"]');
    await cell.dblclick();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(nextUnitCost(s));
    await page.evaluate(
      ({ costTotal, cost }) => {
        const w = window as unknown as BenchWindow;
        w.__benchPending = w.__benchWatch(
          '[data-testid="fleet-grid"]',
          [
            { selector: costTotal, differs: document.querySelector(costTotal)?.textContent ?? '' },
            { selector: cost, differs: document.querySelector(cost)?.textContent ?? '' },
          ],
          30_000,
        );
      },
      { costTotal: FLEET_TOTAL('cost'), cost: '[data-testid="fleet-grid"] [row-index="0"] [col-id="cost"]' },
    );
    await page.keyboard.press('Enter');
    const r = await page.evaluate(async () => {
      const w = window as unknown as BenchWindow;
      const watched = await w.__benchPending!;
      return { ...watched, enter: w.__benchMarks.enter, storeAt: window.__fleetbookPerf!.fleets.at(-1)!.at };
    });
    await settle(page);
    return {
      ms: r.paintedAt - r.enter,
      parts: {
        'Enter -> edit in the store': r.storeAt - r.enter,
        'store -> cell and totals row in the DOM': r.domAt - r.storeAt,
        'DOM -> painted': r.paintedAt - r.domAt,
      },
    };
  },
  details,
  teardown: closeSession,
};

interface ScheduleEdit {
  editAt: number;
  storeAt: number;
  domAt: number;
  paintedAt: number;
  computeMs: number;
  roundTripMs: number;
  answerAt: number;
}

/** Edit lot 0's Unit Cost through the store with the Schedule on screen; wait for the new total. */
async function scheduleEdit(s: Session): Promise<ScheduleEdit> {
  const r = await s.page.evaluate(
    async ({ selector, value }) => {
      const w = window as unknown as BenchWindow;
      const perf = window.__fleetbookPerf as FleetbookPerf;
      const before = document.querySelector(selector)?.textContent ?? '';
      const answers = perf.engine.length;
      const watched = w.__benchWatch('[data-testid="schedule-view"]', [{ selector, differs: before }], 30_000);
      const editAt = performance.now();
      perf.editCell(0, 'unitCost', value);
      const storeAt = perf.fleets.at(-1)!.at;
      const seen = await watched;
      const answer = perf.engine.slice(answers).filter((e) => e.kind === 'schedule').pop();
      return { ...seen, editAt, storeAt, computeMs: answer?.computeMs ?? NaN, roundTripMs: answer?.roundTripMs ?? NaN, answerAt: answer?.at ?? NaN };
    },
    { selector: SCHEDULE_TOTAL, value: nextUnitCost(s) },
  );
  await settle(s.page);
  return r;
}

async function scheduleSetup(): Promise<Session> {
  const s = await startSession(10_000);
  await openFleet(s);
  await s.page.getByRole('tab', { name: 'Schedule' }).click();
  await s.page.waitForFunction((sel) => /\$/.test(document.querySelector(sel)?.textContent ?? ''), SCHEDULE_TOTAL, { timeout: WAIT_MS });
  await settle(s.page);
  return s;
}

const scheduleParts = (r: ScheduleEdit) => ({
  'edit -> request answered (patch, worker compute, transfer)': r.answerAt - r.editAt,
  'worker computeMs': r.computeMs,
  'answer -> schedule totals in the DOM': r.domAt - r.answerAt,
  'DOM -> painted': r.paintedAt - r.domAt,
});

const workerRecompute: Benchmark<Session> = {
  name: 'ui: recompute after one edit, 10,000 lots (worker computeMs)',
  targetMs: 30,
  skip,
  setup: scheduleSetup,
  async run(s): Promise<Measured> {
    const r = await scheduleEdit(s);
    return { ms: r.computeMs, parts: { 'round trip: request sent -> answer (fleet patch included)': r.roundTripMs } };
  },
  details,
  teardown: closeSession,
};

const scheduleToScreen: Benchmark<Session> = {
  name: 'ui: one Unit Cost edit, 10,000 lots (edit -> Schedule totals painted)',
  targetMs: 100,
  skip,
  setup: scheduleSetup,
  async run(s): Promise<Measured> {
    const r = await scheduleEdit(s);
    return { ms: r.paintedAt - r.editAt, parts: scheduleParts(r) };
  },
  details,
  teardown: closeSession,
};

export const benchmarks: Benchmark<Session>[] = [firstRender, fleetEdit, workerRecompute, scheduleToScreen];
