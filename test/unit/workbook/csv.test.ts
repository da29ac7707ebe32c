import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv, sniffDelimiter } from '../../../shared/workbook/csv';

describe('parseCsv', () => {
  it('reads RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes', () => {
    const t = parseCsv('a,b,c\n"x, y","say ""hi""","two\nlines"\n');
    expect(t.rows).toEqual([
      { row: 1, cells: ['a', 'b', 'c'] },
      { row: 2, cells: ['x, y', 'say "hi"', 'two\nlines'] },
    ]);
    expect(t.name).toBe('Fleet');
  });

  it('drops a BOM, accepts CRLF and CR line ends, and keeps blank cells as null', () => {
    const t = parseCsv('\ufeffa,b\r\n1,\r2,3', 'Events');
    expect(t.name).toBe('Events');
    expect(t.rows).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['1', null] },
      { row: 3, cells: ['2', '3'] },
    ]);
  });

  it('numbers rows by record (as Excel shows them) and skips blank lines without renumbering the rest', () => {
    const t = parseCsv('h\n"multi\nline"\n\nlast\n');
    expect(t.rows.map((r) => r.row)).toEqual([1, 2, 4]);
  });

  it('sniffs ; and tab delimiters from the header line, ignoring quoted ones', () => {
    expect(sniffDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(sniffDelimiter('a\tb\n')).toBe('\t');
    expect(sniffDelimiter('"a,b,c";d;e\n')).toBe(';');
    expect(sniffDelimiter('single\n')).toBe(',');
    expect(parseCsv('Qty;Cost\n"1,5";2\n').rows[1].cells).toEqual(['1,5', '2']);
  });

  it('reports a quote that is never closed, at its cell', () => {
    const t = parseCsv('a,b\n1,"open\n2,3\n');
    expect(t.readProblems).toEqual([
      { sheet: 'Fleet', cell: 'B2', message: 'a quoted field is never closed (a " is missing); the rest of the file was read as one cell', severity: 'error' },
    ]);
  });

  it('round-trips any table written with full quoting', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', ';', '"', '\n', '\r\n', ' ', '1'), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        const parsed = parseCsv(`h1,h2,h3\n${text}`);
        const expected = rows.filter((r) => r.some((c) => c.trim() !== ''));
        expect(parsed.rows.slice(1).map((r) => r.cells)).toEqual(expected);
      }),
    );
  });
});
