/**
 * The runtime shape of a Fleet as it crosses the renderer/host boundary.
 *
 * Structure only (types, finite numbers, size limits): the domain rules (quantity >= 1, dates in
 * order...) belong to the workbook validator, and a document being edited may break them for a
 * while and must still autosave. Objects are strict so a field the schema does not know is refused
 * rather than silently dropped.
 */
import { z } from 'zod';
import {
  ASSET_CLASSES,
  BOOK_METHODS,
  CONVENTIONS,
  TAX_CLASSES,
  type Assumptions,
  type Fleet,
  type FleetEvent,
  type Lot,
  type ScenarioOverride,
} from '../domain/fleet';

/** Generous caps: the spec plans for 100,000 lots; these only stop absurd payloads. */
export const MAX_LOTS = 1_000_000;
export const MAX_EVENTS = 1_000_000;
export const MAX_SCENARIO_ROWS = 100_000;
const MAX_TEXT = 10_000;

const text = z.string().max(MAX_TEXT);
const date = z.string().max(32);
const num = z.number(); // zod 4 refuses NaN and +-Infinity

export const lotSchema = z.strictObject({
  id: text,
  assetClass: z.enum(ASSET_CLASSES),
  model: text,
  quantity: num,
  unitCost: num,
  inService: date,
  acquired: date.optional(),
  salvagePct: num,
  lifeMonths: num,
  method: z.enum(BOOK_METHODS),
  convention: z.enum(CONVENTIONS),
  taxClass: z.enum(TAX_CLASSES),
  bonusPct: num.optional(),
  section179: num.optional(),
  hashrateThs: num.optional(),
  powerW: num.optional(),
  gpusPerUnit: num.optional(),
  rentPerGpuHour: num.optional(),
});

const eventBase = { date, lotId: text };

export const fleetEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...eventBase, type: z.literal('change-estimate'), lifeMonths: num.optional(), salvagePct: num.optional() }),
  z.strictObject({ ...eventBase, type: z.literal('impairment'), fairValue: num }),
  z.strictObject({ ...eventBase, type: z.literal('held-for-sale'), fairValueLessCosts: num }),
  z.strictObject({ ...eventBase, type: z.literal('disposal'), units: num, proceeds: num }),
  z.strictObject({ ...eventBase, type: z.literal('idle'), until: date.optional() }),
]);

export const assumptionsSchema = z.strictObject({
  company: text,
  currency: text,
  fiscalYearStartMonth: num,
  asOf: date.optional(),
  horizonMonths: num,
  taxRatePct: num,
  discountRatePct: num,
  drivers: z.record(text, z.union([num, text])),
});

export const scenarioOverrideSchema = z.strictObject({
  scenario: text,
  key: text,
  value: z.union([num, text]),
});

export const fleetSchema = z.strictObject({
  assumptions: assumptionsSchema,
  lots: z.array(lotSchema).max(MAX_LOTS),
  events: z.array(fleetEventSchema).max(MAX_EVENTS),
  scenarios: z.array(scenarioOverrideSchema).max(MAX_SCENARIO_ROWS),
});

// Compile-time guard: when a domain type gains, loses or changes a field, these stop compiling
// until the schema follows (mutual assignability alone would miss a new optional field).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type SameKeys<A, B> = Same<keyof A, keyof B>;
type AllKeys<T> = T extends unknown ? keyof T : never;
const schemaMatchesDomain: [
  Same<z.infer<typeof lotSchema>, Lot>,
  SameKeys<z.infer<typeof lotSchema>, Lot>,
  Same<z.infer<typeof fleetEventSchema>, FleetEvent>,
  Same<AllKeys<z.infer<typeof fleetEventSchema>>, AllKeys<FleetEvent>>,
  Same<z.infer<typeof assumptionsSchema>, Assumptions>,
  SameKeys<z.infer<typeof assumptionsSchema>, Assumptions>,
  Same<z.infer<typeof scenarioOverrideSchema>, ScenarioOverride>,
  SameKeys<z.infer<typeof fleetSchema>, Fleet>,
] = [true, true, true, true, true, true, true, true];
void schemaMatchesDomain;
