import { describe, expect, it } from 'vitest';
import { monthIndexOf } from '../../../shared/domain/dates';
import { DEFAULT_ASSUMPTIONS, type Fleet } from '../../../shared/domain/fleet';
import { aggregatePeriods, computeBookSchedules, rollupPeriods } from '../../../shared/engine/book';
import { computeEconomicValues, marketFromAssumptions } from '../../../shared/engine/economic';
import { computeTaxSchedules, deferredTaxByMonth, sumDeferredTax } from '../../../shared/engine/tax';
import { unitsAfterDisposals } from '../../../shared/engine/stress';
import { BOOK, ECON, ROLL, TAX, isFormula } from '../../../shared/report';
import { cents, lot, model, rows, sheet, value, variedFleet, type Row } from './helpers';

const calendar = { startMonth: 7 };

describe('the report model against the engines', () => {
  const fleet = variedFleet();
  const m = model(fleet);
  const book = computeBookSchedules(fleet);

  it('writes the sheets of DESIGN.md section 8 in order, the Lots register after the Summary', () => {
    expect(m.sheets.map((s) => s.name)).toEqual(['Summary', 'Lots', 'Book Schedule', 'Tax Schedule', 'Deferred Tax', 'Rollforward', 'Book vs Economic', 'Stress', 'Audit']);
    expect(m.included).toEqual(['summary', 'lots', 'book', 'tax', 'deferred', 'rollforward', 'economic', 'stress', 'audit']);
    expect(m.notes.some((n) => n.topic === 'Stress' && /a tornado per output and the Monte Carlo bands/.test(n.text))).toBe(true);
    for (const s of m.sheets) expect(rows(s).length, s.name).toBe(s.rowCount);
  });

  it('Book Schedule: every lot and month of `fleetbook schedule`, in cents', () => {
    const expected = book.flatMap((s) =>
      aggregatePeriods(s, 'month', calendar).map((p) => [s.lotId, p.period, p.openingNbv + p.additions, p.depreciation, p.impairment, p.disposals, p.closingNbv, p.closingAccum]),
    );
    const actual = rows(sheet(m, 'Book Schedule')).map((r) => [r[0], r[1], ...r.slice(2, 8).map(cents)]);
    expect(actual).toEqual(expected);
  });

  it('Book Schedule: straight-line full-month months are formulas up to the first event, except at half-cent ties; other methods are values', () => {
    const all = rows(sheet(m, 'Book Schedule'));
    const dep = (id: string) => all.filter((r) => r[0] === id).map((r) => r[BOOK.depreciation]);
    // SL-1: 3 x 3,333.33 = 9,999.99 less 5 % (499.9995 -> 500.00) = 9,499.99 over 36 months: the
    // cumulative amount is a half cent only at month 18 (474,999.5 cents): that month is a value.
    expect(dep('SL-1').flatMap((c, i) => (isFormula(c) ? [] : [i + 1]))).toEqual([18]);
    for (const id of ['MM-1', 'HY-1', 'MQ-1', 'DDB-1', '150-1', 'SYD-1']) expect(dep(id).some(isFormula), id).toBe(false);
    // EV-2 has a change of estimate in January 2025 (month 13): formulas before it only.
    expect(dep('EV-2').map(isFormula)).toEqual(dep('EV-2').map((_, i) => i < 12));
    // EV-1: 42,750.09 / 36 = 1,187.5025 a month, a half cent at months 2, 6, 10, 14; first event in month 16.
    expect(dep('EV-1').flatMap((c, i) => (isFormula(c) ? [i + 1] : []))).toEqual([1, 3, 4, 5, 7, 8, 9, 11, 12, 13, 15]);
  });

  it('Rollforward: lot rows are the engine’s fiscal years, carried to the end of the table; fleet and class rows its rollups', () => {
    const all = rows(sheet(m, 'Rollforward'));
    const figures = (r: Row) => [r[ROLL.fiscalYear], ...[ROLL.openingCost, ROLL.additions, ROLL.disposedCost, ROLL.closingCost, ROLL.openingAccum, ROLL.depreciation, ROLL.impairment, ROLL.disposedAccum, ROLL.closingAccum, ROLL.proceeds, ROLL.gainLoss].map((c) => cents(r[c]))];
    const period = (p: ReturnType<typeof rollupPeriods>[number]) => [p.period, p.openingCost, p.additions, p.disposedCost, p.closingCost, p.openingAccum, p.depreciation, p.impairment, p.disposedAccum, p.closingAccum, p.proceeds, p.gainLoss];
    expect(all.filter((r) => r[ROLL.level] === 'Fleet').map(figures)).toEqual(rollupPeriods(book, 'year', calendar).map(period));
    for (const c of ['ASIC', 'GPU', 'Other'] as const) {
      const engine = rollupPeriods(book.filter((_, i) => fleet.lots[i].assetClass === c), 'year', calendar).map(period);
      const mine = all.filter((r) => r[ROLL.level] === 'Class' && r[ROLL.assetClass] === c).map(figures);
      expect(mine.slice(0, engine.length), c).toEqual(engine);
      // After the class's last activity its balances stay, with no flows.
      for (const r of mine.slice(engine.length)) expect(r.slice(2, 4).concat(r.slice(6, 9))).toEqual([0, 0, 0, 0, 0]);
    }
    for (const s of book) {
      const engine = aggregatePeriods(s, 'year', calendar).map(period);
      const mine = all.filter((r) => r[ROLL.level] === 'Lot' && r[ROLL.id] === s.lotId).map(figures);
      expect(mine.slice(0, engine.length), s.lotId).toEqual(engine);
    }
    const ties = all.flatMap((r) => [r[ROLL.costTie], r[ROLL.accumTie], r[ROLL.nbvTie]].filter((c) => c !== null).map(cents));
    expect(ties.length).toBeGreaterThan(2 * all.length);
    expect(ties.every((t) => t === 0)).toBe(true);
  });

  it('Tax Schedule: deferred tax per lot and fiscal year is the engine’s, and the fleet’s is the sum of the lots’', () => {
    const tax = computeTaxSchedules(fleet).schedules;
    const rate = fleet.assumptions.taxRatePct;
    const perLot = book.map((b, i) => deferredTaxByMonth(b, tax[i], rate));
    const at = (d: ReturnType<typeof deferredTaxByMonth>, m: number) => (m < d.startMonth ? 0 : d.deferredTax[Math.min(m - d.startMonth, d.deferredTax.length - 1)]);
    const fyEnd = (label: string) => monthIndexOf(`${Number(label.slice(2))}-06-01`); // FY2026 ends June 2026
    const all = rows(sheet(m, 'Tax Schedule'));
    for (const r of all.filter((x) => x[TAX.level] === 'Lot')) {
      const i = fleet.lots.findIndex((l) => l.id === r[TAX.id]);
      expect(cents(r[TAX.deferredTax]), `${r[TAX.id]} ${r[TAX.taxYear]}`).toBe(at(perLot[i], fyEnd(r[TAX.taxYear] as string)));
      expect(cents(r[TAX.difference])).toBe(cents(r[TAX.bookNbv]) - cents(r[TAX.closingNbv]));
    }
    const fleetDt = sumDeferredTax(perLot);
    for (const r of all.filter((x) => x[TAX.level] === 'Fleet')) expect(cents(r[TAX.deferredTax]), String(r[TAX.taxYear])).toBe(at(fleetDt, fyEnd(r[TAX.taxYear] as string)));
    // The tax depreciation of each lot's years adds up to the engine's.
    for (let i = 0; i < tax.length; i++) {
      const total = all.filter((r) => r[TAX.level] === 'Lot' && r[TAX.id] === fleet.lots[i].id).reduce((s, r) => s + cents(r[TAX.depreciation]), 0);
      expect(total, fleet.lots[i].id).toBe(tax[i].depreciation.reduce((s, x) => s + x, 0));
    }
  });

  it('Book vs Economic: the economic engine’s values per lot and month, units following disposals', () => {
    const market = marketFromAssumptions(fleet.assumptions);
    if (!market.ok) throw new Error('market');
    const econ = computeEconomicValues(fleet, book, market.value, { units: unitsAfterDisposals(fleet) });
    const expected = econ.filter((e) => e.modelled).flatMap((e) => Array.from({ length: e.length }, (_, i) => [e.lotId, e.bookNbv![i], e.economicValue[i], e.gap![i], e.economicLifeMonths]));
    const actual = rows(sheet(m, 'Book vs Economic')).map((r) => [r[ECON.id], cents(r[ECON.bookNbv]), cents(r[ECON.economicValue]), cents(r[ECON.gap]), value(r[ECON.economicLife])]);
    expect(actual).toEqual(expected);
    // EV-3 sold in full in May 2026: worth nothing afterwards.
    const ev3 = rows(sheet(m, 'Book vs Economic')).filter((r) => r[ECON.id] === 'EV-3' && (r[ECON.period] as string) >= '2026-05');
    expect(ev3.length).toBeGreaterThan(0);
    expect(ev3.every((r) => cents(r[ECON.economicValue]) === 0)).toBe(true);
  });
});

describe('the report model’s options and edges', () => {
  it('without the Lots sheet, no formula points at it', () => {
    const m = model(variedFleet(), { sheets: ['book', 'rollforward'] });
    expect(m.sheets.map((s) => s.name)).toEqual(['Book Schedule', 'Rollforward', 'Audit']);
    const formulas = m.sheets.flatMap((s) => rows(s).flatMap((r) => r.filter(isFormula).map((c) => c.formula)));
    expect(formulas.length).toBeGreaterThan(100);
    expect(formulas.filter((f) => /Lots!|Summary!|Tax Schedule/.test(f))).toEqual([]);
  });

  it('splits tables at lot boundaries and names the parts', () => {
    const fleet: Fleet = { assumptions: { ...DEFAULT_ASSUMPTIONS }, lots: Array.from({ length: 5 }, (_, i) => lot(`L${i}`)), events: [], scenarios: [] };
    const m = model(fleet, { maxRowsPerSheet: 26, sheets: ['lots', 'book', 'rollforward'] });
    expect(m.sheets.filter((s) => s.name.startsWith('Book Schedule')).map((s) => [s.name, s.rowCount])).toEqual([
      ['Book Schedule', 24],
      ['Book Schedule (2)', 24],
      ['Book Schedule (3)', 12],
    ]);
    expect(m.notes.some((n) => n.topic === 'Book Schedule' && n.text.startsWith('split over 3 sheets'))).toBe(true);
    expect(() => model(fleet, { maxRowsPerSheet: 12, sheets: ['book'] })).toThrow(/does not fit/);
  });

  it('an empty fleet gives empty tables, not made-up years', () => {
    const m = model({ assumptions: { ...DEFAULT_ASSUMPTIONS }, lots: [], events: [], scenarios: [] });
    for (const name of ['Lots', 'Book Schedule', 'Tax Schedule', 'Deferred Tax', 'Rollforward', 'Book vs Economic']) expect(sheet(m, name).rowCount, name).toBe(0);
  });

  it('lists unmodelled lots in the Audit notes', () => {
    const m = model(variedFleet());
    const audit = rows(sheet(m, 'Audit'));
    expect(audit.some((r) => r[0] === 'Note' && r[1] === 'Book vs Economic' && String(r[2]).startsWith('lot MQ-1 has no economic value'))).toBe(true);
  });
});

describe('the Stress sheet', () => {
  it('shows the stress engine’s life what-if, with the income effect as live formulas, and the scenarios side by side', async () => {
    const { lifeWhatIf, compareScenarios } = await import('../../../shared/engine/stress');
    const fleet = variedFleet();
    fleet.scenarios = [
      { scenario: 'Long lives', key: 'Book Life (months)', value: 72 },
      { scenario: 'Cheap power', key: 'ASIC Power Price ($/kWh)', value: 0.03 },
    ];
    const all = rows(sheet(model(fleet), 'Stress'));
    const whatIf = lifeWhatIf(fleet);
    if (!whatIf.ok) throw new Error('what-if');
    const w = whatIf.value;
    const header = all.findIndex((r) => r[0] === 'Fiscal Year' && r[1] === 'Base');
    expect(all[header]).toEqual(['Fiscal Year', 'Base', ...w.alternatives.map((a) => `${a.lifeMonths} months`), ...w.alternatives.map((a) => `Effect ${a.lifeMonths} months`)]);
    const body = all.slice(header + 1, header + 1 + w.fiscalYears.length);
    expect(body.map((r) => [r[0], ...r.slice(1).map(cents)])).toEqual(
      w.fiscalYears.map((fy, j) => [fy, w.base[j], ...w.alternatives.map((a) => a.depreciation[j]), ...w.alternatives.map((a) => a.effect[j])]),
    );
    // Effect = base - alternative, a formula over the row.
    expect(body[0][1 + w.alternatives.length + 1]).toMatchObject({ formula: `ROUND(B${header + 2}-C${header + 2},2)` });
    expect(cents(all[header + 1 + w.fiscalYears.length][1])).toBe(w.totalBase);

    const comparison = compareScenarios(fleet);
    if (!comparison.ok) throw new Error('compare');
    const sh = all.findIndex((r) => r[0] === 'Scenario');
    const scen = all.slice(sh + 1, sh + 1 + comparison.value.scenarios.length);
    expect(scen.map((r) => [r[0], r[1], cents(r[2]), cents(r[3]), cents(r[4]), cents(r[5]), r[6], cents(r[7]), r[8], cents(r[9]), r[10], r[11]])).toEqual(
      comparison.value.scenarios.map((s) => [s.name, s.outcome.asOf, s.outcome.bookNbv, s.outcome.valuedBookNbv, s.outcome.economicValue, s.outcome.gap, s.outcome.gaapImpairedLots, s.outcome.gaapImpairment, s.outcome.ifrsImpairedLots, s.outcome.ifrsImpairment, s.outcome.unmodelledLots, s.name === 'Base' ? 'yes' : '']),
    );
    expect(scen.map((r) => r[0])).toEqual(['Base', 'Long lives', 'Cheap power']);
  });
});
