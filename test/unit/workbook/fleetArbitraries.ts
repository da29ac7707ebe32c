/**
 * fast-check arbitraries for whole fleets as the reader gives them (so a write and a read must give
 * them back exactly): lots of every class, method, convention and tax class, events of every type
 * that the reader accepts, assumptions with drivers, scenarios, and odd strings (unicode, quotes,
 * a leading '=', Excel's _xHHHH_ escapes, control characters).
 */
import fc from 'fast-check';
import { toLocalDate, type LocalDate } from '../../../shared/domain/dates';
import {
  ASSET_CLASSES,
  BOOK_METHODS,
  CONVENTIONS,
  EVENT_TYPES,
  TAX_CLASSES,
  type Assumptions,
  type Fleet,
  type FleetEvent,
  type Lot,
  type ScenarioOverride,
} from '../../../shared/domain/fleet';
import { normaliseKey } from '../../../shared/workbook/normalise';
import { readNumber, readPercent } from '../../../shared/workbook/parseValue';
import { isFixedAssumptionKey } from '../../../shared/workbook/toTables';
import { looksLikeFormula } from '../../../shared/workbook/writeCsv';
import type { CellValue } from '../../../shared/workbook/table';

const ODD = [
  '=SUM(A1:A9)',
  '=HYPERLINK("http://example.com","click")',
  '+1+cmd|\' /C calc\'!A0',
  '@import',
  '-2+3',
  '"quoted"',
  "it's",
  'Ünïcödé 🚀 日本語',
  '_x0041_',
  '_x005F_x0041_',
  '<tag>&amp;</tag>',
  'a\tb',
  'two\nlines',
  'cr\rhere',
  'bell\u0007',
  'a,b;c',
];

/** Text as the reader leaves it: trimmed, not empty. */
export const cleanText = fc
  .oneof({ weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }) }, { weight: 1, arbitrary: fc.constantFrom(...ODD) })
  .map((s) => s.trim())
  .filter((s) => s !== '');

/** Text a CSV can carry as is (no formula guard in the way). */
export const csvText = cleanText.filter((s) => !looksLikeFormula(s));

/** Text that no reader takes for a number or a percentage (drivers and overrides keep it as text). */
export const looseText = cleanText.filter((s) => !readNumber(s).ok && !readPercent(s).ok);

const DAY0 = Date.UTC(1970, 0, 1) / 86_400_000;
const DAY1 = Date.UTC(2199, 11, 31) / 86_400_000;

export const dayNumber = fc.integer({ min: DAY0, max: DAY1 });
export function dayOf(n: number): LocalDate {
  const d = new Date(n * 86_400_000);
  return toLocalDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** A percentage with up to two decimals, as people type them. */
export const pct = fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100);
const cents = (max: number) => fc.integer({ min: 0, max });
const plainDouble = (max: number) => fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0);

function lotArb(id: string, text: fc.Arbitrary<string>): fc.Arbitrary<Lot> {
  return fc
    .record({
      assetClass: fc.constantFrom(...ASSET_CLASSES),
      model: fc.option(text, { nil: '' }),
      quantity: fc.integer({ min: 1, max: 100_000 }),
      unitCost: cents(10_000_000_000),
      inDay: fc.integer({ min: DAY0 + 400, max: DAY1 }),
      acquiredBack: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
      salvagePct: pct,
      lifeMonths: fc.integer({ min: 1, max: 600 }),
      method: fc.constantFrom(...BOOK_METHODS),
      convention: fc.constantFrom(...CONVENTIONS),
      taxClass: fc.constantFrom(...TAX_CLASSES),
      bonusPct: fc.option(pct, { nil: undefined }),
      section179Share: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
      hashrateThs: fc.option(plainDouble(10_000), { nil: undefined }),
      powerW: fc.option(plainDouble(20_000), { nil: undefined }),
      gpusPerUnit: fc.option(fc.integer({ min: 1, max: 16 }), { nil: undefined }),
      rentPerGpuHour: fc.option(plainDouble(100), { nil: undefined }),
    })
    .map((r) => {
      const declining = r.method !== 'SL';
      const lifeMonths = r.method === 'SYD' ? Math.max(12, Math.round(r.lifeMonths / 12) * 12) : r.lifeMonths;
      const lot: Lot = {
        id,
        assetClass: r.assetClass,
        model: r.model,
        quantity: r.quantity,
        unitCost: r.unitCost,
        inService: dayOf(r.inDay),
        salvagePct: r.salvagePct,
        lifeMonths,
        method: r.method,
        convention: declining ? 'full-month' : r.convention,
        taxClass: r.taxClass,
      };
      if (r.acquiredBack !== undefined) lot.acquired = dayOf(r.inDay - r.acquiredBack);
      if (r.bonusPct !== undefined) lot.bonusPct = r.bonusPct;
      if (r.section179Share !== undefined) lot.section179 = Math.floor(r.section179Share * r.quantity * r.unitCost);
      if (r.hashrateThs !== undefined) lot.hashrateThs = r.hashrateThs;
      if (r.powerW !== undefined) lot.powerW = r.powerW;
      if (r.gpusPerUnit !== undefined) lot.gpusPerUnit = r.gpusPerUnit;
      if (r.rentPerGpuHour !== undefined) lot.rentPerGpuHour = r.rentPerGpuHour;
      return lot;
    });
}

function eventArb(lot: Lot): fc.Arbitrary<FleetEvent> {
  const start = Date.parse(`${lot.inService}T00:00:00Z`) / 86_400_000;
  const date = fc.integer({ min: start, max: Math.min(DAY1, start + 3000) }).map(dayOf);
  return fc.constantFrom(...EVENT_TYPES).chain((type): fc.Arbitrary<FleetEvent> => {
    switch (type) {
      case 'change-estimate':
        return fc
          .record({ date, life: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }), salvage: fc.option(pct, { nil: undefined }) })
          .map(({ date: d, life, salvage }) => {
            const e: FleetEvent = { date: d, lotId: lot.id, type, lifeMonths: life ?? (salvage === undefined ? 48 : undefined), salvagePct: salvage };
            if (e.lifeMonths === undefined) delete e.lifeMonths;
            if (e.salvagePct === undefined) delete e.salvagePct;
            return e;
          });
      case 'impairment':
        return fc.record({ date, v: cents(1e12) }).map(({ date: d, v }) => ({ date: d, lotId: lot.id, type, fairValue: v }));
      case 'held-for-sale':
        return fc.record({ date, v: cents(1e12) }).map(({ date: d, v }) => ({ date: d, lotId: lot.id, type, fairValueLessCosts: v }));
      case 'disposal':
        return fc
          .record({ date, units: fc.integer({ min: 1, max: lot.quantity }), proceeds: cents(1e12) })
          .map(({ date: d, units, proceeds }) => ({ date: d, lotId: lot.id, type, units, proceeds }));
      case 'idle':
        return fc.record({ date, days: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }) }).map(({ date: d, days }) => {
          const e: FleetEvent = { date: d, lotId: lot.id, type };
          if (days !== undefined) e.until = dayOf(Math.min(DAY1, Date.parse(`${d}T00:00:00Z`) / 86_400_000 + days));
          return e;
        });
    }
  });
}

/** Events of the given lots, at most one disposal per lot (so units never run out). */
function eventsArb(lots: readonly Lot[]): fc.Arbitrary<FleetEvent[]> {
  if (lots.length === 0) return fc.constant([]);
  return fc.array(fc.constantFrom(...lots).chain(eventArb), { maxLength: 8 }).map((events) => {
    const disposed = new Set<string>();
    return events.filter((e) => {
      if (e.type !== 'disposal') return true;
      if (disposed.has(e.lotId)) return false;
      disposed.add(e.lotId);
      return true;
    });
  });
}

const looseValue = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map((x) => x + 0), looseText);

const assumptionsArb: fc.Arbitrary<Assumptions> = fc
  .record({
    company: fc.option(cleanText, { nil: '' }),
    currency: fc.stringMatching(/^[A-Z]{3}$/),
    fiscalYearStartMonth: fc.integer({ min: 1, max: 12 }),
    asOf: fc.option(dayNumber.map(dayOf), { nil: undefined }),
    horizonMonths: fc.integer({ min: 1, max: 600 }),
    taxRatePct: pct,
    discountRatePct: pct,
    drivers: fc.dictionary(
      cleanText.map(normaliseKey).filter((k) => k !== '' && !isFixedAssumptionKey(k) && k !== '__proto__'),
      looseValue,
      { maxKeys: 4 },
    ),
  })
  .map((a) => {
    const out: Assumptions = { ...a };
    if (a.asOf === undefined) delete out.asOf;
    return out;
  });

const scenariosArb: fc.Arbitrary<ScenarioOverride[]> = fc
  .array(fc.record({ scenario: cleanText, key: cleanText, value: looseValue }), { maxLength: 5 })
  .map((rows) => {
    const seen = new Set<string>();
    return rows.filter((r) => {
      const id = `${normaliseKey(r.scenario)}\u0000${normaliseKey(r.key)}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  });

export function fleetArb(options: { text?: fc.Arbitrary<string>; maxLots?: number } = {}): fc.Arbitrary<Fleet> {
  const text = options.text ?? cleanText;
  return fc
    .uniqueArray(text, { maxLength: options.maxLots ?? 6 })
    .chain((ids) => (ids.length === 0 ? fc.constant([] as Lot[]) : fc.tuple(...ids.map((id) => lotArb(id, text)))))
    .chain((lots) => fc.record({ lots: fc.constant(lots), events: eventsArb(lots), assumptions: assumptionsArb, scenarios: scenariosArb }));
}

/** Cell values a file may hold in columns and sheets Fleetbook does not read. */
export const keptCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom(...ODD),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x + 0),
  fc.boolean(),
  fc.integer({ min: 61, max: 2_958_465 }).map((serial) => ({ kind: 'date' as const, serial })),
  fc.double({ min: 61, max: 2_958_465, noNaN: true }).map((serial) => ({ kind: 'date' as const, serial })),
  fc.double({ min: -10, max: 10, noNaN: true }).map((fraction) => ({ kind: 'percent' as const, fraction: fraction + 0 })),
  fc.constantFrom('#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!').map((code) => ({ kind: 'error' as const, code })),
);

/** Headers no Fleetbook sheet reads. */
export const keptHeader = fc.constantFrom('Location', 'PO Number', 'Custodian', 'Notes', 'Rack', 'Vendor Invoice', 'Site Code', 'Warranty End', 'Ünïcödé Spalte', '=odd header');
