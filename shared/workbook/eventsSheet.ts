import { EVENT_TYPES, type EventType, type FleetEvent } from '../domain/fleet';
import { EVENT_FIELDS, type ColumnMapping, type EventField } from './columns';
import { MAX_LIFE_MONTHS, type KnownLot } from './fleetSheet';
import { choices, RowReader, type ReadContext } from './rowReader';
import { dataRows, emptyExtras, extraValues, openSheet, type ExtraColumns } from './sheetCommon';
import type { SheetTable } from './table';

const TYPE_CHOICES = choices<EventType>({
  'change-estimate': ['Change of Estimate', 'Estimate Change', 'Change in Estimate', 'Revision'],
  impairment: ['Impair', 'Write-down', 'Writedown'],
  'held-for-sale': ['Held for Sale', 'HFS'],
  disposal: ['Dispose', 'Sale', 'Sold', 'Retirement', 'Retire', 'Scrap'],
  idle: ['Curtailment', 'Curtailed', 'Idled'],
});

/** The fields each event type reads; any other field given on the row is ignored with a warning. */
const TYPE_FIELDS: Record<EventType, readonly EventField[]> = {
  'change-estimate': ['Life (months)', 'Life (years)', 'Salvage %'],
  impairment: ['Fair Value'],
  'held-for-sale': ['Fair Value'],
  disposal: ['Units', 'Proceeds'],
  idle: ['Until'],
};
const OPTIONAL_FIELDS: readonly EventField[] = ['Life (months)', 'Life (years)', 'Salvage %', 'Fair Value', 'Units', 'Proceeds', 'Until'];

/** "an impairment event", "a disposal event". */
const anEvent = (type: EventType): string => `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type} event`;

export interface EventsRead {
  events: FleetEvent[];
  extras: ExtraColumns;
}

/** Case-insensitive twin of an unknown Lot ID, for a "did you mean" hint. */
function lookalike(id: string, known: ReadonlyMap<string, KnownLot>): string | undefined {
  const lower = id.toLowerCase();
  for (const k of known.keys()) if (k.toLowerCase() === lower) return k;
  return undefined;
}

export function readEventsSheet(
  sheet: SheetTable | undefined,
  known: ReadonlyMap<string, KnownLot>,
  mapping: ColumnMapping | undefined,
  ctx: ReadContext,
  usedMappingKeys: Set<string>,
): EventsRead {
  const out: EventsRead = { events: [], extras: emptyExtras() };
  if (!sheet) return out;
  const match = openSheet<EventField>(sheet, EVENT_FIELDS, ['Date', 'Lot ID', 'Type'], mapping, ctx, usedMappingKeys);
  if (!match) return out;
  out.extras.headers = match.extras.map((e) => e.header);
  const disposals: { reader: RowReader<EventField>; lotId: string; date: string; units: number }[] = [];

  for (const row of dataRows(sheet)) {
    const r = new RowReader(sheet, match.columns, row, ctx);
    const date = r.date('Date', true);
    const lotId = r.text('Lot ID', true);
    const type = r.choice('Type', TYPE_CHOICES, EVENT_TYPES, true);
    const lot = lotId === undefined ? undefined : known.get(lotId);
    if (lotId !== undefined && !lot) {
      const twin = lookalike(lotId, known);
      r.problem('Lot ID', `Lot ID "${lotId}" is not in the Fleet sheet${twin ? ` (did you mean "${twin}"?)` : ''}`);
    }
    if (date !== undefined && lot?.inService !== undefined && date < lot.inService) {
      r.problem('Date', `Date ${date} is before the in-service date of lot ${lotId} (${lot.inService})`);
    }
    if (type === undefined) continue;
    for (const f of OPTIONAL_FIELDS) {
      if (!TYPE_FIELDS[type].includes(f) && r.has(f)) r.warn(f, `${f} is ignored for ${anEvent(type)}`);
    }
    /** A field the type needs: reported on the Type cell when the sheet has no such column. */
    const need = (f: EventField): boolean => {
      if (r.hasColumn(f)) return true;
      r.problem('Type', `${anEvent(type)} needs ${f}, and the sheet has no ${f} column`);
      return false;
    };
    let event: FleetEvent | undefined;
    switch (type) {
      case 'change-estimate': {
        const lifeMonths = readEventLife(r);
        const salvagePct = r.percent('Salvage %', { min: 0, max: 100 });
        if (lifeMonths === undefined && salvagePct === undefined && !r.failed) {
          r.problem('Type', `${anEvent(type)} needs a new Life (months) or Salvage %`);
        }
        event = { date: date!, lotId: lotId!, type, lifeMonths, salvagePct };
        if (lifeMonths === undefined) delete event.lifeMonths;
        if (salvagePct === undefined) delete event.salvagePct;
        break;
      }
      case 'impairment':
      case 'held-for-sale': {
        const fairValue = need('Fair Value') ? r.money('Fair Value', { min: 0 }, true) : undefined;
        event = type === 'impairment' ? { date: date!, lotId: lotId!, type, fairValue: fairValue! } : { date: date!, lotId: lotId!, type, fairValueLessCosts: fairValue! };
        break;
      }
      case 'disposal': {
        const units = need('Units') ? r.integer('Units', { min: 1 }, true) : undefined;
        // A disposal without proceeds is a scrapping: proceeds 0.
        const proceeds = r.money('Proceeds', { min: 0 }) ?? 0;
        if (units !== undefined && lotId !== undefined && date !== undefined) disposals.push({ reader: r, lotId, date, units });
        event = { date: date!, lotId: lotId!, type, units: units!, proceeds };
        break;
      }
      case 'idle': {
        const until = r.date('Until');
        if (until !== undefined && date !== undefined && until < date) r.problem('Until', `Until ${until} is before the event's Date ${date}`);
        event = { date: date!, lotId: lotId!, type };
        if (until !== undefined) event.until = until;
        break;
      }
    }
    if (r.failed || !event) continue;
    out.events.push(event);
    out.extras.values.push(extraValues(row, match.extras));
  }

  // Any problem makes the whole read fail, so the events pushed above never leave half-checked.
  checkDisposedUnits(disposals, known);
  return out;
}

/** Disposals of a lot, in date order, may not take more units than the lot has. */
function checkDisposedUnits(disposals: { reader: RowReader<EventField>; lotId: string; date: string; units: number }[], known: ReadonlyMap<string, KnownLot>): void {
  const byDate = [...disposals].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const disposed = new Map<string, number>();
  for (const d of byDate) {
    const quantity = known.get(d.lotId)?.quantity;
    if (quantity === undefined) continue;
    const before = disposed.get(d.lotId) ?? 0;
    disposed.set(d.lotId, before + d.units);
    if (before + d.units > quantity) {
      const left = Math.max(0, quantity - before);
      const earlier = before > 0 ? ` (${left} left after earlier disposals)` : '';
      d.reader.problem('Units', `Units ${d.units} is more than the ${quantity} units of lot ${d.lotId}${earlier}`);
    }
  }
}

/** A new life in months, from Life (months) or Life (years) (whole months only). */
function readEventLife(r: RowReader<EventField>): number | undefined {
  const range = { min: 1, max: MAX_LIFE_MONTHS };
  if (r.has('Life (months)') || !r.has('Life (years)')) return r.integer('Life (months)', range);
  const years = r.number('Life (years)', { min: 0 });
  if (years === undefined) return undefined;
  const months = Number((years * 12).toPrecision(12));
  if (!Number.isInteger(months) || months < range.min || months > range.max) {
    return void r.problem('Life (years)', `Life (years) ${years} is not a whole number of months from 1 to ${MAX_LIFE_MONTHS}`);
  }
  return months;
}
