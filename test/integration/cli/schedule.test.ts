import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { buildCli, FIXTURES, fleetbook, ROOT } from './run';

const SMALL = join(FIXTURES, 'small-fleet.csv');
const HEADER = 'lot_id,period,opening_nbv,depreciation,impairment,disposals,closing_nbv,accumulated_depreciation\n';

let tmp: string;
beforeAll(() => {
  buildCli();
  tmp = mkdtempSync(join(tmpdir(), 'fleetbook-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Hand-checked figures (straight line, full-month, fiscal year = calendar year):
//   L-001: 1 x 12,000.00 over 12 months from January 2025: 1,000.00 a month.
//   L-002: 3 x 1,000.00 over 3 months from November 2025: 1,000.00 a month into January 2026.
//   L-003: 1,000.00 over 3 months from February 2025: cumulative rounding gives 333.33, 333.34, 333.33.
describe('fleetbook schedule', () => {
  it('prints the monthly book schedule as CSV, byte for byte', () => {
    const r = fleetbook('schedule', SMALL);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const l001 = Array.from({ length: 12 }, (_, i) => {
      const open = 12000 - 1000 * i;
      return `L-001,2025-${String(i + 1).padStart(2, '0')},${open}.00,1000.00,0.00,0.00,${open - 1000}.00,${1000 * (i + 1)}.00\n`;
    }).join('');
    expect(r.stdout).toBe(
      HEADER +
        l001 +
        'L-002,2025-11,3000.00,1000.00,0.00,0.00,2000.00,1000.00\n' +
        'L-002,2025-12,2000.00,1000.00,0.00,0.00,1000.00,2000.00\n' +
        'L-002,2026-01,1000.00,1000.00,0.00,0.00,0.00,3000.00\n' +
        'L-003,2025-02,1000.00,333.33,0.00,0.00,666.67,333.33\n' +
        'L-003,2025-03,666.67,333.34,0.00,0.00,333.33,666.67\n' +
        'L-003,2025-04,333.33,333.33,0.00,0.00,0.00,1000.00\n',
    );
    expect(l001.split('\n')[11]).toBe('L-001,2025-12,1000.00,1000.00,0.00,0.00,0.00,12000.00');
  });

  it('sums months into fiscal quarters and years', () => {
    expect(fleetbook('schedule', SMALL, '--period', 'quarter').stdout).toBe(
      HEADER +
        'L-001,FY2025-Q1,12000.00,3000.00,0.00,0.00,9000.00,3000.00\n' +
        'L-001,FY2025-Q2,9000.00,3000.00,0.00,0.00,6000.00,6000.00\n' +
        'L-001,FY2025-Q3,6000.00,3000.00,0.00,0.00,3000.00,9000.00\n' +
        'L-001,FY2025-Q4,3000.00,3000.00,0.00,0.00,0.00,12000.00\n' +
        'L-002,FY2025-Q4,3000.00,2000.00,0.00,0.00,1000.00,2000.00\n' +
        'L-002,FY2026-Q1,1000.00,1000.00,0.00,0.00,0.00,3000.00\n' +
        'L-003,FY2025-Q1,1000.00,666.67,0.00,0.00,333.33,666.67\n' +
        'L-003,FY2025-Q2,333.33,333.33,0.00,0.00,0.00,1000.00\n',
    );
    expect(fleetbook('schedule', SMALL, '--period=year').stdout).toBe(
      HEADER +
        'L-001,FY2025,12000.00,12000.00,0.00,0.00,0.00,12000.00\n' +
        'L-002,FY2025,3000.00,2000.00,0.00,0.00,1000.00,2000.00\n' +
        'L-002,FY2026,1000.00,1000.00,0.00,0.00,0.00,3000.00\n' +
        'L-003,FY2025,1000.00,1000.00,0.00,0.00,0.00,1000.00\n',
    );
  });

  it('uses the fiscal year of the Assumptions sheet (FY2026 = July 2025 to June 2026)', () => {
    const r = fleetbook('schedule', join(FIXTURES, 'full.xlsx'), '--period', 'year');
    expect(r.code).toBe(0);
    // G-1: 2 x 250,000.00, DDB over 60 months from March 2025: asset-year 1 = VDB(500000, 0, 5, 0, 1, 2) = 200,000.00,
    // 16,666.67 a month (cumulative rounding), four months (Mar-Jun 2025) in FY2025.
    expect(r.stdout.split('\n').filter((l) => l.startsWith('G-1,FY2025'))).toEqual(['G-1,FY2025,500000.00,66666.67,0.00,0.00,433333.33,66666.67']);
  });

  it('prints JSON with the same fields, amounts as exact strings', () => {
    const r = fleetbook('schedule', SMALL, '--format', 'json', '--period', 'year');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, string>[];
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({
      lot_id: 'L-001', period: 'FY2025', opening_nbv: '12000.00', depreciation: '12000.00', impairment: '0.00', disposals: '0.00', closing_nbv: '0.00', accumulated_depreciation: '12000.00',
    });
    expect(Object.keys(rows[0])).toEqual(HEADER.trim().split(','));
  });

  it('writes to --out and prints nothing', () => {
    const out = join(tmp, 'schedule.csv');
    const r = fleetbook('schedule', SMALL, '--out', out, '--period', 'year');
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(out, 'utf8')).toBe(fleetbook('schedule', SMALL, '--period', 'year').stdout);
  });

  it('explains an --out it cannot write, and never overwrites the input', () => {
    expect(fleetbook('schedule', SMALL, '--out', join(tmp, 'no/such/folder/x.csv'))).toEqual({
      code: 1,
      stdout: '',
      stderr: `${join(tmp, 'no/such/folder/x.csv')}: cannot write the output: its folder does not exist\n`,
    });
    const r = fleetbook('schedule', SMALL, '--out', SMALL);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`fleetbook: --out would overwrite the input file ${SMALL}`);
  });

  it('reads columns named by --map, and dates in the --date-locale order', () => {
    const csv = join(tmp, 'mapped.csv');
    writeFileSync(csv, 'Tag,Kind,Count,Price,Live,Span\nT-1,ASIC,1,1200,01/02/2025,12\n');
    const args = ['schedule', csv, '--map', 'Tag=Lot ID', '--map', 'Kind=Class', '--map', 'Count=Quantity', '--map', 'Price=unit cost', '--map', 'Live=In Service', '--map', 'Span=Book Life (months)'];
    expect(fleetbook(...args, '--date-locale', 'EU').stdout.split('\n')[1]).toBe('T-1,2025-02,1200.00,100.00,0.00,0.00,1100.00,100.00');
    expect(fleetbook(...args, '--date-locale', 'US').stdout.split('\n')[1]).toBe('T-1,2025-01,1200.00,100.00,0.00,0.00,1100.00,100.00');
    const ambiguous = fleetbook(...args);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stdout).toBe('');
    expect(ambiguous.stderr).toBe(
      'Fleet!E2: In Service "01/02/2025" is ambiguous: 2025-01-02 (US, month first) or 2025-02-01 (EU, day first); write yyyy-mm-dd or set the date locale\n',
    );
  });

  it('prints warnings on stderr and the schedule on stdout', () => {
    const csv = join(tmp, 'extra.csv');
    writeFileSync(csv, 'Lot ID,Class,Quantity,Unit Cost,In Service,Book Life (months),Notes\nX,GPU,1,120,2025-01-01,12,keep me\n');
    const r = fleetbook('schedule', csv, '--period', 'year');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Fleet!G1: warning: column "Notes" is not a Fleetbook column; kept as is\n');
    expect(r.stdout).toBe(`${HEADER}X,FY2025,120.00,120.00,0.00,0.00,0.00,120.00\n`);
  });

  it('prints nothing but its output through npm run --silent', () => {
    const r = spawnSync('npm', ['run', '--silent', 'fleetbook', '--', 'schedule', SMALL, '--period', 'year'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(fleetbook('schedule', SMALL, '--period', 'year').stdout);
  });
});
