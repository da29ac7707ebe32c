/**
 * Just enough XML for the parts of an xlsx: attributes, text with entities, and elements found by
 * local name whatever their namespace prefix (`<row>` and `<x:row>` alike).
 */

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** Excel writes control characters in strings as _xHHHH_ (ECMA-376 ST_Xstring). */
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeXmlText(s: string): string {
  let out = s.indexOf('&') < 0 ? s : s.replace(ENTITY, (_m, name: string | undefined, dec: string | undefined, hex: string | undefined) => (name ? NAMED[name] : String.fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16))));
  if (out.indexOf('_x') >= 0) out = out.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return out;
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes of a start tag, by their qualified name (`r:id` stays `r:id`), values decoded. */
export function attributes(tagBody: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of tagBody.matchAll(ATTRIBUTE)) map.set(m[1], decodeXmlText(m[2] ?? m[3]));
  return map;
}

/** The value of an attribute by local name, whatever its prefix. */
export function attributeByLocalName(attrs: ReadonlyMap<string, string>, local: string): string | undefined {
  for (const [k, v] of attrs) if (k === local || k.endsWith(`:${local}`)) return v;
  return undefined;
}

const PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';

/** Start tags `<name ...>` or `<name .../>` (group 1: attributes, group 2: '/' when empty). */
export function startTagPattern(local: string): RegExp {
  return new RegExp(`<${PREFIX}${local}(?=[\\s/>])([^>]*?)(/?)>`, 'g');
}

/** End tags `</name>`. */
export function endTagPattern(local: string): RegExp {
  return new RegExp(`</${PREFIX}${local}\\s*>`, 'g');
}

/** Every `<name ...>` element with its attributes and inner text (for small parts read whole). */
export function* elements(xml: string, local: string): Generator<{ attrs: Map<string, string>; inner: string }> {
  const start = startTagPattern(local);
  const end = endTagPattern(local);
  for (let m = start.exec(xml); m; m = start.exec(xml)) {
    const attrs = attributes(m[1]);
    if (m[2] === '/') {
      yield { attrs, inner: '' };
      continue;
    }
    end.lastIndex = start.lastIndex;
    const close = end.exec(xml);
    if (!close) return;
    yield { attrs, inner: xml.slice(start.lastIndex, close.index) };
    start.lastIndex = end.lastIndex;
  }
}

const TEXT = new RegExp(`<${PREFIX}t(?=[\\s/>])[^>]*?(?:/>|>([\\s\\S]*?)</${PREFIX}t\\s*>)`, 'g');
const PHONETIC = new RegExp(`<${PREFIX}rPh(?=[\\s/>])[\\s\\S]*?</${PREFIX}rPh\\s*>`, 'g');

/** The text of a string item (`<si>`, `<is>`): its `<t>` runs joined, phonetic guides left out. */
export function stringItemText(inner: string): string {
  const body = inner.indexOf('rPh') >= 0 ? inner.replace(PHONETIC, '') : inner;
  let text = '';
  for (const m of body.matchAll(TEXT)) text += m[1] ?? '';
  return decodeXmlText(text);
}
