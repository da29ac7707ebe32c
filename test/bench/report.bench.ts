/**
 * Report export (DESIGN.md section 11): 10,000 lots x 120 months under 10 s and 600 MB peak memory,
 * streamed to disk. The run is the whole export: book, tax and economic engines, the model, the
 * xlsx writer and the atomic rename. Peak RSS is the bench child process's (scripts/bench-child.mjs).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Benchmark } from './harness';
import { exportReport } from '../../electron/host/report/export-report';
import { STRESS_WORKER_FILE, workerStressRunner } from '../../electron/host/report/stress-runner';
import type { StressRunner } from '../../shared/report';
import { DEFAULT_ASSUMPTIONS, type Fleet, type FleetEvent, type Lot } from '../../shared/domain/fleet';

/**
 * A deterministic fleet of `count` lots with 120-month book lives: ASICs and GPU servers of preset
 * models (so every lot has an economic value), mostly SL full-month, some other conventions and
 * methods, in service over 2021..2026, about 3% of lots with an event.
 */
function makeFleet(count: number): Fleet {
  let seed = 0x2545f491;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  const pick = <T>(weighted: [T, number][]): T => {
    let r = random();
    for (const [value, weight] of weighted) if ((r -= weight) < 0) return value;
    return weighted[weighted.length - 1][0];
  };
  const lots: Lot[] = [];
  const events: FleetEvent[] = [];
  for (let i = 0; i < count; i++) {
    const year = 2021 + Math.floor(random() * 6);
    const month = 1 + Math.floor(random() * 12);
    const method = pick<Lot['method']>([['SL', 0.85], ['DDB', 0.08], ['150DB', 0.04], ['SYD', 0.03]]);
    const convention = method === 'SL' ? pick<Lot['convention']>([['full-month', 0.8], ['mid-month', 0.1], ['half-year', 0.06], ['mid-quarter', 0.04]]) : 'full-month';
    const gpu = random() < 0.4;
    const lot: Lot = {
      id: `LOT-${String(i).padStart(5, '0')}`,
      assetClass: gpu ? 'GPU' : 'ASIC',
      model: gpu ? pick([['H100', 0.6], ['A100', 0.4]]) : pick([['S21', 0.5], ['S19 XP', 0.3], ['T21', 0.2]]),
      quantity: 1 + Math.floor(random() * 500),
      unitCost: 100_000 + Math.floor(random() * 3_000_000),
      inService: `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
      salvagePct: pick([[0, 0.5], [5, 0.3], [10, 0.2]]),
      lifeMonths: 120,
      method,
      convention,
      taxClass: 'MACRS-5',
    };
    lots.push(lot);
    if (random() < 0.03) {
      const date = `${year + 1 + Math.floor(random() * 4)}-${String(month).padStart(2, '0')}-15`;
      const type = pick<FleetEvent['type']>([['disposal', 0.4], ['impairment', 0.25], ['change-estimate', 0.2], ['held-for-sale', 0.1], ['idle', 0.05]]);
      const cost = lot.quantity * lot.unitCost;
      if (type === 'disposal') events.push({ lotId: lot.id, type, date, units: Math.max(1, Math.floor(lot.quantity / 3)), proceeds: Math.floor(cost / 5) });
      else if (type === 'impairment') events.push({ lotId: lot.id, type, date, fairValue: Math.floor(cost / 4) });
      else if (type === 'change-estimate') events.push({ lotId: lot.id, type, date, lifeMonths: 72, salvagePct: 2 });
      else if (type === 'held-for-sale') events.push({ lotId: lot.id, type, date, fairValueLessCosts: Math.floor(cost / 6) });
      else events.push({ lotId: lot.id, type, date });
    }
  }
  return { assumptions: { ...DEFAULT_ASSUMPTIONS, company: 'Bench', fiscalYearStartMonth: 7, asOf: '2026-01-31' }, lots, events, scenarios: [] };
}

interface State {
  fleet: Fleet;
  dir: string;
}

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

/** The stress worker as the app and the CLI run it: built first (dist/electron), as `npm start` does. */
function builtStressRunner(): StressRunner {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-node.mjs'), '--quiet'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stderr}`);
  return workerStressRunner(undefined, join(ROOT, 'dist/electron', STRESS_WORKER_FILE))!;
}

function exportOnce(stressRunner: StressRunner | null) {
  return async ({ fleet, dir }: State) => {
    const path = join(dir, 'report.xlsx');
    const r = await exportReport({ fleet, sourceName: 'bench.xlsx', sourceBytes: SOURCE, warnings: [], appVersion: 'bench', now: new Date() }, path, { stressRunner });
    if (process.env.FLEETBOOK_BENCH_VERBOSE) console.error(`${r.rows} rows, ${r.formulaCells} formula cells, ${(r.bytes / 1e6).toFixed(1)} MB, sheets: ${r.sheets.join(', ')}`);
    rmSync(path, { force: true });
    return r;
  };
}

const SOURCE = new TextEncoder().encode('bench');

let runner: StressRunner | null = null;

export const benchmarks: Benchmark<State>[] = [
  {
    // As the app and the CLI export: the tornados and the Monte Carlo in a worker thread while the schedules are written.
    name: 'report export 10,000 lots x 120 months (streamed xlsx)',
    targetMs: 10_000,
    runs: 3,
    setup: () => {
      runner = builtStressRunner();
      return { fleet: makeFleet(10_000), dir: mkdtempSync(join(tmpdir(), 'fleetbook-bench-report-')) };
    },
    run: (state) => exportOnce(runner)(state),
    teardown: ({ dir }) => rmSync(dir, { recursive: true, force: true }),
  },
  {
    name: 'report export 10,000 lots x 120 months, all in one thread',
    runs: 3,
    setup: () => ({ fleet: makeFleet(10_000), dir: mkdtempSync(join(tmpdir(), 'fleetbook-bench-report-')) }),
    run: exportOnce(null),
    teardown: ({ dir }) => rmSync(dir, { recursive: true, force: true }),
  },
];
