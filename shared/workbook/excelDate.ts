import { toLocalDate, parseLocalDate, type LocalDate } from '../domain/dates';
import type { Result } from '../domain/result';

const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 (serial 0 once the 1900 leap-year bug is past) to 1970-01-01. */
const UNIX_EPOCH_1900_SERIAL = 25_569;
/** Serial of 1904-01-01 counted in the 1900 system. */
const OFFSET_1904 = 1_462;
/** The largest serial Excel accepts: 9999-12-31. */
const MAX_SERIAL_1900 = 2_958_465;
const FAKE_LEAP_DAY = 60;

function fromUnixDays(days: number): LocalDate {
  const d = new Date(days * MS_PER_DAY);
  return toLocalDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * An Excel serial date (the time of day, if any, is dropped) to a LocalDate.
 * 1900 system: serial 1 = 1900-01-01 and Excel counts a 1900-02-29 that never existed (serial 60),
 * so serials below 60 are one day later than a plain day count gives. 1904 system: serial 0 = 1904-01-01.
 */
export function excelSerialToLocalDate(serial: number, date1904 = false): Result<LocalDate, string> {
  if (!Number.isFinite(serial)) return { ok: false, error: 'is not a date' };
  const whole = Math.floor(serial);
  const as1900 = date1904 ? whole + OFFSET_1904 : whole;
  if (as1900 < 1 || as1900 > MAX_SERIAL_1900 || (date1904 && whole < 0)) {
    return { ok: false, error: 'is not a date Excel can hold (1900-01-01 to 9999-12-31)' };
  }
  if (!date1904 && whole === FAKE_LEAP_DAY) {
    return { ok: false, error: "is 1900-02-29, a day that does not exist (Excel's 1900 leap-year bug)" };
  }
  const days = as1900 < FAKE_LEAP_DAY ? as1900 + 1 : as1900;
  return { ok: true, value: fromUnixDays(days - UNIX_EPOCH_1900_SERIAL) };
}

/** The Excel serial of a LocalDate in the given date system (for writers and tests). */
export function localDateToExcelSerial(date: LocalDate, date1904 = false): number {
  const d = parseLocalDate(date);
  if (!d) throw new Error(`not a yyyy-MM-dd date: ${date}`);
  const days = Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY + UNIX_EPOCH_1900_SERIAL;
  const as1900 = days < FAKE_LEAP_DAY + 1 ? days - 1 : days;
  return date1904 ? as1900 - OFFSET_1904 : as1900;
}
