/**
 * The surgical writer: a package written back with only the parts a change needs rewritten (the
 * sheets written into, `styles.xml` with formats appended, `workbook.xml` and its relationships for
 * names and sheets, `[Content_Types].xml`); every other part (charts, drawings, images, comments,
 * external links, pivot tables, custom XML, printer settings, VBA) is copied byte for byte.
 *
 * What a changed thing holds afterwards is taken from the ExcelJS workbook that apply or revert
 * has just changed (its journal comes from there too, so every host reads the same journal): the
 * writer only says it in the package's own terms.
 */
import { strFromU8, strToU8 } from 'fflate';
import { ZipParts } from './zip-write';
import { cellXml } from './cell-xml';
import { emptyEdits, editSheet, EMPTY_SHEET, formatXml, splitA1, columnNumber, validationXml, type SheetEdits } from './sheet-edit';
import { EMPTY_STYLES, StylesEditor } from './styles-edit';
import { attrOf, childrenOf, escapeAttr, escapeText, insertionPoint, rootChildren, splice, startTag, withAttr, type Span } from './xml-text';
import { resolveTarget } from '../xml-part';
import type { SheetSource, WorkbookSource } from './source';

/** What changed, by sheet: each is written as the ExcelJS workbook now holds it. */
export interface WriteChanges {
  cells: Map<string, Set<string>>;
  widths: Map<string, Set<string>>;
  validations: Map<string, Set<string>>;
  formatsRemove: Array<{ sheet: string; range: string; formula: string }>;
  formatsAdd: Array<{ sheet: string; range: string; formula: string; fill: string; font?: string; priority: number }>;
  names: Set<string>;
  /** Sheets written whole from the workbook, or taken out when it no longer has them. */
  sheets: Set<string>;
}

export function noChanges(): WriteChanges {
  return { cells: new Map(), widths: new Map(), validations: new Map(), formatsRemove: [], formatsAdd: [], names: new Set(), sheets: new Set() };
}

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_WORKSHEET = `${NS_REL}/worksheet`;
const REL_STYLES = `${NS_REL}/styles`;
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
/** CT_Workbook's children, in the order the schema requires. */
const WORKBOOK_ORDER = [
  'fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences',
  'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing',
  'fileRecoveryPr', 'webPublishObjects', 'extLst',
];

function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A package held as its parts, by exact and by lower-cased name; a part is inflated only when read. */
class Parts {
  private readonly names = new Map<string, string>();
  constructor(readonly zip: ZipParts) {
    for (const n of zip.names()) this.names.set(n.toLowerCase(), n);
  }
  name(part: string): string | undefined {
    return this.names.get(part.toLowerCase());
  }
  text(part: string): string | undefined {
    const n = this.name(part);
    const b = n === undefined ? undefined : this.zip.bytes(n);
    return b === undefined ? undefined : strFromU8(b);
  }
  set(part: string, text: string): void {
    const n = this.name(part) ?? part;
    this.names.set(part.toLowerCase(), n);
    this.zip.set(n, strToU8(text));
  }
  remove(part: string): void {
    const n = this.name(part);
    if (n === undefined) return;
    this.zip.remove(n);
    this.names.delete(part.toLowerCase());
  }
}

interface Rel {
  id: string;
  type: string;
  target: string;
  span: Span;
}

function readRels(xml: string, source: string): Rel[] {
  const { children } = rootChildren(xml);
  return children
    .filter((c) => c.name === 'Relationship')
    .map((c) => {
      const tag = startTag(xml, c);
      const target = attrOf(tag, 'Target') ?? '';
      return { id: attrOf(tag, 'Id') ?? '', type: attrOf(tag, 'Type') ?? '', target: attrOf(tag, 'TargetMode') === 'External' ? target : resolveTarget(source, target), span: c };
    });
}

interface SheetRef {
  name: string;
  rid: string;
  part: string | undefined;
  span: Span;
}

/** Lays the edits for the sheet `ws` as the source holds it, for the cells, widths and so on in `ch`. */
function sheetEdits(ws: SheetSource, ch: WriteChanges, styles: StylesEditor, date1904: boolean, whole: boolean): SheetEdits {
  const e = emptyEdits();
  const name = ws.name;
  const write = (addr: string) => {
    const { row, col } = splitA1(addr);
    const ref = addr.replace(/\$/g, '');
    let line = e.cells.get(row);
    if (!line) e.cells.set(row, (line = new Map()));
    line.set(col, (base) => {
      const cell = ws.cell(row, col);
      const style = cell.style;
      const empty = Object.keys(style).length === 0;
      // A cell that holds nothing and has no format of its own is no cell: it goes (a revert of a cell apply made).
      if (empty && (cell.value === null || cell.value === undefined)) return '';
      return cellXml(ref, empty ? 0 : styles.formatFor(style, base), cell.value, date1904);
    });
  };
  if (whole) {
    for (const addr of ws.addresses()) write(addr);
    for (const [col, width] of ws.widths()) e.widths.set(col, width);
    for (const [range, v] of ws.validations()) e.validationsAdd.push(validationXml(range, v));
  } else {
    for (const addr of ch.cells.get(name) ?? []) write(addr);
    for (const col of ch.widths.get(name) ?? []) e.widths.set(columnNumber(col), ws.width(columnNumber(col)));
    for (const range of ch.validations.get(name) ?? []) {
      e.validationsRemove.add(range);
      const v = ws.validation(range);
      if (v) e.validationsAdd.push(validationXml(range, v));
    }
    for (const f of ch.formatsRemove) if (f.sheet === name) e.formatsRemove.push({ sqref: f.range, formula: f.formula });
  }
  for (const f of ch.formatsAdd) {
    if (f.sheet !== name) continue;
    const dxf = styles.dxfFor({
      fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${f.fill}` } },
      ...(f.font ? { font: { color: { argb: `FF${f.font}` } } } : {}),
    });
    e.formatsAdd.push(formatXml(f.range, f.formula, dxf, f.priority));
  }
  return e;
}

/** A name's ranges as ExcelJS keeps them (`'Sheet 1'!$B$2`), comma-separated as the part holds several. */
function nameText(ranges: string[]): string {
  return ranges.join(',');
}

/** The package `data` with the changes `ch`, as the source `wb` now holds them, written into it. */
export async function writePackage(data: Uint8Array | ZipParts, wb: WorkbookSource, ch: WriteChanges, opened?: StylesEditor): Promise<Uint8Array> {
  const parts = new Parts(data instanceof ZipParts ? data : new ZipParts(data));
  const rootRels = readRels(parts.text('_rels/.rels') ?? '<Relationships/>', '');
  const workbookPart = rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  let workbook = parts.text(workbookPart);
  if (workbook === undefined) throw new Error(`${workbookPart} is missing`);
  const wbRelsPart = relsPath(workbookPart);
  let wbRels = parts.text(wbRelsPart) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  let types = parts.text('[Content_Types].xml');
  if (types === undefined) throw new Error('[Content_Types].xml is missing');
  const rels = readRels(wbRels, workbookPart);
  const date1904 = wb.date1904;

  // styles.xml: made when the package has none (ExcelJS reads such a package with default styles).
  let stylesPart = rels.find((r) => r.type === REL_STYLES)?.target;
  const relEdits: Array<{ start: number; end: number; text: string }> = [];
  const typeEdits: Array<{ start: number; end: number; text: string }> = [];
  const relsRoot = rootChildren(wbRels).root;
  const typesRoot = rootChildren(types);
  let nextRel = 1;
  const relIds = new Set(rels.map((r) => r.id));
  const newRelId = () => {
    while (relIds.has(`rIdRt${nextRel}`)) nextRel++;
    relIds.add(`rIdRt${nextRel}`);
    return `rIdRt${nextRel}`;
  };
  const relInsert = relsRoot.end - '</Relationships>'.length;
  const typeInsert = typesRoot.root.end - '</Types>'.length;
  const relTarget = (part: string) => `/${part}`;
  if (stylesPart === undefined) {
    stylesPart = 'xl/styles.xml';
    relEdits.push({ start: relInsert, end: relInsert, text: `<Relationship Id="${newRelId()}" Type="${REL_STYLES}" Target="${relTarget(stylesPart)}"/>` });
    typeEdits.push({ start: typeInsert, end: typeInsert, text: `<Override PartName="/${stylesPart}" ContentType="${CT_STYLES}"/>` });
  }
  const styles = opened ?? (await StylesEditor.open(parts.text(stylesPart) ?? EMPTY_STYLES));

  const wbTree = rootChildren(workbook);
  const sheetsSpan = wbTree.children.find((c) => c.name === 'sheets');
  if (!sheetsSpan) throw new Error(`${workbookPart} lists no sheets`);
  const sheetSpans = childrenOf(workbook, sheetsSpan).filter((c) => c.name === 'sheet');
  const listed: SheetRef[] = sheetSpans.map((span) => {
    const tag = startTag(workbook!, span);
    const rid = attrOf(tag, 'r:id') ?? '';
    return { name: attrOf(tag, 'name') ?? '', rid, part: rels.find((r) => r.id === rid)?.target, span };
  });
  const wbEdits: Array<{ start: number; end: number; text: string }> = [];

  // Sheets taken out: their entry, relationship, content type and part (and its own relationships).
  const removedIndex: number[] = [];
  listed.forEach((s, i) => {
    if (!ch.sheets.has(s.name)) return;
    removedIndex.push(i);
    wbEdits.push({ start: s.span.start, end: s.span.end, text: '' });
    const rel = rels.find((r) => r.id === s.rid);
    if (rel) relEdits.push({ start: rel.span.start, end: rel.span.end, text: '' });
    if (s.part) {
      for (const c of typesRoot.children) {
        if (c.name === 'Override' && (attrOf(startTag(types!, c), 'PartName') ?? '').toLowerCase() === `/${s.part}`.toLowerCase()) typeEdits.push({ start: c.start, end: c.end, text: '' });
      }
      parts.remove(s.part);
      parts.remove(relsPath(s.part));
    }
  });

  // Sheets written into.
  const touched = new Set<string>([...ch.cells.keys(), ...ch.widths.keys(), ...ch.validations.keys(), ...ch.formatsRemove.map((f) => f.sheet), ...ch.formatsAdd.map((f) => f.sheet)]);
  for (const s of listed) {
    if (ch.sheets.has(s.name) || !touched.has(s.name)) continue;
    const ws = wb.sheet(s.name);
    if (!ws || !s.part) throw new Error(`sheet "${s.name}" is not in the workbook`);
    const text = parts.text(s.part);
    if (text === undefined) throw new Error(`${s.part} (sheet "${s.name}") is missing`);
    parts.set(s.part, editSheet(text, sheetEdits(ws, ch, styles, date1904, false)));
  }

  // Sheets added, after the last one, in the order the workbook has them.
  let maxId = 0;
  for (const s of sheetSpans) maxId = Math.max(maxId, Number(attrOf(startTag(workbook, s), 'sheetId') ?? 0));
  let n = 1;
  const added: string[] = [];
  for (const ws of wb.sheets()) {
    if (!ch.sheets.has(ws.name)) continue;
    while (parts.name(`xl/worksheets/sheet${n}.xml`) !== undefined) n++;
    const part = `xl/worksheets/sheet${n}.xml`;
    parts.set(part, editSheet(EMPTY_SHEET, sheetEdits(ws, ch, styles, date1904, true)));
    const rid = newRelId();
    const state = ws.state === 'veryHidden' || ws.state === 'hidden' ? ` state="${ws.state}"` : '';
    added.push(`<sheet name="${escapeAttr(ws.name)}" sheetId="${++maxId}"${state} r:id="${rid}"/>`);
    relEdits.push({ start: relInsert, end: relInsert, text: `<Relationship Id="${rid}" Type="${REL_WORKSHEET}" Target="${relTarget(part)}"/>` });
    typeEdits.push({ start: typeInsert, end: typeInsert, text: `<Override PartName="/${part}" ContentType="${CT_WORKSHEET}"/>` });
  }
  if (added.length) {
    // The new entries say r:id; a workbook part that never declared that prefix gets it declared.
    if (!/\sxmlns:r\s*=/.test(startTag(workbook, wbTree.root))) {
      wbEdits.push({ start: wbTree.root.start, end: wbTree.root.openEnd, text: withAttr(startTag(workbook, wbTree.root), 'xmlns:r', NS_REL) });
    }
    const close = sheetsSpan.end - '</sheets>'.length;
    wbEdits.push({ start: close, end: close, text: added.join('') });
  }

  // Defined names: the workbook-wide ones the changes name, as the workbook now holds them; a name
  // scoped to a sheet follows its sheet's place when a sheet before it is taken out.
  const namesSpan = wbTree.children.find((c) => c.name === 'definedNames');
  const newNames: string[] = [];
  for (const name of ch.names) {
    const ranges = wb.nameRanges(name);
    if (ranges.length) newNames.push(`<definedName name="${escapeAttr(name)}">${escapeText(nameText(ranges))}</definedName>`);
  }
  if (namesSpan && (ch.names.size > 0 || removedIndex.length > 0)) {
    const kept: string[] = [];
    for (const d of childrenOf(workbook, namesSpan)) {
      let tag = startTag(workbook, d);
      const local = attrOf(tag, 'localSheetId');
      const name = attrOf(tag, 'name') ?? '';
      if (local === undefined && ch.names.has(name)) continue;
      if (local !== undefined) {
        const at = Number(local);
        if (removedIndex.includes(at)) continue;
        const shift = removedIndex.filter((r) => r < at).length;
        if (shift) tag = withAttr(tag, 'localSheetId', String(at - shift));
      }
      kept.push(tag + workbook.slice(d.openEnd, d.end));
    }
    const all = [...kept, ...newNames];
    wbEdits.push({ start: namesSpan.start, end: namesSpan.end, text: all.length ? `${startTag(workbook, namesSpan)}${all.join('')}</definedNames>` : '' });
  } else if (newNames.length) {
    const at = insertionPoint(WORKBOOK_ORDER, 'definedNames', wbTree.children, wbTree.root);
    wbEdits.push({ start: at, end: at, text: `<definedNames>${newNames.join('')}</definedNames>` });
  }
  // A workbook view whose active or first tab is gone opens on the first sheet.
  const sheetCount = listed.length - removedIndex.length + added.length;
  const views = wbTree.children.find((c) => c.name === 'bookViews');
  if (views && removedIndex.length) {
    for (const v of childrenOf(workbook, views)) {
      let tag = startTag(workbook, v);
      for (const a of ['activeTab', 'firstSheet']) {
        const x = attrOf(tag, a);
        if (x !== undefined && Number(x) >= sheetCount) tag = withAttr(tag, a, '0');
      }
      wbEdits.push({ start: v.start, end: v.openEnd, text: tag });
    }
  }

  if (wbEdits.length) parts.set(workbookPart, (workbook = splice(workbook, wbEdits)));
  if (relEdits.length) parts.set(wbRelsPart, (wbRels = splice(wbRels, relEdits)));
  if (typeEdits.length) parts.set('[Content_Types].xml', (types = splice(types, typeEdits)));
  if (styles.changed) parts.set(stylesPart, styles.text());

  // Parts not changed keep their stored bytes.
  return parts.zip.zip();
}
