import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { excelSerialToLocalDate, localDateToExcelSerial } from '../../../shared/workbook/excelDate';
import { toLocalDate } from '../../../shared/domain/dates';

const date = (serial: number, date1904 = false): string => {
  const r = excelSerialToLocalDate(serial, date1904);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('Excel serial dates', () => {
  it('reads the 1900 system, including the days around its fictitious 1900-02-29', () => {
    // Excel: =DATE(2024,1,31) is 45322; 1 is 1900-01-01; 59 is 1900-02-28; 61 is 1900-03-01.
    expect(date(45322)).toBe('2024-01-31');
    expect(date(1)).toBe('1900-01-01');
    expect(date(59)).toBe('1900-02-28');
    expect(date(61)).toBe('1900-03-01');
    expect(date(2958465)).toBe('9999-12-31');
    expect(excelSerialToLocalDate(60)).toEqual({ ok: false, error: "is 1900-02-29, a day that does not exist (Excel's 1900 leap-year bug)" });
    expect(excelSerialToLocalDate(0).ok).toBe(false);
    expect(excelSerialToLocalDate(2958466).ok).toBe(false);
  });

  it('reads the 1904 system: 0 is 1904-01-01, 1462 days after the 1900 count', () => {
    expect(date(0, true)).toBe('1904-01-01');
    expect(date(43860, true)).toBe('2024-01-31');
    expect(excelSerialToLocalDate(-1, true).ok).toBe(false);
  });

  it('drops the time of day', () => {
    expect(date(45322.99)).toBe('2024-01-31');
  });

  it('round-trips every date from 1900-03-01 to 9999-12-31 in both systems', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1904, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.boolean(), (y, m, d, is1904) => {
        const iso = toLocalDate(y, m, d);
        expect(date(localDateToExcelSerial(iso, is1904), is1904)).toBe(iso);
      }),
    );
  });
});
