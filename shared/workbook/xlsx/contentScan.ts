import { findPart, partIndex, readWorkbookInfo } from './workbookParts';
import { elements } from './xml';
import { inspectZip } from './zipDirectory';
import { entryText, entryTextChunks } from './zipEntry';

/**
 * What a workbook holds that Fleetbook cannot write back. Saving writes the sheets' values anew
 * (Fleet, Assumptions, Events, Scenarios from the fleet; other sheets as values), so anything else
 * would be lost by overwriting the file: the host then asks for Save As instead (DESIGN.md
 * section 8). Cell formatting (fonts, fills, widths, merged cells) is not counted: it is not kept
 * either, and the docs say so.
 *
 * Parts are found by name in the zip directory; formulas, data validation, conditional formatting
 * and hyperlinks by one pass over each sheet's XML as it inflates. The same pass counts each
 * sheet's rows, so a huge sheet is refused before any of it is kept in memory.
 */

export interface WorkbookScan {
  /** What cannot be kept, as words for a sentence ("charts", "formulas (in Fleet)"). Empty: nothing. */
  unkeepable: string[];
  /** Rows with cells per worksheet, by sheet name (an upper bound on the rows the reader keeps). */
  rowCounts: Map<string, number>;
}

/** Parts whose presence alone means content exceljs-free saving cannot keep; first match names it. */
const PART_RULES: readonly { test: RegExp; what: string }[] = [
  { test: /^xl\/(charts|chartsheets)\//i, what: 'charts' },
  { test: /^xl\/(pivotTables|pivotCache)\//i, what: 'pivot tables' },
  { test: /^xl\/vbaProject\.bin$/i, what: 'macros' },
  { test: /^xl\/(macrosheets|dialogsheets)\//i, what: 'macro sheets' },
  { test: /^xl\/externalLinks\//i, what: 'links to other workbooks' },
  { test: /^xl\/(connections\.xml$|queryTables\/|model\/)/i, what: 'data connections' },
  { test: /^xl\/tables\//i, what: 'Excel tables' },
  { test: /^xl\/(slicers|slicerCaches|timelines|timelineCaches)\//i, what: 'slicers' },
  { test: /^xl\/(comments[^/]*\.xml$|threadedComments\/)/i, what: 'comments' },
  { test: /^xl\/(embeddings|activeX|ctrlProps)\//i, what: 'embedded objects or controls' },
  { test: /^xl\/media\//i, what: 'pictures or shapes' },
  { test: /^xl\/richData\//i, what: 'pictures in cells or linked data types' },
];

const DRAWING_PART = /^xl\/drawings\/drawing[^/]*\.xml$/i;
const ANCHOR = /<(?:[A-Za-z_][\w.-]*:)?(twoCellAnchor|oneCellAnchor|absoluteAnchor)(?=[\s/>])/;

type SheetFeature = 'formulas' | 'data validation' | 'conditional formatting' | 'hyperlinks';
const FEATURE_OF: Record<string, SheetFeature> = {
  f: 'formulas',
  dataValidation: 'data validation',
  conditionalFormatting: 'conditional formatting',
  hyperlink: 'hyperlinks',
};
const SHEET_TAGS = /<(?:[A-Za-z_][\w.-]*:)?(f|dataValidation|conditionalFormatting|hyperlink|row)(?=[\s/>])/g;
/** Enough of a chunk's end to hold a tag name split between chunks. */
const TAIL = 64;

interface SheetFindings {
  features: Set<SheetFeature>;
  rows: number;
}

async function scanSheet(chunks: AsyncIterable<string>): Promise<SheetFindings> {
  const found: SheetFindings = { features: new Set(), rows: 0 };
  let carry = '';
  for await (const chunk of chunks) {
    // The carried tail starts after the last tag counted, so nothing is counted twice.
    const text = carry + chunk;
    SHEET_TAGS.lastIndex = 0;
    let lastEnd = 0;
    for (let m = SHEET_TAGS.exec(text); m; m = SHEET_TAGS.exec(text)) {
      lastEnd = SHEET_TAGS.lastIndex;
      if (m[1] === 'row') {
        // An empty row element (<row r="9" ht="30"/>: formatting only) holds no cells.
        const end = text.indexOf('>', SHEET_TAGS.lastIndex);
        if (end < 0 || text[end - 1] !== '/') found.rows++;
      } else found.features.add(FEATURE_OF[m[1]]);
    }
    const keepFrom = Math.max(lastEnd, text.length - TAIL);
    carry = text.slice(keepFrom);
  }
  return found;
}

function listWithSheets(feature: string, sheets: readonly string[]): string {
  const shown = sheets.slice(0, 3).join(', ');
  return `${feature} (in ${shown}${sheets.length > 3 ? ` and ${sheets.length - 3} more sheets` : ''})`;
}

/**
 * Scans an xlsx for content Fleetbook cannot keep. Throws when the file cannot be scanned (not a
 * zip, a broken part): the caller decides what that means.
 */
export async function scanWorkbook(bytes: Uint8Array): Promise<WorkbookScan> {
  const zip = inspectZip(bytes);
  if (!zip.ok) throw new Error(zip.error);
  const unkeepable: string[] = [];
  for (const rule of PART_RULES) {
    if (!unkeepable.includes(rule.what) && zip.value.names.some((n) => rule.test.test(n.replace(/^\//, '')))) unkeepable.push(rule.what);
  }
  const index = partIndex(bytes, zip.value.list);
  const info = await readWorkbookInfo(index);

  // LibreOffice writes an empty drawing for every sheet: only a drawing that anchors something counts
  // (and a chart's drawing is the chart's).
  if (!unkeepable.includes('pictures or shapes') && !unkeepable.includes('charts')) {
    for (const entry of zip.value.list.filter((e) => DRAWING_PART.test(e.name.replace(/^\//, '')))) {
      if (ANCHOR.test(await entryText(bytes, entry))) {
        unkeepable.push('pictures or shapes');
        break;
      }
    }
  }

  const workbook = findPart(index, 'xl/workbook.xml');
  if (workbook) {
    const xml = await entryText(bytes, workbook);
    const userNames = [...elements(xml, 'definedName')].map((e) => e.attrs.get('name') ?? '').filter((n) => n !== '' && !n.startsWith('_xlnm.'));
    if (userNames.length > 0) unkeepable.push('named ranges');
  }

  const rowCounts = new Map<string, number>();
  const bySheet = new Map<SheetFeature, string[]>();
  for (const sheet of info.sheets) {
    const entry = findPart(index, sheet.path);
    if (!entry) continue;
    const found = await scanSheet(entryTextChunks(bytes, entry));
    rowCounts.set(sheet.name, found.rows);
    for (const f of found.features) bySheet.set(f, [...(bySheet.get(f) ?? []), sheet.name]);
  }
  for (const feature of ['formulas', 'data validation', 'conditional formatting', 'hyperlinks'] as const) {
    const sheets = bySheet.get(feature);
    if (sheets) unkeepable.push(listWithSheets(feature, sheets));
  }
  return { unkeepable, rowCounts };
}

/** "a, b and c". */
function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export const SAVE_AS_ADVICE = 'use Save As to write a new file';

/** The sentence the host shows instead of overwriting, or null when everything can be kept. */
export function overwriteBlockedMessage(unkeepable: readonly string[]): string | null {
  if (unkeepable.length === 0) return null;
  return `This workbook has ${joinWords(unkeepable)} that Fleetbook cannot keep; ${SAVE_AS_ADVICE} (the original stays as it is).`;
}

export const UNCHECKED_MESSAGE = `Fleetbook could not check this workbook for content it cannot keep (charts, formulas...); ${SAVE_AS_ADVICE} (the original stays as it is).`;
