/** The report's Deferred Tax sheet against the engine, against the Tax Schedule, and by hand. */
import { describe, expect, it } from 'vitest';
import { monthIndexOf } from '../../../shared/domain/dates';
import { DEFAULT_ASSUMPTIONS, type Fleet } from '../../../shared/domain/fleet';
import { computeBookSchedules } from '../../../shared/engine/book';
import { computeTaxSchedules, deferredTaxByMonth } from '../../../shared/engine/tax';
import { DEFERRED, TAX, isFormula, type CellValue } from '../../../shared/report';
import { cents, lot, model, rows, sheet, variedFleet, type Row } from './helpers';

const D = DEFERRED;
const formulaOf = (c: CellValue) => (isFormula(c) ? c.formula : null);
const money = (r: Row) => [D.bookNbv, D.taxNbv, D.difference, D.deferredTax, D.change].map((c) => cents(r[c]));

describe('the Deferred Tax sheet', () => {
  const fleet = variedFleet(); // July fiscal years, tax rate 23.5 %
  const m = model(fleet);
  const all = rows(sheet(m, 'Deferred Tax'));

  it('comes right after the Tax Schedule', () => {
    const names = m.sheets.map((s) => s.name);
    expect(names.indexOf('Deferred Tax')).toBe(names.indexOf('Tax Schedule') + 1);
    expect(m.included).toContain('deferred');
  });

  it('lot rows: the engine’s deferred tax at each fiscal year end, the difference, the change on the year before', () => {
    const book = computeBookSchedules(fleet);
    const tax = computeTaxSchedules(fleet).schedules;
    const fyEnd = (label: string) => monthIndexOf(`${Number(label.slice(2))}-06-01`);
    const lotRows = all.filter((r) => r[D.level] === 'Lot');
    expect(lotRows.length).toBeGreaterThan(30);
    fleet.lots.forEach((l, i) => {
      const d = deferredTaxByMonth(book[i], tax[i], 23.5);
      const at = (col: Float64Array, mo: number) => (mo < d.startMonth ? 0 : col[Math.min(mo - d.startMonth, col.length - 1)]);
      let previous = 0;
      for (const r of lotRows.filter((x) => x[D.id] === l.id)) {
        const mo = fyEnd(r[D.fiscalYear] as string);
        const dt = at(d.deferredTax, mo);
        expect(money(r), `${l.id} ${r[D.fiscalYear]}`).toEqual([at(d.bookNbv, mo), at(d.taxNbv, mo), at(d.temporaryDifference, mo), dt, dt - previous]);
        previous = dt;
      }
    });
  });

  it('fleet and class rows are the sums of the year’s lot rows; a year lists the fleet, then the classes, then the lots', () => {
    const years = [...new Set(all.map((r) => r[D.fiscalYear] as string))];
    for (const y of years) {
      const block = all.filter((r) => r[D.fiscalYear] === y);
      const levels = block.map((r) => r[D.level]);
      expect(levels[0]).toBe('Fleet');
      expect(levels.lastIndexOf('Class')).toBeLessThan(levels.indexOf('Lot'));
      const lots = block.filter((r) => r[D.level] === 'Lot');
      const sum = (rs: Row[]) => rs.map(money).reduce((a, b) => a.map((x, k) => x + b[k]), [0, 0, 0, 0, 0]);
      expect(money(block[0]), y).toEqual(sum(lots));
      for (const c of block.filter((r) => r[D.level] === 'Class')) expect(money(c), `${y} ${c[D.assetClass]}`).toEqual(sum(lots.filter((r) => r[D.assetClass] === c[D.assetClass])));
    }
  });

  it('agrees with the Tax Schedule, whose book and tax NBV its lot rows read', () => {
    const tax = rows(sheet(m, 'Tax Schedule'));
    for (const r of all) {
      const level = r[D.level];
      const t = tax.find((x) => x[TAX.taxYear] === r[D.fiscalYear] && x[TAX.level] === level && (level === 'Lot' ? x[TAX.id] === r[D.id] : x[TAX.assetClass] === r[D.assetClass]))!;
      expect([t[TAX.bookNbv], t[TAX.closingNbv], t[TAX.difference], t[TAX.deferredTax], t[TAX.deferredTaxChange]].map(cents), `${r[D.fiscalYear]} ${r[D.id] ?? r[D.assetClass]}`).toEqual(money(r));
      if (level === 'Lot') {
        expect((r[D.bookNbv] as { formula: string }).formula).toMatch(/^'Tax Schedule'!L\d+$/);
        expect((r[D.taxNbv] as { formula: string }).formula).toMatch(/^'Tax Schedule'!K\d+$/);
      }
    }
  });

  it('writes live formulas: the difference, the rate from the Summary, ROUND(difference x rate / 100, 2), the change, SUM and SUMIFS', () => {
    const lot = all.find((r) => r[D.level] === 'Lot' && r[D.id] === 'MM-1' && r[D.fiscalYear] === 'FY2025')!;
    const first = all.findIndex((r) => r[D.level] === 'Lot' && r[D.id] === 'MM-1');
    const row = all.indexOf(lot) + 2;
    expect(lot.filter(isFormula).map((c) => c.formula)).toEqual([
      expect.stringMatching(/^'Tax Schedule'!L\d+$/),
      expect.stringMatching(/^'Tax Schedule'!K\d+$/),
      `ROUND(E${row}-F${row},2)`,
      'Summary!$B$7',
      `ROUND(G${row}*H${row}/100,2)`,
      `ROUND(I${row}-I${first + 2},2)`,
    ]);
    expect(formulaOf(all[0][D.deferredTax])).toMatch(/^ROUND\(SUM\(\$I\$\d+:\$I\$\d+\),2\)$/);
    expect(formulaOf(all[1][D.deferredTax])).toMatch(/^ROUND\(SUMIFS\(\$I\$\d+:\$I\$\d+,\$C\$\d+:\$C\$\d+,\$C3\),2\)$/);
  });

  it('by hand: a $10,000.00 server, book straight line over 24 months, tax MACRS 5-year without bonus, 21 %', () => {
    const hand: Fleet = {
      assumptions: { ...DEFAULT_ASSUMPTIONS, fiscalYearStartMonth: 1, taxRatePct: 21 },
      lots: [lot('T1', { unitCost: 1_000_000, inService: '2025-03-01', lifeMonths: 24, bonusPct: 0 })],
      events: [],
      scenarios: [],
    };
    const r = rows(sheet(model(hand), 'Deferred Tax')).filter((x) => x[D.level] === 'Lot');
    // FY2025 (March to December, 10 months): book NBV 10,000.00 - 10,000.00 x 10/24 (4,166.67) = 5,833.33;
    // tax NBV 10,000.00 - 20 % = 8,000.00; difference -2,166.67; x 21 % = -455.0007 -> -455.00 (an asset).
    expect(money(r[0])).toEqual([583_333, 800_000, -216_667, -45_500, -45_500]);
    // FY2026 (22 months): book 10,000.00 - 9,166.67 = 833.33; tax 10,000.00 - 52 % = 4,800.00;
    // difference -3,966.67; x 21 % = -833.0007 -> -833.00; change -833.00 - (-455.00) = -378.00 (a benefit).
    expect(money(r[1])).toEqual([83_333, 480_000, -396_667, -83_300, -37_800]);
  });

  it('without the Tax Schedule and the Summary, the NBVs and the rate are values and the rest still recomputes', () => {
    const alone = model(fleet, { sheets: ['deferred'] });
    expect(alone.sheets.map((s) => s.name)).toEqual(['Deferred Tax', 'Audit']);
    const own = rows(sheet(alone, 'Deferred Tax'));
    expect(own.map(money)).toEqual(all.map(money));
    const formulas = own.flatMap((r) => r.filter(isFormula).map((c) => c.formula));
    expect(formulas.filter((f) => /!/.test(f))).toEqual([]);
    expect(formulas.some((f) => /^ROUND\(G\d+\*H\d+\/100,2\)$/.test(f))).toBe(true);
  });

  it('splits at year boundaries; a change then points at the lot’s row on the part before', () => {
    const split = model(fleet, { maxRowsPerSheet: 80, sheets: ['deferred'] });
    const parts = split.sheets.filter((s) => s.name.startsWith('Deferred Tax'));
    expect(parts.length).toBeGreaterThan(1);
    const joined = parts.flatMap((p) => rows(p));
    expect(joined.map(money)).toEqual(all.map(money));
    const second = rows(parts[1]);
    expect(second[0][D.level]).toBe('Fleet');
    expect(second.some((r) => formulaOf(r[D.change])?.includes("'Deferred Tax'!I"))).toBe(true);
    expect(split.notes.some((n) => n.topic === 'Deferred Tax' && n.text.startsWith(`split over ${parts.length} sheets`))).toBe(true);
  });

  it('an empty fleet gives an empty sheet', () => {
    expect(sheet(model({ assumptions: { ...DEFAULT_ASSUMPTIONS }, lots: [], events: [], scenarios: [] }), 'Deferred Tax').rowCount).toBe(0);
  });
});
