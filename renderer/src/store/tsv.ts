/**
 * Tab-separated text as Excel (and Google Sheets, LibreOffice) put it on the clipboard: cells
 * split by tabs, rows by CRLF or LF; a cell holding a tab, a newline or a leading quote comes
 * quoted, with quotes doubled. Excel ends the block with a newline, which is not an extra row.
 * Rows keep their own length (ragged rows are not padded: a missing cell means "not pasted").
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return rows;

  while (i <= n) {
    // At the start of a cell.
    let cell = '';
    let quotedOk = false;
    if (text[i] === '"') {
      // A quoted cell, unless the quote never closes: then the quote is just a character.
      let j = i + 1;
      let buf = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) break;
        buf += text.slice(j, q);
        if (text[q + 1] === '"') {
          buf += '"';
          j = q + 2;
          continue;
        }
        cell = buf;
        i = q + 1;
        quotedOk = true;
        break;
      }
    }
    // Unquoted text (or what follows a closing quote) runs to the next tab or line end.
    let k = i;
    while (k < n && text[k] !== '\t' && text[k] !== '\n' && text[k] !== '\r') k++;
    cell = quotedOk ? cell + text.slice(i, k) : text.slice(i, k);
    row.push(cell);
    if (k >= n) {
      rows.push(row);
      break;
    }
    if (text[k] === '\t') {
      i = k + 1;
      continue;
    }
    // Line end: CRLF, LF or a lone CR.
    rows.push(row);
    row = [];
    i = text[k] === '\r' && text[k + 1] === '\n' ? k + 2 : k + 1;
    if (i >= n) break; // the trailing newline Excel adds
  }
  return rows;
}

/** Quote a cell for TSV the way Excel does (for copying out of the grid). */
export function tsvCell(value: string): string {
  return /[\t\n\r"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(tsvCell).join('\t')).join('\r\n') + '\r\n';
}
