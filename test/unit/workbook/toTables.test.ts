// The writer's layout rules: a new workbook's sheets and columns, and how an original's layout is
// followed (header names, column order, unknown columns matched by Lot ID, sheets added only when
// they hold something).
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS, type Fleet, type Lot } from '../../../shared/domain/fleet';
import { formatProblem } from '../../../shared/domain/problem';
import { readFleetFromTables } from '../../../shared/workbook/readFleet';
import type { CellValue, SheetTable } from '../../../shared/workbook/table';
import { FLEET_COLUMNS, fleetToWorkbook, percentCell, type OriginalBook, type OutSheet } from '../../../shared/workbook/toTables';
import { sheet } from './tables';

function lot(id: string, extra: Partial<Lot> = {}): Lot {
  return { id, assetClass: 'ASIC', model: 'Antminer S21', quantity: 10, unitCost: 350_000, inService: '2025-01-15', salvagePct: 0, lifeMonths: 36, method: 'SL', convention: 'full-month', taxClass: 'MACRS-5', ...extra };
}

function fleetOf(lots: Lot[], extra: Partial<Fleet> = {}): Fleet {
  return { assumptions: { ...DEFAULT_ASSUMPTIONS, drivers: {} }, lots, events: [], scenarios: [], ...extra };
}

function original(tables: SheetTable[]): OriginalBook {
  const read = readFleetFromTables(tables, { sourceName: 'book.xlsx' });
  if (!read.ok) throw new Error(read.error.map(formatProblem).join('\n'));
  return { tables, read: read.value };
}

const rowsOf = (s: OutSheet | undefined): CellValue[][] => (s?.rows ?? []).map((r) => r.cells as CellValue[]);
const byName = (sheets: OutSheet[], name: string) => sheets.find((s) => s.name === name);

describe('fleetToWorkbook without an original', () => {
  it('writes the four sheets, every Fleet column, money as cents and days as dates', () => {
    const book = fleetToWorkbook(fleetOf([lot('A-1', { acquired: '2024-12-01', salvagePct: 5, hashrateThs: 200 })]));
    expect(book.sheets.map((s) => [s.name, s.own])).toEqual([['Fleet', true], ['Assumptions', true], ['Events', true], ['Scenarios', true]]);
    const [header, row] = book.sheets[0].rows;
    expect(header.cells).toEqual([...FLEET_COLUMNS]);
    expect(row.cells).toEqual(['A-1', 'ASIC', 'Antminer S21', 10, { kind: 'money', cents: 350_000 }, { kind: 'day', date: '2025-01-15' }, { kind: 'day', date: '2024-12-01' }, 5, 36, 'SL', 'full-month', 'MACRS-5', null, null, 200]);
  });

  it('lists every fixed assumption (As Of when set), then the drivers under their sheet labels', () => {
    const book = fleetToWorkbook(fleetOf([], { assumptions: { ...DEFAULT_ASSUMPTIONS, company: 'Northwind', asOf: '2026-03-31', drivers: { hashpricephday: 39.5, halvingdates: 'none', marketstart: '2026-01-01' } } }));
    expect(rowsOf(byName(book.sheets, 'Assumptions'))).toEqual([
      ['Key', 'Value'],
      ['Company', 'Northwind'],
      ['Currency', 'USD'],
      ['Fiscal Year Start Month', 1],
      ['As Of', { kind: 'day', date: '2026-03-31' }],
      ['Horizon (months)', 120],
      ['Tax Rate %', 21],
      ['Discount Rate %', 12],
      ['Hashprice ($/PH/day)', 39.5],
      ['Halving Dates', 'none'],
      ['Market Start', { kind: 'day', date: '2026-01-01' }],
    ]);
  });

  it('writes each event type in its own columns only', () => {
    const book = fleetToWorkbook(
      fleetOf([lot('A-1')], {
        events: [
          { date: '2025-03-31', lotId: 'A-1', type: 'change-estimate', lifeMonths: 24, salvagePct: 0.5 },
          { date: '2025-04-30', lotId: 'A-1', type: 'impairment', fairValue: 123_456 },
          { date: '2025-05-31', lotId: 'A-1', type: 'held-for-sale', fairValueLessCosts: 99 },
          { date: '2025-06-30', lotId: 'A-1', type: 'disposal', units: 3, proceeds: 0 },
          { date: '2025-07-31', lotId: 'A-1', type: 'idle', until: '2025-09-30' },
        ],
      }),
    );
    const d = (date: string) => ({ kind: 'day', date });
    expect(rowsOf(byName(book.sheets, 'Events'))).toEqual([
      ['Date', 'Lot ID', 'Type', 'Life (months)', 'Salvage %', 'Fair Value', 'Units', 'Proceeds', 'Until'],
      [d('2025-03-31'), 'A-1', 'change-estimate', 24, { kind: 'percent', fraction: 0.005 }],
      [d('2025-04-30'), 'A-1', 'impairment', null, null, { kind: 'money', cents: 123_456 }],
      [d('2025-05-31'), 'A-1', 'held-for-sale', null, null, { kind: 'money', cents: 99 }],
      [d('2025-06-30'), 'A-1', 'disposal', null, null, null, 3, { kind: 'money', cents: 0 }],
      [d('2025-07-31'), 'A-1', 'idle', null, null, null, null, null, d('2025-09-30')],
    ]);
  });

  it('writes a percentage under 1 as a percent cell, others as the number', () => {
    expect([0, 0.5, 1, 15, 100].map(percentCell)).toEqual([0, { kind: 'percent', fraction: 0.005 }, 1, 15, 100]);
  });
});

describe('fleetToWorkbook over an original', () => {
  const fleetTable = sheet('Assets', [
    ['Asset ID', 'Location', 'Class', 'Qty', 'Unit Cost', 'Placed in Service', 'Useful Life (yrs)', null, 'Power (kW)'],
    ['A-1', 'Rack 7', 'ASIC', 10, 3500, '2025-01-15', 3, null, 3.5],
    ['B-2', 'Rack 9', 'ASIC', 5, 100, '2025-02-01', 4, null, null],
  ]);

  it('keeps header names and column order, and matches unknown columns to lots by Lot ID', () => {
    const orig = original([sheet('Cover', [['Prepared by', 'me']]), fleetTable]);
    const lots = orig.read.fleet.lots;
    const book = fleetToWorkbook(fleetOf([{ ...lots[1], quantity: 6 }, lot('N-9', { lifeMonths: 48 }), lots[0]]), orig);
    expect(book.sheets.map((s) => s.name)).toEqual(['Cover', 'Assets']);
    expect(rowsOf(book.sheets[1])).toEqual([
      ['Asset ID', 'Location', 'Class', 'Qty', 'Unit Cost', 'Placed in Service', 'Useful Life (yrs)', null, 'Power (kW)', 'Model'],
      ['B-2', 'Rack 9', 'ASIC', 6, { kind: 'money', cents: 10_000 }, { kind: 'day', date: '2025-02-01' }, 4],
      ['N-9', null, 'ASIC', 10, { kind: 'money', cents: 350_000 }, { kind: 'day', date: '2025-01-15' }, 4, null, null, 'Antminer S21'],
      ['A-1', 'Rack 7', 'ASIC', 10, { kind: 'money', cents: 350_000 }, { kind: 'day', date: '2025-01-15' }, 3, null, 3.5],
    ]);
    expect(rowsOf(book.sheets[0])).toEqual([['Prepared by', 'me']]);
  });

  it('turns a years column into months when a life is not whole years, and kW into W when W would not survive', () => {
    const orig = original([fleetTable]);
    const [a] = orig.read.fleet.lots;
    // 8044.167917781322 W is 8044.167917781323 W once divided by 1000 and multiplied back: such a figure goes in watts.
    const book = fleetToWorkbook(fleetOf([{ ...a, lifeMonths: 30, powerW: 8044.167917781322 }]), orig);
    expect(rowsOf(book.sheets[0])[0]).toEqual(['Asset ID', 'Location', 'Class', 'Qty', 'Unit Cost', 'Placed in Service', 'Book Life (months)', null, 'Power (W)']);
    expect(rowsOf(book.sheets[0])[1].slice(6, 9)).toEqual([30, null, 8044.167917781322]);
  });

  it('adds a sheet the original lacked only when it has something to hold', () => {
    const orig = original([fleetTable]);
    expect(fleetToWorkbook(orig.read.fleet, orig).sheets.map((s) => s.name)).toEqual(['Assets']);
    const withEvent = fleetToWorkbook({ ...orig.read.fleet, events: [{ date: '2025-06-30', lotId: 'A-1', type: 'idle' }] }, orig);
    expect(withEvent.sheets.map((s) => s.name)).toEqual(['Assets', 'Events']);
    const withCompany = fleetToWorkbook({ ...orig.read.fleet, assumptions: { ...orig.read.fleet.assumptions, company: 'Northwind' } }, orig);
    expect(withCompany.sheets.map((s) => s.name)).toEqual(['Assets', 'Assumptions']);
    expect(rowsOf(withCompany.sheets[1])[1]).toEqual(['Company', 'Northwind']);
  });

  it('keeps the Assumptions rows in file order under their labels, with their extra columns; adds only what differs', () => {
    const orig = original([
      sheet('Fleet', [['Lot ID', 'Class', 'Quantity', 'Unit Cost', 'In Service', 'Book Life (months)'], ['A-1', 'ASIC', 1, 1, '2025-01-01', 36]]),
      sheet('Settings', [
        ['Parameter', 'Value', 'Source'],
        ['Power Price ($/kWh)', 0.05, 'PPA 2024'],
        ['Entity', 'Old name', null],
        ['Note to self', null, 'keep'],
      ]),
    ]);
    const a = orig.read.fleet.assumptions;
    const book = fleetToWorkbook({ ...orig.read.fleet, assumptions: { ...a, company: 'New name', taxRatePct: 25, drivers: { ...a.drivers, uptime: 95 } } }, orig);
    expect(rowsOf(byName(book.sheets, 'Settings'))).toEqual([
      ['Parameter', 'Value', 'Source'],
      ['Power Price ($/kWh)', 0.05, 'PPA 2024'],
      ['Entity', 'New name'],
      ['Note to self', null, 'keep'],
      ['Tax Rate %', 25],
      ['Uptime %', 95],
    ]);
  });
});
