import { describe, expect, it } from 'vitest';
import { parseDateText, parseNumberText, readDate, readNumber, readPercent } from '../../../shared/workbook/parseValue';

describe('parseNumberText', () => {
  it.each([
    ['1250', 1250],
    ['$1,250.00', 1250],
    ['1 250', 1250],
    ['1\u00a0250,50', 1250.5],
    ["1'250.5", 1250.5],
    ['1.250.000', 1250000],
    ['1.250,00', 1250],
    ['12,5', 12.5],
    ['1,250', 1250],
    ['(1,250.00)', -1250],
    ['-$3.5', -3.5],
    ['$-3.5', -3.5],
    ['USD 99', 99],
    ['99 EUR', 99],
    ['€ 10', 10],
    ['.5', 0.5],
    ['1.5E+3', 1500],
    ['+7', 7],
  ])('reads %j as %d', (text, n) => {
    expect(parseNumberText(text)).toBe(n);
  });

  it.each(['12,5O0', 'abc', '', '1,25,0', '1,2345,678', '12 5', '--3', '$', '1.2.3,4,5', 'XYZ 12', '15%', 'NaN', 'Infinity'])('refuses %j', (text) => {
    expect(parseNumberText(text)).toBeNull();
  });
});

describe('readNumber and readPercent', () => {
  it('reads numeric cells as they are and explains what is not a number', () => {
    expect(readNumber(42.5)).toEqual({ ok: true, value: 42.5 });
    expect(readNumber(true)).toEqual({ ok: false, reason: 'is not a number' });
    expect(readNumber({ kind: 'error', code: '#N/A' })).toEqual({ ok: false, reason: 'is an Excel error (#N/A)' });
    expect(readNumber({ kind: 'date', serial: 45322 })).toEqual({ ok: false, reason: 'is a date, not a number' });
  });

  it('reads percentages written as 15, "15%", or a cell formatted 15% holding 0.15', () => {
    expect(readPercent(15)).toEqual({ ok: true, value: { value: 15, bare: true } });
    expect(readPercent('15%')).toEqual({ ok: true, value: { value: 15, bare: false } });
    expect(readPercent(' 7.5 % ')).toEqual({ ok: true, value: { value: 7.5, bare: false } });
    expect(readPercent({ kind: 'percent', fraction: 0.07 })).toEqual({ ok: true, value: { value: 7, bare: false } });
    expect(readPercent('ten')).toEqual({ ok: false, reason: 'is not a percentage' });
  });
});

describe('dates', () => {
  const ok = (date: string, extra: object = {}) => ({ ok: true, value: { date, ...extra } });

  it.each([
    ['2025-03-31', '2025-03-31'],
    ['2025-3-1', '2025-03-01'],
    ['2025/03/31', '2025-03-31'],
    ['20250331', '2025-03-31'],
    ['2025-03-31T00:00:00Z', '2025-03-31'],
    ['2025-03-31 14:05:00', '2025-03-31'],
    ['Mar 31, 2025', '2025-03-31'],
    ['March 31 2025', '2025-03-31'],
    ['31 Mar 2025', '2025-03-31'],
    ['31-Mar-2025', '2025-03-31'],
    ['2025-Mar-31', '2025-03-31'],
    ['Sept. 1, 2025', '2025-09-01'],
    ['03/03/2025', '2025-03-03'],
  ])('reads %j', (text, iso) => {
    expect(parseDateText(text)).toEqual(ok(iso));
  });

  it('reads a day/month order only when the text fixes it, and says which', () => {
    expect(parseDateText('31/03/2025')).toEqual(ok('2025-03-31', { order: 'day-first' }));
    expect(parseDateText('03/31/2025')).toEqual(ok('2025-03-31', { order: 'month-first' }));
    expect(parseDateText('31.03.2025')).toEqual(ok('2025-03-31', { order: 'day-first' }));
  });

  it('reports an ambiguous date unless a locale is given', () => {
    expect(parseDateText('03/04/2025')).toEqual({
      ok: false,
      reason: 'is ambiguous: 2025-03-04 (US, month first) or 2025-04-03 (EU, day first); write yyyy-mm-dd or set the date locale',
    });
    expect(parseDateText('03/04/2025', 'US')).toEqual(ok('2025-03-04'));
    expect(parseDateText('03/04/2025', 'EU')).toEqual(ok('2025-04-03'));
    expect(parseDateText('31/03/2025', 'US')).toEqual({ ok: false, reason: 'is not a date in the US order (month/day/year)' });
  });

  it('refuses what is not a real day, two-digit years and free text', () => {
    expect(parseDateText('2025-02-29')).toEqual({ ok: false, reason: 'is not a date' });
    expect(parseDateText('3/31/25')).toEqual({ ok: false, reason: 'has a two-digit year; write the year in full (or yyyy-mm-dd)' });
    expect(parseDateText('31-Mar-25')).toEqual({ ok: false, reason: 'has a two-digit year; write the year in full (or yyyy-mm-dd)' });
    expect(parseDateText('13/13/2025')).toEqual({ ok: false, reason: 'is not a date' });
    expect(parseDateText('soon')).toEqual({ ok: false, reason: 'is not a date (write yyyy-mm-dd)' });
    expect(parseDateText('Foo 3, 2025')).toEqual({ ok: false, reason: 'is not a date' });
  });

  it('reads numbers and date cells as Excel serials in the sheet date system, and serial-looking text as 1900 serials', () => {
    expect(readDate(45322)).toEqual(ok('2024-01-31', { fromSerial: true }));
    expect(readDate({ kind: 'date', serial: 43860 }, { date1904: true })).toEqual(ok('2024-01-31', { fromSerial: false }));
    expect(readDate(43860, { date1904: true })).toEqual(ok('2024-01-31', { fromSerial: true }));
    expect(readDate('45322')).toEqual(ok('2024-01-31', { fromSerial: true }));
    expect(readDate(true)).toEqual({ ok: false, reason: 'is not a date' });
  });
});
