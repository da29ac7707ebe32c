import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from '../../../renderer/src/store/tsv';

describe('parseTsv (text as Excel puts it on the clipboard)', () => {
  it('splits tabs and CRLF rows and drops the trailing newline Excel adds', () => {
    expect(parseTsv('a\tb\tc\r\n1\t2\t3\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('reads a single copied cell as one cell', () => {
    expect(parseTsv('42\r\n')).toEqual([['42']]);
    expect(parseTsv('42')).toEqual([['42']]);
  });

  it('unquotes cells with embedded newlines, tabs and doubled quotes', () => {
    const text = '"two\nlines"\t"tab\there"\t"say ""hi"""\r\nplain\t5" screen\t\r\n';
    expect(parseTsv(text)).toEqual([
      ['two\nlines', 'tab\there', 'say "hi"'],
      ['plain', '5" screen', ''],
    ]);
  });

  it('keeps empty cells and ragged rows as they are', () => {
    expect(parseTsv('a\t\tc\nb\n\td\n')).toEqual([['a', '', 'c'], ['b'], ['', 'd']]);
  });

  it('treats a quote that never closes as an ordinary character', () => {
    expect(parseTsv('"abc\tdef\n')).toEqual([['"abc', 'def']]);
  });

  it('accepts LF-only and lone-CR line ends', () => {
    expect(parseTsv('1\t2\n3\t4')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseTsv('1\r2\r')).toEqual([['1'], ['2']]);
  });

  it('returns no rows for empty text', () => {
    expect(parseTsv('')).toEqual([]);
  });

  it('round-trips what toTsv writes', () => {
    const rows = [
      ['x', 'a\tb', 'line\r\nbreak'],
      ['"q"', '', 'z'],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });
});
