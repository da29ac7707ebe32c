/** The book (GAAP/IFRS) depreciation engine: DESIGN.md section 4. */
export { computeLotSchedule, computeBookSchedules, computeLotScheduleDetailed, percentOfCents } from './schedule';
export type { DetailedLotSchedule, LotBookState } from './schedule';
export { aggregatePeriods, monthsIn, periodLabel, periodStart, rollupPeriods } from './periods';
export { allocateLargestRemainder, shareOf } from './allocate';
export { orderLotEvents } from './event-order';
export { SCHEDULE_FLAG } from './types';
export type { LotSchedule, PeriodKind, PeriodRow } from './types';
