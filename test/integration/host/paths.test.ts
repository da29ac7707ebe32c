import { describe, expect, it } from 'vitest';
import { filesFromArgv } from '../../../electron/host/argv';
import { displayPath, formatOf, safeFileName } from '../../../electron/host/paths';

describe('file names from the renderer', () => {
  it('keeps only a bare name, ending in .xlsx or .csv', () => {
    expect(safeFileName('Q3 fleet.xlsx')).toBe('Q3 fleet.xlsx');
    expect(safeFileName('lots.CSV')).toBe('lots.CSV');
    expect(safeFileName('../../etc/passwd')).toBe('passwd.xlsx');
    expect(safeFileName('..\\..\\windows\\evil.xlsx')).toBe('evil.xlsx');
    expect(safeFileName('a<b>c:d|e?.xlsx')).toBe('a_b_c_d_e_.xlsx');
    expect(safeFileName('bad\u0000name.xlsx')).toBe('bad_name.xlsx');
    expect(safeFileName('..')).toBe('Fleet.xlsx');
    expect(safeFileName('CON')).toBe('Fleet.xlsx');
    expect(safeFileName('report.pdf')).toBe('report.pdf.xlsx');
  });

  it('knows the formats it writes', () => {
    expect(formatOf('a.XLSX')).toBe('xlsx');
    expect(formatOf('a.csv')).toBe('csv');
    expect(formatOf('a.xls')).toBeNull();
  });

  it('shortens the home folder for display', () => {
    expect(displayPath('/home/ann/books/fleet.xlsx', '/home/ann')).toBe('~/books/fleet.xlsx');
    expect(displayPath('/home/anna/fleet.xlsx', '/home/ann')).toBe('/home/anna/fleet.xlsx');
  });
});

describe('files on the command line', () => {
  it('takes .xlsx and .csv arguments after the app, resolved, and skips switches', () => {
    expect(filesFromArgv(['/opt/Fleetbook/fleetbook', '--no-sandbox', 'books/a.xlsx', '/data/b.CSV', 'notes.txt'], true, '/home/ann')).toEqual([
      '/home/ann/books/a.xlsx',
      '/data/b.CSV',
    ]);
  });

  it('skips the app folder of a development run', () => {
    expect(filesFromArgv(['/usr/bin/electron', 'odd.xlsx', 'c.xlsx'], false, '/w')).toEqual(['/w/c.xlsx']);
  });
});
