/** Report model fixtures: fleets, and sheets read into plain rows (rows may be reused by the model, so they are copied). */
import { DEFAULT_ASSUMPTIONS, type Fleet, type FleetEvent, type Lot } from '../../../shared/domain/fleet';
import { buildReportModel, computeReportData, type CellValue, type ReportModel, type ReportOptions, type SheetModel } from '../../../shared/report';

export function lot(id: string, extra: Partial<Lot> = {}): Lot {
  return {
    id,
    assetClass: 'ASIC',
    model: 'S21',
    quantity: 1,
    unitCost: 1_200_000,
    inService: '2025-01-15',
    salvagePct: 0,
    lifeMonths: 12,
    method: 'SL',
    convention: 'full-month',
    taxClass: 'MACRS-5',
    ...extra,
  };
}

/** Every method and convention, odd salvage percentages, events of each kind, a July fiscal year. */
export function variedFleet(): Fleet {
  const lots: Lot[] = [
    lot('SL-1', { quantity: 3, unitCost: 333_333, lifeMonths: 36, salvagePct: 5 }),
    lot('SL-2', { assetClass: 'GPU', model: 'H100', quantity: 2, unitCost: 25_000_001, inService: '2024-09-03', lifeMonths: 60, salvagePct: 2.5 }),
    lot('MM-1', { convention: 'mid-month', inService: '2024-02-10', lifeMonths: 48, unitCost: 999_999 }),
    lot('HY-1', { convention: 'half-year', inService: '2024-11-20', lifeMonths: 36, quantity: 7, unitCost: 123_457, taxClass: 'MACRS-3' }),
    lot('MQ-1', { convention: 'mid-quarter', inService: '2025-05-05', lifeMonths: 24, assetClass: 'Other', model: 'rack', taxClass: 'none' }),
    lot('DDB-1', { method: 'DDB', inService: '2023-12-01', lifeMonths: 48, salvagePct: 10, quantity: 5, unitCost: 450_000, taxClass: 'MACRS-7' }),
    lot('150-1', { method: '150DB', inService: '2024-03-15', lifeMonths: 30, salvagePct: 3 }),
    lot('SYD-1', { method: 'SYD', inService: '2024-06-30', lifeMonths: 36, assetClass: 'GPU', model: 'A100', quantity: 4, unitCost: 1_500_000 }),
    lot('EV-1', { quantity: 10, unitCost: 450_001, inService: '2024-03-10', lifeMonths: 36, salvagePct: 5 }),
    lot('EV-2', { quantity: 6, unitCost: 800_000, inService: '2024-01-05', lifeMonths: 48 }),
    lot('EV-3', { assetClass: 'GPU', model: 'H100', quantity: 4, unitCost: 20_000_000, inService: '2024-07-01', lifeMonths: 60 }),
  ];
  const events: FleetEvent[] = [
    { lotId: 'EV-1', type: 'impairment', date: '2025-06-30', fairValue: 1_000_000 },
    { lotId: 'EV-1', type: 'disposal', date: '2025-09-15', units: 3, proceeds: 200_000 },
    { lotId: 'EV-2', type: 'change-estimate', date: '2025-01-01', lifeMonths: 30, salvagePct: 4 },
    { lotId: 'EV-2', type: 'idle', date: '2024-08-01', until: '2024-10-31' },
    { lotId: 'EV-3', type: 'held-for-sale', date: '2026-02-10', fairValueLessCosts: 30_000_000 },
    { lotId: 'EV-3', type: 'disposal', date: '2026-05-20', units: 4, proceeds: 32_000_000 },
  ];
  return { assumptions: { ...DEFAULT_ASSUMPTIONS, fiscalYearStartMonth: 7, taxRatePct: 23.5, asOf: '2025-12-31' }, lots, events, scenarios: [] };
}

export const META = {
  appVersion: 'test',
  exportedAt: '2026-01-01T00:00:00.000Z',
  sourceName: 'fleet.xlsx',
  sourceSha256: 'ab'.repeat(32),
  sourceSize: 10,
  scenario: null,
  scenarioOverrides: [],
  warnings: [],
};

export function model(fleet: Fleet, options: ReportOptions = {}): ReportModel {
  return buildReportModel(computeReportData(fleet), META, options);
}

export type Row = CellValue[];

/** A sheet's rows after the header, each copied (formula cells too). */
export function rows(sheet: SheetModel): Row[] {
  const out: Row[] = [];
  for (const r of sheet.rows()) out.push(r.cells.map((c) => (c !== null && typeof c === 'object' ? { ...c } : c)));
  return out;
}

export function sheet(m: ReportModel, name: string): SheetModel {
  const s = m.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name} (have ${m.sheets.map((x) => x.name).join(', ')})`);
  return s;
}

/** A cell's figure: a value, or a formula's result. */
export function value(c: CellValue): unknown {
  return c !== null && typeof c === 'object' ? c.result : c;
}

/** A money figure in cents. */
export function cents(c: CellValue): number {
  const v = value(c);
  if (typeof v !== 'number') throw new Error(`not a number: ${JSON.stringify(c)}`);
  return Math.round(v * 100);
}
