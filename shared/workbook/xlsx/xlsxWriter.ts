import { columnLetter } from '../../domain/problem';
import { formatCentsPlain } from '../../domain/money';
import { localDateToExcelSerial } from '../excelDate';
import type { OutCell, OutSheet, OutWorkbook } from '../toTables';
import { looksLikeFormula } from '../writeCsv';
import { ZipWriter, type ZipEntryWriter } from './zipWriter';

/**
 * Writes sheets as an .xlsx (SpreadsheetML) without a spreadsheet library: shared strings, a few
 * number formats (dates, money with two decimals, percentages), a bold frozen header row with a
 * filter and column widths on Fleetbook's own sheets. Text is always a string cell, never a
 * formula, whatever it starts with; text starting like a formula is also marked quote-prefixed,
 * as Excel marks text typed after an apostrophe, so editing the cell in Excel keeps it text.
 *
 * Rows are streamed into the compressor, so memory stays near the size of the compressed file.
 */

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Cell styles (indexes into cellXfs below). */
const S_HEADER = 1;
const S_DATE = 2;
const S_MONEY = 3;
const S_PERCENT = 4;
const S_DATETIME = 5;
const S_QUOTED = 6;

/** 1900-03-01: earlier serials count Excel's fictitious 1900-02-29. */
const FIRST_TRUE_SERIAL_1900 = 61;

const STYLES = `${XML_DECL}<styleSheet xmlns="${NS_MAIN}">
<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="0.####%"/><numFmt numFmtId="166" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="7">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]/g;
const LITERAL_ESCAPE = /_(?=x[0-9A-Fa-f]{4}_)/g;

/**
 * Cell text for XML: characters XML cannot hold (and CR, which XML readers turn into LF) as Excel's
 * _xHHHH_ escapes, and a literal "_xHHHH_" protected by escaping its underscore.
 */
export function xmlCellText(s: string): string {
  let out = s.indexOf('_x') >= 0 ? s.replace(LITERAL_ESCAPE, '_x005F_') : s;
  out = out.replace(INVALID_XML_CHARS, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return xmlEscape(out);
}

export function xmlEscape(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  readonly list: string[] = [];
  count = 0;

  add(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(s, i);
      this.list.push(s);
    }
    return i;
  }
}

function numberText(n: number): string {
  return String(n);
}

/** About how many characters a cell shows, for column widths. */
function shownLength(v: OutCell): number {
  if (v === null) return 0;
  if (typeof v === 'string') return Math.max(...v.split('\n').map((l) => l.length));
  if (typeof v === 'number') return numberText(v).length;
  if (typeof v === 'boolean') return 5;
  switch (v.kind) {
    case 'money': {
      const plain = formatCentsPlain(v.cents);
      return plain.length + Math.floor((plain.length - 4) / 3);
    }
    case 'day':
      return 10;
    case 'date':
      return Number.isInteger(v.serial) ? 10 : 19;
    case 'percent':
      return 8;
    case 'error':
      return v.code.length;
  }
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 50;
/** Column widths come from the header and the first rows; a long sheet adds nothing to them. */
const WIDTH_SAMPLE_ROWS = 2000;

function columnWidths(sheet: OutSheet, columns: number): number[] {
  const widths = new Array<number>(columns).fill(0);
  for (const r of sheet.rows.slice(0, WIDTH_SAMPLE_ROWS + 1)) {
    r.cells.forEach((v, i) => {
      const bold = sheet.own && r.row === 1 ? 1.1 : 1;
      widths[i] = Math.max(widths[i], shownLength(v) * bold);
    });
  }
  return widths.map((w) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(w) + 2)));
}

function sheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

interface SheetContext {
  strings: SharedStrings;
  date1904: boolean;
  letters: string[];
}

function cellXml(ref: string, v: OutCell, header: boolean, ctx: SheetContext): string {
  if (v === null) return '';
  if (typeof v === 'string') {
    const style = header ? S_HEADER : looksLikeFormula(v) ? S_QUOTED : 0;
    return `<c r="${ref}"${style ? ` s="${style}"` : ''} t="s"><v>${ctx.strings.add(v)}</v></c>`;
  }
  const hs = header ? ` s="${S_HEADER}"` : '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return `<c r="${ref}"${hs} t="e"><v>#NUM!</v></c>`;
    return `<c r="${ref}"${hs}><v>${numberText(v)}</v></c>`;
  }
  if (typeof v === 'boolean') return `<c r="${ref}"${hs} t="b"><v>${v ? 1 : 0}</v></c>`;
  switch (v.kind) {
    case 'money':
      return `<c r="${ref}" s="${S_MONEY}"><v>${numberText(v.cents / 100)}</v></c>`;
    case 'day': {
      const serial = localDateToExcelSerial(v.date, ctx.date1904);
      // A day before the workbook's date system starts cannot be a date cell: it stays text.
      if (serial < (ctx.date1904 ? 0 : FIRST_TRUE_SERIAL_1900)) return `<c r="${ref}" t="s"><v>${ctx.strings.add(v.date)}</v></c>`;
      return `<c r="${ref}" s="${S_DATE}"><v>${serial}</v></c>`;
    }
    case 'date':
      return `<c r="${ref}" s="${Number.isInteger(v.serial) ? S_DATE : S_DATETIME}"><v>${numberText(v.serial)}</v></c>`;
    case 'percent':
      return `<c r="${ref}" s="${S_PERCENT}"><v>${numberText(v.fraction)}</v></c>`;
    case 'error':
      return `<c r="${ref}" t="e"><v>${xmlCellText(v.code)}</v></c>`;
  }
}

interface SheetExtent {
  columns: number;
  lastRow: number;
}

function extentOf(sheet: OutSheet): SheetExtent {
  let columns = 0;
  let lastRow = 1;
  for (const r of sheet.rows) {
    if (r.cells.length > columns) columns = r.cells.length;
    if (r.row > lastRow) lastRow = r.row;
  }
  return { columns: Math.max(columns, 1), lastRow };
}

async function writeSheet(entry: ZipEntryWriter, sheet: OutSheet, index: number, ctx: SheetContext): Promise<SheetExtent> {
  const extent = extentOf(sheet);
  while (ctx.letters.length < extent.columns) ctx.letters.push(columnLetter(ctx.letters.length));
  const last = `${ctx.letters[extent.columns - 1]}${extent.lastRow}`;
  const pane = sheet.own ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' : '';
  const cols = columnWidths(sheet, extent.columns)
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  await entry.text(
    `${XML_DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><dimension ref="A1:${last}"/>` +
      `<sheetViews><sheetView${index === 0 ? ' tabSelected="1"' : ''} workbookViewId="0">${pane}</sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`,
  );
  const rows = [...sheet.rows].sort((a, b) => a.row - b.row);
  for (const r of rows) {
    const header = sheet.own && r.row === 1;
    let xml = `<row r="${r.row}">`;
    for (let i = 0; i < r.cells.length; i++) xml += cellXml(`${ctx.letters[i]}${r.row}`, r.cells[i], header, ctx);
    await entry.text(`${xml}</row>`);
  }
  await entry.text(`</sheetData>${sheet.own ? `<autoFilter ref="A1:${last}"/>` : ''}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`);
  await entry.close();
  return extent;
}

function sharedStringsXml(strings: SharedStrings): string {
  const items = strings.list.map((s) => {
    const preserve = /^\s|\s$|[\t\n]/.test(s) ? ' xml:space="preserve"' : '';
    return `<si><t${preserve}>${xmlCellText(s)}</t></si>`;
  });
  return `${XML_DECL}<sst xmlns="${NS_MAIN}" count="${strings.count}" uniqueCount="${strings.list.length}">${items.join('')}</sst>`;
}

export async function writeXlsx(book: OutWorkbook): Promise<Uint8Array> {
  if (book.sheets.length === 0) throw new Error('a workbook needs at least one sheet');
  const zip = new ZipWriter();
  const n = book.sheets.length;
  const sheetPart = (i: number) => `xl/worksheets/sheet${i + 1}.xml`;

  await zip.add(
    '[Content_Types].xml',
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      book.sheets.map((_, i) => `<Override PartName="/${sheetPart(i)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      '</Types>',
  );
  await zip.add(
    '_rels/.rels',
    `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      `<Relationship Id="rId3" Type="${REL_TYPE}/extended-properties" Target="docProps/app.xml"/>` +
      '</Relationships>',
  );
  await zip.add(
    'docProps/core.xml',
    `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Fleetbook</dc:creator></cp:coreProperties>`,
  );
  await zip.add(
    'docProps/app.xml',
    `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Fleetbook</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>1.0</AppVersion></Properties>`,
  );
  await zip.add('xl/styles.xml', STYLES);

  const ctx: SheetContext = { strings: new SharedStrings(), date1904: book.date1904, letters: [] };
  const extents: SheetExtent[] = [];
  for (let i = 0; i < n; i++) extents.push(await writeSheet(zip.entry(sheetPart(i)), book.sheets[i], i, ctx));

  const filters = book.sheets
    .map((s, i) => (s.own ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlEscape(sheetName(s.name))}!$A$1:$${ctx.letters[extents[i].columns - 1]}$${extents[i].lastRow}</definedName>` : ''))
    .join('');
  await zip.add(
    'xl/workbook.xml',
    `${XML_DECL}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr${book.date1904 ? ' date1904="1"' : ''} defaultThemeVersion="124226"/>` +
      '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="15000" activeTab="0"/></bookViews><sheets>' +
      book.sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      `</sheets>${filters ? `<definedNames>${filters}</definedNames>` : ''}<calcPr calcId="191029"/></workbook>`,
  );
  await zip.add(
    'xl/_rels/workbook.xml.rels',
    `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">` +
      book.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rId${n + 1}" Type="${REL_TYPE}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${n + 2}" Type="${REL_TYPE}/sharedStrings" Target="sharedStrings.xml"/>` +
      '</Relationships>',
  );
  await zip.add('xl/sharedStrings.xml', sharedStringsXml(ctx.strings));
  return zip.finish();
}
