/** The tax book (US federal MACRS, bonus, Section 179) and deferred tax. DESIGN.md section 5. */
export { computeTaxSchedules } from './schedule';
export type { MidQuarterTest, TaxLotDetail, TaxScheduleOptions, TaxSchedules } from './schedule';
export { bonusRateFor, bonusElection40From, BONUS_ELECTION_40_DRIVER, OBBBA_ACQUIRED_AFTER, TCJA_ACQUIRED_AFTER } from './bonus';
export type { BonusOptions, BonusRate } from './bonus';
export { deferredTaxByMonth, sumDeferredTax } from './deferred';
export type { DeferredTaxByMonth } from './deferred';
export { deferredTaxPeriods, rollupDeferredTax } from './deferred-periods';
export type { DeferredTaxPeriod } from './deferred-periods';
export { macrsColumn, recoveryPeriodOf, isMacrsClass, MACRS_CLASSES, MACRS_SOURCE } from './tables';
export type { MacrsClass, MacrsColumn, MacrsConvention } from './tables';
export { centsTimesPct, mulDivRound, roundDiv } from './intmath';
