import { attributeByLocalName, attributes, elements, endTagPattern, startTagPattern, stringItemText } from './xml';
import { entryText, entryTextChunks, XlsxFormatError } from './zipEntry';
import type { ZipEntry } from './zipDirectory';

/** The parts of a workbook a reader needs: where the sheets are, shared strings, number formats. */

export interface PartIndex {
  bytes: Uint8Array;
  entries: Map<string, ZipEntry>;
}

export function partIndex(bytes: Uint8Array, list: readonly ZipEntry[]): PartIndex {
  return { bytes, entries: new Map(list.map((e) => [e.name.replace(/^\//, ''), e])) };
}

export function findPart(index: PartIndex, path: string): ZipEntry | undefined {
  const exact = index.entries.get(path);
  if (exact) return exact;
  const lower = path.toLowerCase();
  for (const [name, entry] of index.entries) if (name.toLowerCase() === lower) return entry;
  return undefined;
}

/** A relationship target resolved against the folder of the part that names it. */
function resolveTarget(fromFolder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${fromFolder}${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

interface Relationship {
  type: string;
  target: string;
}

async function relationships(index: PartIndex, partPath: string): Promise<Map<string, Relationship>> {
  const slash = partPath.lastIndexOf('/');
  const folder = slash < 0 ? '' : partPath.slice(0, slash + 1);
  const relsPath = `${folder}_rels/${partPath.slice(slash + 1)}.rels`;
  const entry = findPart(index, relsPath);
  const rels = new Map<string, Relationship>();
  if (!entry) return rels;
  for (const { attrs } of elements(await entryText(index.bytes, entry), 'Relationship')) {
    const id = attrs.get('Id');
    const target = attrs.get('Target');
    if (!id || !target || attrs.get('TargetMode') === 'External') continue;
    rels.set(id, { type: attrs.get('Type') ?? '', target: resolveTarget(folder, target) });
  }
  return rels;
}

export interface SheetRef {
  name: string;
  path: string;
}

export interface WorkbookInfo {
  sheets: SheetRef[];
  date1904: boolean;
  sharedStringsPath?: string;
  stylesPath?: string;
}

const typeIs = (rel: Relationship, kind: string): boolean => rel.type.endsWith(`/${kind}`);

export async function readWorkbookInfo(index: PartIndex): Promise<WorkbookInfo> {
  const root = await relationships(index, '');
  const office = [...root.values()].find((r) => typeIs(r, 'officeDocument'));
  const workbookPath = office?.target ?? 'xl/workbook.xml';
  const entry = findPart(index, workbookPath);
  if (!entry) throw new XlsxFormatError('the workbook part is missing');
  const xml = await entryText(index.bytes, entry);
  const rels = await relationships(index, workbookPath);
  const sheets: SheetRef[] = [];
  for (const { attrs } of elements(xml, 'sheet')) {
    const name = attrs.get('name');
    const rel = rels.get(attributeByLocalName(attrs, 'id') ?? '');
    if (name === undefined || !rel) throw new XlsxFormatError(`the sheet ${name ?? '(unnamed)'} has no part`);
    // Chart sheets and dialog sheets hold no cells.
    if (typeIs(rel, 'worksheet')) sheets.push({ name, path: rel.target });
  }
  if (sheets.length === 0 && !endTagPattern('workbook').test(xml)) throw new XlsxFormatError('the workbook part is incomplete');
  const props = startTagPattern('workbookPr').exec(xml);
  const flag = props ? attributes(props[1]).get('date1904') : undefined;
  const relList = [...rels.values()];
  return {
    sheets,
    date1904: flag === '1' || flag === 'true',
    sharedStringsPath: relList.find((r) => typeIs(r, 'sharedStrings'))?.target,
    stylesPath: relList.find((r) => typeIs(r, 'styles'))?.target,
  };
}

/** Built-in number formats that show dates or times (ECMA-376 18.8.30, with the East Asian ones). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const BUILTIN_PERCENT_FORMATS = new Set([9, 10]);

/** A format code's sections with literal text, colours/locales and padding removed. */
function formatTokens(code: string): string {
  return code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '');
}

export function isDateFormatCode(code: string): boolean {
  return /[ymdhs]/i.test(formatTokens(code)) && !/^general$/i.test(code.trim());
}

export function isPercentFormatCode(code: string): boolean {
  return formatTokens(code).includes('%');
}

export interface CellStyles {
  /** Per cell style index (the `s` attribute): 'date', 'percent' or undefined. */
  kinds: ('date' | 'percent' | undefined)[];
}

export async function readStyles(index: PartIndex, path: string | undefined): Promise<CellStyles> {
  const entry = path ? findPart(index, path) : undefined;
  if (!entry) return { kinds: [] };
  const xml = await entryText(index.bytes, entry);
  const custom = new Map<number, string>();
  for (const { attrs } of elements(xml, 'numFmt')) custom.set(Number(attrs.get('numFmtId')), attrs.get('formatCode') ?? '');
  const section = /<(?:[A-Za-z_][\w.-]*:)?cellXfs[\s>][\s\S]*?<\/(?:[A-Za-z_][\w.-]*:)?cellXfs\s*>/.exec(xml)?.[0] ?? '';
  const kinds: CellStyles['kinds'] = [];
  const xf = startTagPattern('xf');
  for (const m of section.matchAll(xf)) {
    const id = Number(attributes(m[1]).get('numFmtId') ?? 0);
    const code = custom.get(id);
    if (code !== undefined) kinds.push(isDateFormatCode(code) ? 'date' : isPercentFormatCode(code) ? 'percent' : undefined);
    else kinds.push(BUILTIN_DATE_FORMATS.has(id) ? 'date' : BUILTIN_PERCENT_FORMATS.has(id) ? 'percent' : undefined);
  }
  return { kinds };
}

/** The shared string table, read item by item as the part inflates. */
export async function readSharedStrings(index: PartIndex, path: string | undefined): Promise<string[]> {
  const entry = path ? findPart(index, path) : undefined;
  if (!entry) return [];
  const strings: string[] = [];
  const start = startTagPattern('si');
  const end = endTagPattern('si');
  let pending = '';
  for await (const chunk of entryTextChunks(index.bytes, entry)) {
    pending += chunk;
    let consumed = 0;
    start.lastIndex = 0;
    for (let m = start.exec(pending); m; m = start.exec(pending)) {
      if (m[2] === '/') {
        strings.push('');
        consumed = start.lastIndex;
        continue;
      }
      end.lastIndex = start.lastIndex;
      const close = end.exec(pending);
      if (!close) {
        consumed = m.index;
        break;
      }
      strings.push(stringItemText(pending.slice(start.lastIndex, close.index)));
      consumed = end.lastIndex;
      start.lastIndex = end.lastIndex;
    }
    pending = pending.slice(consumed);
  }
  return strings;
}
