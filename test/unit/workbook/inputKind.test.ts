import { describe, expect, it } from 'vitest';
import { detectInputKind, extensionOf } from '../../../shared/workbook/inputKind';

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);

describe('detectInputKind', () => {
  it('goes by content first: a zip is an xlsx whatever its name', () => {
    expect(detectInputKind(bytes(0x50, 0x4b, 3, 4), 'fleet.csv')).toEqual({ ok: true, kind: 'xlsx' });
  });

  it('then by extension', () => {
    expect(detectInputKind(text('a,b'), 'Fleet.CSV')).toEqual({ ok: true, kind: 'csv' });
    expect(detectInputKind(text('a\tb'), 'fleet.tsv')).toEqual({ ok: true, kind: 'csv' });
    // Not a zip, but named .xlsx: the xlsx reader explains what it is instead.
    expect(detectInputKind(text('a,b'), 'fleet.xlsx')).toEqual({ ok: true, kind: 'xlsx' });
  });

  it('refuses empty files, old or encrypted workbooks and unknown types', () => {
    expect(detectInputKind(bytes(), 'fleet.csv')).toEqual({ ok: false, message: 'the file is empty' });
    expect(detectInputKind(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'fleet.xlsx')).toEqual({
      ok: false,
      message: 'this is an Excel 97-2003 (.xls) or password-protected workbook: save it as an .xlsx Excel Workbook without a password',
    });
    expect(detectInputKind(text('{}'), 'fleet.json')).toEqual({ ok: false, message: 'unknown file type ".json": Fleetbook reads .xlsx workbooks and .csv files' });
    expect(detectInputKind(text('x'), 'README')).toEqual({ ok: false, message: 'unknown file type: Fleetbook reads .xlsx workbooks and .csv files' });
  });

  it('takes the extension of the last path segment only', () => {
    expect(extensionOf('dir.v2/fleet')).toBe('');
    expect(extensionOf('C:\\data\\Fleet.XLSX')).toBe('xlsx');
    expect(extensionOf('.csv')).toBe('');
  });
});
