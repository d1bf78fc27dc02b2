/**
 * XML text edited in place: the writer finds elements by a scan of tags and splices new text in,
 * so that whatever it does not change keeps every byte (attribute order, namespaces, whitespace,
 * extensions it has never heard of). It reads only well-formed parts (the reader has parsed each
 * one before), written without a prefix on SpreadsheetML elements.
 */

export interface Span {
  name: string;
  /** Offset of `<`. */
  start: number;
  /** Offset just past the element's end (`/>` or its closing tag). */
  end: number;
  /** Offset just past the start tag's `>`. */
  openEnd: number;
  selfClosing: boolean;
}

/** Escapes text for element content. */
export function escapeText(s: string): string {
  // One pass for the markup and what XML cannot hold: a journal sheet's text runs to megabytes.
  return s.replace(TEXT_ESCAPES, escapeTextChar);
}

function escapeTextChar(c: string): string {
  return c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : escapeInvalid(c);
}

/** Escapes text for a double-quoted attribute. */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;')).replace(INVALID, escapeInvalid);
}

/** Characters XML 1.0 cannot hold, and an `_xHHHH_` that would read as an escape: SpreadsheetML escapes both. */
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)/g;
/** INVALID and the markup of element content, in one pattern. */
const TEXT_ESCAPES = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)/g;
function escapeInvalid(c: string): string {
  return c === '_' ? '_x005F_' : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
}

/** Unescapes the five entities and numeric references (attribute values and short texts). */
export function unescapeXml(s: string): string {
  return s.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (_, hex: string, dec: string, named: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named as 'amp'];
  });
}

/** The end of the start tag that begins at `at` (`<`), past its `>`; quotes may hold `>`. */
function tagEnd(xml: string, at: number): number {
  let q = '';
  for (let i = at + 1; i < xml.length; i++) {
    const c = xml[i];
    if (q) {
      if (c === q) q = '';
    } else if (c === '"' || c === "'") q = c;
    else if (c === '>') return i + 1;
  }
  throw new Error(`unterminated tag at ${at}`);
}

function nameAt(xml: string, at: number): string {
  let i = at + 1;
  while (i < xml.length && !/[\s/>]/.test(xml[i]!)) i++;
  return xml.slice(at + 1, i);
}

/** Skips a comment, processing instruction or CDATA at `at`; -1 when none starts there. */
function skipSpecial(xml: string, at: number): number {
  if (xml.startsWith('<!--', at)) return xml.indexOf('-->', at) + 3;
  if (xml.startsWith('<![CDATA[', at)) return xml.indexOf(']]>', at) + 3;
  if (xml.startsWith('<?', at) || xml.startsWith('<!', at)) return xml.indexOf('>', at) + 1;
  return -1;
}

/** Whether an element named `name` starts in `text`. */
function opens(text: string, name: string): boolean {
  const open = `<${name}`;
  for (let at = text.indexOf(open); at >= 0; at = text.indexOf(open, at + 1)) {
    const c = text.charCodeAt(at + open.length);
    if (c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13) return true;
  }
  return false;
}

/** The element whose start tag is at `at`, through its end. */
export function elementAt(xml: string, at: number): Span {
  const name = nameAt(xml, at);
  const openEnd = tagEnd(xml, at);
  if (xml[openEnd - 2] === '/') return { name, start: at, end: openEnd, openEnd, selfClosing: true };
  // A sheet's rows are most of its text and never hold another sheetData: skip them in one search.
  if (name === 'sheetData') {
    const close = xml.indexOf('</sheetData>', openEnd);
    if (close < 0) throw new Error('<sheetData> is not closed');
    return { name, start: at, end: close + 12, openEnd, selfClosing: false };
  }
  // Most elements hold no element of their own name (a sheet's 100k merges are one mergeCells):
  // their first closing tag ends them, found in one search, unless a comment, CDATA or processing
  // instruction in between could hide one. Otherwise, and for `</name >`, tag by tag.
  const closeTag = `</${name}>`;
  const close = xml.indexOf(closeTag, openEnd);
  if (close >= 0) {
    // A slice of a string is a view (no copy): each search stays within the element.
    const inner = xml.slice(openEnd, close);
    if (!inner.includes('<!') && !inner.includes('<?') && !opens(inner, name)) return { name, start: at, end: close + closeTag.length, openEnd, selfClosing: false };
  }
  let depth = 1;
  let i = openEnd;
  while (depth > 0) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) throw new Error(`<${name}> at ${at} is not closed`);
    const special = skipSpecial(xml, lt);
    if (special >= 0) {
      i = special;
      continue;
    }
    const e = tagEnd(xml, lt);
    if (xml[lt + 1] === '/') depth--;
    else if (xml[e - 2] !== '/') depth++;
    i = e;
  }
  return { name, start: at, end: i, openEnd, selfClosing: false };
}

/** The root element's children in order (the first element after the prolog is the root). */
export function rootChildren(xml: string): { root: Span; children: Span[] } {
  let i = 0;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) throw new Error('no root element');
    const special = skipSpecial(xml, lt);
    if (special >= 0) i = special;
    else {
      i = lt;
      break;
    }
  }
  const root = elementAt(xml, i);
  return { root, children: childrenOf(xml, root) };
}

/** The child elements of `parent`. Linear in the parent's text: each child is skipped whole. */
export function childrenOf(xml: string, parent: Span): Span[] {
  const out: Span[] = [];
  if (parent.selfClosing) return out;
  const close = parent.end - (parent.name.length + 3);
  let i = parent.openEnd;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= close) return out;
    const special = skipSpecial(xml, lt);
    if (special >= 0) {
      i = special;
      continue;
    }
    const child = elementAt(xml, lt);
    out.push(child);
    i = child.end;
  }
}

/** An attribute of the start tag `tag` (its text from `<` to `>`), unescaped; undefined when absent. */
export function attrOf(tag: string, name: string): string | undefined {
  let re = ATTR.get(name);
  if (!re) ATTR.set(name, (re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  if (!m) return undefined;
  const v = m[1] ?? m[2] ?? '';
  return v.includes('&') ? unescapeXml(v) : v;
}

/** Each attribute's pattern, made once: the writer asks for `r` and `s` of every cell. No `g` flag, so no state. */
const ATTR = new Map<string, RegExp>();

/** Each attribute's pattern as a whole (name, value and the space before), made once: a write edits every row's tag. */
const WHOLE_ATTR = new Map<string, RegExp>();

/** `tag` with attribute `name` set to `value` (added before the end when absent), or removed when undefined. */
export function withAttr(tag: string, name: string, value: string | undefined): string {
  let re = WHOLE_ATTR.get(name);
  if (!re) WHOLE_ATTR.set(name, (re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"[^"]*"|'[^']*')`)));
  if (re.test(tag)) return tag.replace(re, value === undefined ? '' : ` ${name}="${escapeAttr(value)}"`);
  if (value === undefined) return tag;
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close)} ${name}="${escapeAttr(value)}"${tag.slice(close)}`;
}

/** The start tag of a span. */
export function startTag(xml: string, s: Span): string {
  return xml.slice(s.start, s.openEnd);
}

/** Applies non-overlapping replacements (sorted here) in one pass. */
export function splice(xml: string, edits: Array<{ start: number; end: number; text: string }>): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let at = 0;
  for (const e of sorted) {
    out.push(xml.slice(at, e.start), e.text);
    at = e.end;
  }
  out.push(xml.slice(at));
  return out.join('');
}

/**
 * Where a new child named `name` goes among `children`, given the schema's order of child names:
 * after the last child whose name comes at or before it, or before the first that comes after.
 */
export function insertionPoint(order: readonly string[], name: string, children: Span[], parent: Span): number {
  const rank = order.indexOf(name);
  let at = parent.openEnd;
  for (const c of children) {
    const r = order.indexOf(c.name);
    if (r >= 0 && r <= rank) at = c.end;
    else if (r > rank) return at === parent.openEnd ? c.start : at;
  }
  return at;
}
