import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../../shared/domain/problem';
import { readXlsxTables } from '../../../../shared/workbook/xlsx';
import { isDateFormatCode, isPercentFormatCode } from '../../../../shared/workbook/xlsx/workbookParts';
import { storedZip, type ZipPart } from '../../../fixtures/workbooks/make-fixtures';

const deflate = (data: Uint8Array): Uint8Array => new Uint8Array(deflateRawSync(data));

const CONTENT_TYPES = { name: '[Content_Types].xml', text: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' };
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const ROOT_RELS = { name: '_rels/.rels', text: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="/xl/book.xml"/></Relationships>` };

/** A workbook written by hand, as tools other than Excel write them: prefixed XML, inline strings, odd paths. */
function handWritten(sheetXml: string, extra: { date1904?: boolean; styles?: string; shared?: string } = {}): ZipPart[] {
  const parts: ZipPart[] = [
    CONTENT_TYPES,
    ROOT_RELS,
    {
      name: 'xl/book.xml',
      text: `<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><x:workbookPr date1904="${extra.date1904 ? 'true' : 'false'}"/><x:sheets><x:sheet name="Fleet &amp; Co" sheetId="7" r:id="rIdA"/><x:sheet name="Chart" sheetId="8" r:id="rIdC"/></x:sheets></x:workbook>`,
    },
    {
      name: 'xl/_rels/book.xml.rels',
      text: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdA" Type="${REL}/worksheet" Target="data/one.xml"/><Relationship Id="rIdC" Type="${REL}/chartsheet" Target="charts/c.xml"/><Relationship Id="rIdS" Type="${REL}/styles" Target="../xl/st.xml"/><Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="strings.xml"/></Relationships>`,
    },
    { name: 'xl/data/one.xml', text: `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${sheetXml}</x:sheetData></x:worksheet>` },
  ];
  if (extra.styles) parts.push({ name: 'xl/st.xml', text: extra.styles });
  if (extra.shared) parts.push({ name: 'xl/strings.xml', text: extra.shared });
  return parts;
}

const STYLES = `<styleSheet><numFmts count="3"><numFmt numFmtId="164" formatCode="[$-409]d\\-mmm\\-yyyy;@"/><numFmt numFmtId="165" formatCode="0.0%"/><numFmt numFmtId="166" formatCode="&quot;$&quot;#,##0.00"/></numFmts>
<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"><alignment/></xf><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="10"/></cellXfs></styleSheet>`;
const SHARED = `<sst><si><t>Lot ID</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">Rich </t></r><r><t>text</t></r><rPh><t>ignored</t></rPh></si><si/><si><t>a_x000D_b &lt;c&gt;</t></si></sst>`;

async function read(parts: ZipPart[], compress = false) {
  const r = await readXlsxTables(storedZip(parts, undefined, compress ? deflate : undefined), 'hand.xlsx');
  if (!r.ok) throw new Error(r.error.map(formatProblem).join('\n'));
  return r.value;
}

describe('the streaming xlsx reader', () => {
  const sheet = `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c><x:c r="D1" t="s"><x:v>2</x:v></x:c><x:c t="s"><x:v>3</x:v></x:c></x:row>
<x:row r="2"/>
<x:row r="3" spans="1:6"><x:c r="A3" t="inlineStr"><x:is><x:t>inline &amp; text</x:t></x:is></x:c><x:c r="B3" s="1"><x:v>45322</x:v></x:c><x:c r="C3" s="2"><x:v>45322.5</x:v></x:c><x:c r="D3" s="3"><x:v>0.125</x:v></x:c><x:c r="E3" s="4"><x:v>1250.5</x:v></x:c><x:c r="F3" s="5"><x:v>0.07</x:v></x:c></x:row>
<x:row><x:c r="A4" t="str"><x:f>A1&amp;"!"</x:f><x:v>Lot ID!</x:v></x:c><x:c r="B4" t="b"><x:v>1</x:v></x:c><x:c r="C4" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c><x:c r="D4" t="d"><x:v>2024-01-31T00:00:00</x:v></x:c><x:c r="E4"><x:f>B3*2</x:f></x:c><x:c r="F4"/></x:row>`;

  it.each([false, true])('reads prefixed XML, odd part paths, every cell type (deflated: %s)', async (compress) => {
    const [fleet, ...others] = await read(handWritten(sheet, { styles: STYLES, shared: SHARED }), compress);
    expect(others).toEqual([]); // the chart sheet has no cells
    expect(fleet.name).toBe('Fleet & Co');
    expect(fleet.date1904).toBe(false);
    expect(fleet.rows).toEqual([
      { row: 1, cells: ['Lot ID', null, 'Rich text', '', 'a\rb <c>'] },
      { row: 3, cells: ['inline & text', { kind: 'date', serial: 45322 }, { kind: 'date', serial: 45322.5 }, { kind: 'percent', fraction: 0.125 }, 1250.5, { kind: 'percent', fraction: 0.07 }] },
      { row: 4, cells: ['Lot ID!', true, { kind: 'error', code: '#DIV/0!' }, { kind: 'date', serial: 45322 }] },
    ]);
    expect(fleet.readProblems?.map(formatProblem)).toEqual(['Fleet & Co!E4: formula with no saved result: open the file in Excel and save it so its formulas are calculated']);
  });

  it('takes the 1904 flag from the workbook', async () => {
    const [fleet] = await read(handWritten('<x:row r="1"><x:c r="A1"><x:v>43860</x:v></x:c><x:c r="B1" t="d"><x:v>2024-01-31</x:v></x:c></x:row>', { date1904: true }));
    expect(fleet.date1904).toBe(true);
    expect(fleet.rows[0].cells).toEqual([43860, { kind: 'date', serial: 43860 }]);
  });

  it('reads a sheet far larger than one inflated chunk', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `<x:row r="${i + 1}"><x:c r="A${i + 1}" t="inlineStr"><x:is><x:t>L-${i}</x:t></x:is></x:c><x:c r="B${i + 1}"><x:v>${i}</x:v></x:c></x:row>`).join('');
    const [fleet] = await read(handWritten(rows), true);
    expect(fleet.rows).toHaveLength(5000);
    expect(fleet.rows[4999]).toEqual({ row: 5000, cells: ['L-4999', 4999] });
  });

  it('refuses parts that inflate beyond what the zip directory declares', async () => {
    const parts = handWritten('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>'.repeat(50));
    parts[4].declaredSize = 100;
    for (const compress of [false, true]) {
      const r = await readXlsxTables(storedZip(parts, undefined, compress ? deflate : undefined), 'hand.xlsx');
      expect(!r.ok && r.error[0].message).toMatch(/^the workbook (inflates to|holds) more than its zip directory declares \(a damaged or hostile file\)$/);
    }
  });

  it('tells date and percentage formats from others', () => {
    for (const code of ['yyyy-mm-dd', 'd-mmm-yy', '[$-409]mmmm d, yyyy', 'm/d/yyyy h:mm', 'hh:mm:ss']) expect(isDateFormatCode(code), code).toBe(true);
    for (const code of ['General', '0.00', '#,##0', '"$"#,##0.00', '_($* #,##0.00_)', '0.00E+00', '"days"0', '[Red]0.0', '0%']) expect(isDateFormatCode(code), code).toBe(false);
    expect(isPercentFormatCode('0.0%')).toBe(true);
    expect(isPercentFormatCode('0.0"%"')).toBe(false);
  });
});
