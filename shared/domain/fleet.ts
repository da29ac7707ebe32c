import type { LocalDate } from './dates';
import type { Cents } from './money';

export const ASSET_CLASSES = ['ASIC', 'GPU', 'Other'] as const;
export type AssetClass = (typeof ASSET_CLASSES)[number];

export const BOOK_METHODS = ['SL', 'DDB', '150DB', 'SYD'] as const;
export type BookMethod = (typeof BOOK_METHODS)[number];

export const CONVENTIONS = ['full-month', 'mid-month', 'half-year', 'mid-quarter'] as const;
export type Convention = (typeof CONVENTIONS)[number];

export const TAX_CLASSES = ['MACRS-3', 'MACRS-5', 'MACRS-7', 'none'] as const;
export type TaxClass = (typeof TAX_CLASSES)[number];

/** A lot: `quantity` identical units bought and placed in service together (DESIGN.md section 8). */
export interface Lot {
  id: string;
  assetClass: AssetClass;
  model: string;
  quantity: number;
  unitCost: Cents;
  inService: LocalDate;
  /** Contract (acquisition) date, for bonus depreciation; <= inService. */
  acquired?: LocalDate;
  /** Percent, 0..100. */
  salvagePct: number;
  lifeMonths: number;
  method: BookMethod;
  convention: Convention;
  taxClass: TaxClass;
  /** Percent override of the bonus rate the law gives. */
  bonusPct?: number;
  section179?: Cents;
  hashrateThs?: number;
  powerW?: number;
  gpusPerUnit?: number;
  rentPerGpuHour?: number;
}

export const EVENT_TYPES = ['change-estimate', 'impairment', 'held-for-sale', 'disposal', 'idle'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

interface EventBase {
  date: LocalDate;
  lotId: string;
}

/** Effective-dated events, applied in date order (DESIGN.md section 4). */
export type FleetEvent =
  | (EventBase & { type: 'change-estimate'; lifeMonths?: number; salvagePct?: number })
  | (EventBase & { type: 'impairment'; fairValue: Cents })
  | (EventBase & { type: 'held-for-sale'; fairValueLessCosts: Cents })
  | (EventBase & { type: 'disposal'; units: number; proceeds: Cents })
  | (EventBase & { type: 'idle'; until?: LocalDate });

/** The Assumptions sheet. Market drivers beyond the fixed keys live in `drivers`. */
export interface Assumptions {
  company: string;
  currency: string;
  fiscalYearStartMonth: number;
  asOf?: LocalDate;
  horizonMonths: number;
  taxRatePct: number;
  discountRatePct: number;
  /** Other keys of the Assumptions sheet (market drivers), by their normalised key. */
  drivers: Record<string, number | string>;
}

export const DEFAULT_ASSUMPTIONS: Assumptions = {
  company: '',
  currency: 'USD',
  fiscalYearStartMonth: 1,
  horizonMonths: 120,
  taxRatePct: 21,
  discountRatePct: 12,
  drivers: {},
};

/** One row of the Scenarios sheet: an override of an assumption or a life in a named scenario. */
export interface ScenarioOverride {
  scenario: string;
  key: string;
  value: number | string;
}

/** The whole fleet document, as the engine sees it. */
export interface Fleet {
  assumptions: Assumptions;
  lots: Lot[];
  events: FleetEvent[];
  scenarios: ScenarioOverride[];
}
