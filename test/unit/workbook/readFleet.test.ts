import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { formatProblem, type Problem } from '../../../shared/domain/problem';
import { DEFAULT_ASSUMPTIONS, type Lot } from '../../../shared/domain/fleet';
import { parseCsv } from '../../../shared/workbook/csv';
import { readFleetFromTables, type FleetRead, type ReadFleetOptions } from '../../../shared/workbook/readFleet';
import { formatCentsPlain } from '../../../shared/domain/money';
import type { CellValue, SheetTable } from '../../../shared/workbook/table';
import { FLEET_HEADER, sheet } from './tables';

const opts: ReadFleetOptions = { sourceName: 'book.xlsx' };

function read(sheets: SheetTable[], options: Partial<ReadFleetOptions> = {}): FleetRead {
  const r = readFleetFromTables(sheets, { ...opts, ...options });
  if (!r.ok) throw new Error(r.error.map(formatProblem).join('\n'));
  return r.value;
}

function problems(sheets: SheetTable[], options: Partial<ReadFleetOptions> = {}): string[] {
  const r = readFleetFromTables(sheets, { ...opts, ...options });
  if (r.ok) throw new Error('expected problems');
  return r.error.map((p) => formatProblem(p) + (p.severity === 'warning' ? ' [warning]' : ''));
}

const fleetRow = (over: Record<string, CellValue> = {}): CellValue[] => {
  const base: Record<string, CellValue> = { 'Lot ID': 'L-1', Class: 'ASIC', Model: 'S21', Quantity: 10, 'Unit Cost': 1000, 'In Service': '2025-01-15', 'Book Life (months)': 36 };
  return FLEET_HEADER.map((h) => (h in over ? over[h] : base[h]));
};

describe('readFleetFromTables: the Fleet sheet', () => {
  it('reads lots with the defaults of section 8', () => {
    const { fleet, warnings } = read([sheet('Fleet', [FLEET_HEADER, fleetRow()])]);
    expect(warnings).toEqual([]);
    expect(fleet.lots).toEqual<Lot[]>([
      { id: 'L-1', assetClass: 'ASIC', model: 'S21', quantity: 10, unitCost: 100000, inService: '2025-01-15', salvagePct: 0, lifeMonths: 36, method: 'SL', convention: 'full-month', taxClass: 'MACRS-5' },
    ]);
    expect(fleet.assumptions).toEqual(DEFAULT_ASSUMPTIONS);
    expect(fleet.events).toEqual([]);
  });

  it('reads every optional column, enumerations in any case and spelling', () => {
    const header = [...FLEET_HEADER, 'Acquired', 'Salvage %', 'Method', 'Convention', 'Tax Class', 'Bonus %', 'Section 179', 'Hashrate (TH/s)', 'Power (kW)', 'GPUs per Unit', 'Rent ($/GPU-hr)'];
    const row = [...fleetRow({ Class: 'gpu', 'Book Life (months)': 60 }), '2024-12-01', '12.5%', 'double declining balance', 'FULL MONTH', '7', '40', '$500.50', 200, 5.5, 8, '$2.10'];
    expect(read([sheet('Fleet', [header, row])]).fleet.lots[0]).toEqual<Lot>({
      id: 'L-1', assetClass: 'GPU', model: 'S21', quantity: 10, unitCost: 100000, inService: '2025-01-15', acquired: '2024-12-01', salvagePct: 12.5,
      lifeMonths: 60, method: 'DDB', convention: 'full-month', taxClass: 'MACRS-7', bonusPct: 40, section179: 50050, hashrateThs: 200, powerW: 5500,
      gpusPerUnit: 8, rentPerGpuHour: 2.1,
    });
  });

  it('converts a life in years to months, refusing a fraction of a month', () => {
    const header = ['Lot ID', 'Class', 'Quantity', 'Unit Cost', 'In Service', 'Useful Life (years)'];
    const ok = read([sheet('Fleet', [header, ['A', 'ASIC', 1, 1, '2025-01-01', 5.5]])]);
    expect(ok.fleet.lots[0].lifeMonths).toBe(66);
    expect(problems([sheet('Fleet', [header, ['A', 'ASIC', 1, 1, '2025-01-01', 4.33]])])).toEqual(['Fleet!F2: Book Life (years) 4.33 is not a whole number of months (51.96)']);
  });

  it('reports every problem of every row at once, with its cell, and returns no fleet', () => {
    const rows = [
      FLEET_HEADER,
      fleetRow({ 'Unit Cost': '12,5O0' }),
      fleetRow({ 'Lot ID': 'L-2', Class: 'Laptop', Quantity: 0 }),
      fleetRow({ 'Lot ID': 'L-1', 'In Service': null, 'Book Life (months)': 601 }),
      fleetRow({ 'Lot ID': null, Quantity: 1.5 }),
      fleetRow({ 'Lot ID': 'L-5' }),
    ];
    expect(problems([sheet('Fleet', rows)])).toEqual([
      'Fleet!E2: Unit Cost "12,5O0" is not a number',
      'Fleet!B3: Class "Laptop" is not one of ASIC, GPU, Other',
      'Fleet!D3: Quantity 0 is out of range (1 or more)',
      'Fleet!A4: Lot ID "L-1" is a duplicate of row 2',
      'Fleet!F4: In Service is missing',
      'Fleet!G4: Book Life (months) 601 is out of range (1 to 600)',
      'Fleet!A5: Lot ID is missing',
      'Fleet!D5: Quantity 1.5 is not a whole number',
    ]);
  });

  it('checks the rules between columns', () => {
    const header = [...FLEET_HEADER, 'Acquired', 'Method', 'Convention', 'Section 179'];
    const rows = [
      header,
      [...fleetRow({ 'Lot ID': 'A' }), '2025-02-01', 'SL', null, null],
      [...fleetRow({ 'Lot ID': 'B' }), null, '150DB', 'half-year', null],
      [...fleetRow({ 'Lot ID': 'C', 'Book Life (months)': 30 }), null, 'SYD', null, null],
      [...fleetRow({ 'Lot ID': 'D', Quantity: 2, 'Unit Cost': 100 }), null, null, null, 200.01],
      [...fleetRow({ 'Lot ID': 'E', 'Book Life (months)': 36 }), null, 'SYD', 'mid-month', null],
    ];
    expect(problems([sheet('Fleet', rows)])).toEqual([
      'Fleet!H2: Acquired 2025-02-01 is after In Service 2025-01-15',
      'Fleet!J3: Convention half-year is not allowed with method 150DB (DDB, 150DB and SYD use full-month)',
      'Fleet!G4: Book Life (months) 30 is not a whole number of years, which SYD needs',
      'Fleet!K5: Section 179 200.01 is more than the lot\'s cost',
      'Fleet!J6: Convention mid-month is not allowed with method SYD (DDB, 150DB and SYD use full-month)',
    ]);
  });

  it('reports missing required columns once, not once per row', () => {
    const header = ['Lot ID', 'Class', 'Quantity', 'In Service'];
    expect(problems([sheet('Fleet', [header, ['A', 'ASIC', 1, '2025-01-01'], ['B', 'ASIC', 1, '2025-01-01']])])).toEqual([
      'Fleet!A1: missing required column "Unit Cost"',
      'Fleet!A1: missing required column "Book Life (months)" (or "Book Life (years)")',
    ]);
  });

  it('keeps unknown columns as extras aligned with the lots; warnings do not block', () => {
    const header = [...FLEET_HEADER, 'Notes', 'Cost Centre'];
    const r = read([sheet('Fleet', [header, [...fleetRow(), 'first', 7], [...fleetRow({ 'Lot ID': 'L-2' }), null, 8]])]);
    expect(r.fleet.lots.map((l) => l.id)).toEqual(['L-1', 'L-2']);
    expect(r.extras.fleet).toEqual({ headers: ['Notes', 'Cost Centre'], values: [['first', 7], [null, 8]] });
    expect(r.warnings.map(formatProblem)).toEqual([
      'Fleet!H1: column "Notes" is not a Fleetbook column; kept as is',
      'Fleet!I1: column "Cost Centre" is not a Fleetbook column; kept as is',
    ]);
  });

  it('reports an Excel error cell and refuses implausible dates (a year read as a serial)', () => {
    const rows = [FLEET_HEADER, fleetRow({ 'Unit Cost': { kind: 'error', code: '#DIV/0!' }, 'In Service': 2025 })];
    expect(problems([sheet('Fleet', rows)])).toEqual([
      'Fleet!E2: Unit Cost is an Excel error (#DIV/0!)',
      'Fleet!F2: In Service 2025 is not a plausible date (a number in a date column is read as an Excel serial date: 1905-07-17)',
    ]);
  });

  it('reads date cells and bare serials in the sheet date system', () => {
    const rows = [FLEET_HEADER, fleetRow({ 'In Service': { kind: 'date', serial: 43860 } }), fleetRow({ 'Lot ID': 'L-2', 'In Service': 43860 })];
    expect(read([sheet('Fleet', rows, true)]).fleet.lots.map((l) => l.inService)).toEqual(['2024-01-31', '2024-01-31']);
    expect(read([sheet('Fleet', rows, false)]).fleet.lots.map((l) => l.inService)).toEqual(['2020-01-30', '2020-01-30']);
  });

  it('reports ambiguous dates unless a locale is given, and files that mix both orders', () => {
    const rows = [FLEET_HEADER, fleetRow({ 'In Service': '03/04/2025' })];
    expect(problems([sheet('Fleet', rows)])).toEqual([
      'Fleet!F2: In Service "03/04/2025" is ambiguous: 2025-03-04 (US, month first) or 2025-04-03 (EU, day first); write yyyy-mm-dd or set the date locale',
    ]);
    expect(read([sheet('Fleet', rows)], { dateLocale: 'EU' }).fleet.lots[0].inService).toBe('2025-04-03');
    expect(read([sheet('Fleet', rows)], { dateLocale: 'US' }).fleet.lots[0].inService).toBe('2025-03-04');
    const mixed = [FLEET_HEADER, fleetRow({ 'In Service': '31/03/2025' }), fleetRow({ 'Lot ID': 'L-2', 'In Service': '03/31/2025' })];
    expect(problems([sheet('Fleet', mixed)])).toEqual([
      'Fleet!F3: In Service "03/31/2025" is month-first but "31/03/2025" (Fleet!F2) is day-first; write yyyy-mm-dd or set the date locale',
    ]);
  });

  it('warns when a bare percentage below 1 may have meant a fraction', () => {
    const header = [...FLEET_HEADER, 'Salvage %'];
    const r = read([sheet('Fleet', [header, [...fleetRow(), 0.1]])]);
    expect(r.fleet.lots[0].salvagePct).toBe(0.1);
    expect(r.warnings.map(formatProblem)).toEqual(['Fleet!H2: Salvage % 0.1 is read as 0.1%; write 10 for 10%']);
  });
});

describe('readFleetFromTables: the workbook', () => {
  const fleetSheet = sheet('Fleet', [FLEET_HEADER, fleetRow(), fleetRow({ 'Lot ID': 'L-2', Quantity: 4 })]);

  it('reads Assumptions, Events and Scenarios, and keeps other sheets', () => {
    const assumptions = sheet('Assumptions', [
      ['Key', 'Value', 'Source'],
      ['Company', 'Example Mining', null],
      ['Currency', 'eur', null],
      ['Fiscal Year Start Month', 'July', null],
      ['As Of', { kind: 'date', serial: 45838 }, null],
      ['Horizon (months)', 72, null],
      ['Tax Rate %', '25%', 'statute'],
      ['Discount Rate %', 10, null],
      ['Power Price ($/kWh)', '$0.065', 'PPA'],
      ['Halving Date', { kind: 'date', serial: 46478 }, null],
      ['Pool', 'Foundry', null],
    ]);
    const events = sheet('Events', [
      ['Date', 'Lot ID', 'Type', 'Life (months)', 'Salvage %', 'Fair Value', 'Units', 'Proceeds', 'Until'],
      ['2025-06-01', 'L-1', 'Change of estimate', 24, null, null, null, null, null],
      ['2025-07-31', 'L-1', 'Impairment', null, null, '$4,000', null, null, null],
      ['2025-08-15', 'L-2', 'disposal', null, null, null, 3, 1500, null],
      ['2025-09-01', 'L-2', 'Idle', null, null, null, null, null, '2025-12-31'],
      ['2025-10-01', 'L-1', 'HFS', null, null, 2500, null, null, null],
      ['2025-11-01', 'L-2', 'disposal', null, null, null, 1, null, null],
    ]);
    const scenarios = sheet('Scenarios', [
      ['Scenario', 'Key', 'Value'],
      ['Bear', 'Power Price ($/kWh)', 0.08],
      ['Bear', 'Book Life (months)', '48'],
      ['Bull', 'BTC Drift', '20%'],
    ]);
    const notes = sheet('Notes', [['anything']]);
    const r = read([fleetSheet, assumptions, events, notes, scenarios]);
    expect(r.warnings.map(formatProblem)).toEqual(['Assumptions!C1: column "Source" is not a Fleetbook column; kept as is']);
    expect(r.fleet.assumptions).toEqual({
      company: 'Example Mining', currency: 'EUR', fiscalYearStartMonth: 7, asOf: '2025-06-30', horizonMonths: 72, taxRatePct: 25, discountRatePct: 10,
      drivers: { powerpricekwh: 0.065, halvingdate: '2027-04-01', pool: 'Foundry' },
    });
    expect(r.fleet.events).toEqual([
      { date: '2025-06-01', lotId: 'L-1', type: 'change-estimate', lifeMonths: 24 },
      { date: '2025-07-31', lotId: 'L-1', type: 'impairment', fairValue: 400000 },
      { date: '2025-08-15', lotId: 'L-2', type: 'disposal', units: 3, proceeds: 150000 },
      { date: '2025-09-01', lotId: 'L-2', type: 'idle', until: '2025-12-31' },
      { date: '2025-10-01', lotId: 'L-1', type: 'held-for-sale', fairValueLessCosts: 250000 },
      { date: '2025-11-01', lotId: 'L-2', type: 'disposal', units: 1, proceeds: 0 },
    ]);
    expect(r.fleet.scenarios).toEqual([
      { scenario: 'Bear', key: 'Power Price ($/kWh)', value: 0.08 },
      { scenario: 'Bear', key: 'Book Life (months)', value: 48 },
      { scenario: 'Bull', key: 'BTC Drift', value: 20 },
    ]);
    expect(r.extras.assumptions.headers).toEqual(['Source']);
    expect(r.extras.assumptions.labels[5]).toBe('Tax Rate %');
    expect(r.extras.assumptions.values[5]).toEqual(['statute']);
    expect(r.extras.sheets.map((s) => s.name)).toEqual(['Notes']);
    expect(r.extras.sheetOrder).toEqual(['Fleet', 'Assumptions', 'Events', 'Notes', 'Scenarios']);
  });

  it('checks events against the lots', () => {
    const events = sheet('Events', [
      ['Date', 'Lot ID', 'Type', 'Life (months)', 'Fair Value', 'Units', 'Until'],
      ['2025-06-01', 'l-1', 'impairment', null, 10, null, null],
      ['2024-12-31', 'L-1', 'impairment', null, 10, null, null],
      ['2025-06-01', 'L-2', 'disposal', null, null, 3, null],
      ['2025-05-01', 'L-2', 'disposal', null, null, 2, null],
      ['2025-06-01', 'L-1', 'change-estimate', null, null, null, null],
      ['2025-06-01', 'L-1', 'impairment', 12, null, null, null],
      ['2025-06-01', 'L-1', 'idle', null, null, null, '2025-05-01'],
      ['2025-06-01', 'L-1', 'party', null, null, null, null],
    ]);
    expect(problems([fleetSheet, events])).toEqual([
      'Events!B2: Lot ID "l-1" is not in the Fleet sheet (did you mean "L-1"?)',
      'Events!A3: Date 2024-12-31 is before the in-service date of lot L-1 (2025-01-15)',
      'Events!F4: Units 3 is more than the 4 units of lot L-2 (2 left after earlier disposals)',
      'Events!C6: a change-estimate event needs a new Life (months) or Salvage %',
      'Events!D7: Life (months) is ignored for an impairment event [warning]',
      'Events!E7: Fair Value is missing',
      'Events!G8: Until 2025-05-01 is before the event\'s Date 2025-06-01',
      'Events!C9: Type "party" is not one of change-estimate, impairment, held-for-sale, disposal, idle',
    ]);
  });

  it('reports a field an event needs when the sheet has no such column, on the Type cell', () => {
    const events = sheet('Events', [['Date', 'Lot ID', 'Type'], ['2025-06-01', 'L-1', 'impairment']]);
    expect(problems([fleetSheet, events])).toEqual(['Events!C2: an impairment event needs Fair Value, and the sheet has no Fair Value column']);
  });

  it('checks Assumptions and Scenarios', () => {
    const assumptions = sheet('Assumptions', [
      ['Key', 'Value'],
      ['Currency', 'dollars'],
      ['Fiscal Year Start Month', 13],
      ['Tax Rate %', 0.21],
      ['tax_rate', 21],
      [null, 5],
      ['Horizon (months)', 'long'],
    ]);
    const scenarios = sheet('Scenarios', [['Scenario', 'Key', 'Value'], ['Bear', 'Drift', 1], ['Bear', 'drift', 2], ['Bull', null, 3]]);
    expect(problems([fleetSheet, assumptions, scenarios])).toEqual([
      'Assumptions!B2: Currency "DOLLARS" is not a three-letter currency code (USD, EUR...)',
      'Assumptions!B3: Fiscal Year Start Month 13 is not one of 1 to 12, a month name',
      'Assumptions!B4: Tax Rate % 0.21 is read as 0.21%; write 21 for 21% [warning]',
      'Assumptions!A5: Key "tax_rate" is repeated (row 4)',
      'Assumptions!A6: Key is missing for the value 5',
      'Assumptions!B7: Horizon (months) "long" is not a number',
      'Scenarios!B3: Key "drift" is repeated in scenario "Bear" (row 2)',
      'Scenarios!B4: Key is missing',
    ]);
  });

  it('needs a Fleet sheet, but reads a lone sheet of any name as the Fleet', () => {
    expect(problems([sheet('Data', [FLEET_HEADER]), sheet('Other', [['x']])])).toEqual(['book.xlsx: the workbook has no Fleet sheet (its sheets: "Data", "Other")']);
    const lone = read([sheet('Sheet1', [FLEET_HEADER, fleetRow()])]);
    expect(lone.fleet.lots).toHaveLength(1);
    expect(lone.warnings.map(formatProblem)).toEqual(['Sheet1!A1: read as the Fleet sheet (the workbook has no sheet named Fleet)']);
    expect(problems([sheet('Fleet', [])])).toEqual(['Fleet!A1: the sheet is empty']);
    expect(problems([{ name: 'Fleet', rows: [{ row: 3, cells: ['x'] }] }])).toEqual(['Fleet!A1: row 1 must be the header row, and it is empty']);
  });

  it('applies an explicit column mapping and reports a mapping to no known field', () => {
    const header = ['Tag', 'Kind', 'Model', 'Count', 'Price', 'Live', 'Months'];
    const mapping = { Tag: 'Lot ID', Kind: 'Class', Count: 'Quantity', Price: 'Unit Cost', Live: 'In Service', Months: 'Book Life (months)' };
    const r = read([sheet('Fleet', [header, ['T-1', 'ASIC', 'S19', 2, 10, '2025-01-01', 12]])], { mapping });
    expect(r.fleet.lots[0]).toMatchObject({ id: 'T-1', quantity: 2, unitCost: 1000, lifeMonths: 12 });
    expect(problems([sheet('Fleet', [header])], { mapping: { ...mapping, Colour: 'Paint', Absent: 'Model' } })).toEqual([
      'book.xlsx: column mapping "Colour=Paint": Paint is not a Fleetbook column',
      'book.xlsx: column mapping "Absent=Model": no column "Absent" in the file [warning]',
    ]);
  });

  it('never half-loads: one bad event keeps the whole fleet out', () => {
    const events = sheet('Events', [['Date', 'Lot ID', 'Type', 'Fair Value'], ['2025-06-01', 'L-9', 'impairment', 1]]);
    const r = readFleetFromTables([fleetSheet, events], opts);
    expect(r.ok).toBe(false);
    expect('value' in r).toBe(false);
  });
});

describe('CSV files', () => {
  const fixture = (name: string) => readFileSync(new URL(`../../fixtures/workbooks/${name}`, import.meta.url), 'utf8');

  it('reads a messy CSV: BOM, ;, CRLF, synonyms, currency, grouped digits, local dates, life in years', () => {
    const r = read([parseCsv(fixture('messy-fleet.csv'))], { sourceName: 'messy-fleet.csv' });
    expect(r.fleet.lots).toEqual<Lot[]>([
      { id: 'M-1', assetClass: 'ASIC', model: 'Antminer; S21', quantity: 1250, unitCost: 350000, inService: '2025-03-31', acquired: '2025-03-01', salvagePct: 10, lifeMonths: 36, method: 'SL', convention: 'full-month', taxClass: 'MACRS-5' },
      { id: 'M-2', assetClass: 'GPU', model: 'H100', quantity: 2, unitCost: 25000000, inService: '2025-03-31', salvagePct: 0, lifeMonths: 66, method: 'SL', convention: 'full-month', taxClass: 'MACRS-5' },
    ]);
    expect(r.extras.fleet).toEqual({ headers: ['Comments'], values: [['two\r\nlines'], [null]] });
  });

  it('reads back any valid lot written in any of the accepted spellings', () => {
    const money = fc.integer({ min: 0, max: 10_000_000_000 });
    const day = fc.record({ y: fc.integer({ min: 2000, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 13, max: 28 }) });
    const lot = fc.record({ id: fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/), quantity: fc.integer({ min: 1, max: 100_000 }), cents: money, date: day, life: fc.integer({ min: 1, max: 600 }) });
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    fc.assert(
      fc.property(lot, fc.nat(3), fc.nat(3), ({ id, quantity, cents, date, life }, moneyStyle, dateStyle) => {
        const plain = formatCentsPlain(cents);
        const grouped = plain.replace(/\B(?=(\d{3})+\.)/g, ',');
        const costText = [plain, `"$${grouped}"`, `"${grouped}"`, `${grouped.replace(/,/g, ' ')} USD`][moneyStyle];
        const iso = `${date.y}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;
        const dateText = [iso, `${date.d}/${date.m}/${date.y}`, `"${months[date.m - 1]} ${date.d}, ${date.y}"`, `${date.y}/${date.m}/${date.d}`][dateStyle];
        const csv = `Lot ID,Class,Quantity,Unit Cost,In Service,Book Life (months)\n${id},ASIC,${quantity},${costText},${dateText},${life}\n`;
        const r = readFleetFromTables([parseCsv(csv)], opts);
        const got = r.ok ? r.value.fleet.lots[0] : r.error.map((p: Problem) => formatProblem(p));
        expect(got).toEqual({ id, assetClass: 'ASIC', model: '', quantity, unitCost: cents, inService: iso, salvagePct: 0, lifeMonths: life, method: 'SL', convention: 'full-month', taxClass: 'MACRS-5' });
      }),
    );
  });
});
