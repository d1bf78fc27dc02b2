/**
 * A worksheet part edited in place: the cells, column widths, dropdowns and conditional formats the
 * writer changes, spliced into the original text in the order CT_Worksheet requires. Rows it does
 * not write into are copied as they are; it walks the rows once (linear in the sheet's text).
 */
import { dateToSerial } from '../../../core/dates';
import { formulaShape } from '../../../core/plan/journal-verify';
import { removalRects, subtractSqref } from './sqref';
import { attrOf, childrenOf, escapeAttr, escapeText, insertionPoint, rootChildren, splice, startTag, unescapeXml, withAttr, type Span } from './xml-text';

/** CT_Worksheet's children, in the order the schema requires. */
export const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
  'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF',
  'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
] as const;

export type CellWriter = (format: number) => string;

export interface SheetEdits {
  /** Row → column → the cell's new `<c>` element, given the format the cell has now (0 for none). */
  cells: Map<number, Map<number, CellWriter>>;
  /** Column → its width, or null for none (the sheet's default). */
  widths: Map<number, number | null>;
  /** Dropdowns over these cells or ranges go (a rule over more keeps the rest, ./sqref). */
  validationsRemove: Set<string>;
  validationsAdd: string[];
  /** Conditional formats of this range holding this formula go (or, moved, one of its formula's shape). */
  formatsRemove: Array<{ sqref: string; formula: string }>;
  formatsAdd: string[];
}

export function emptyEdits(): SheetEdits {
  return { cells: new Map(), widths: new Map(), validationsRemove: new Set(), validationsAdd: [], formatsRemove: [], formatsAdd: [] };
}

/** A new, empty worksheet part. */
export const EMPTY_SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** Row and column of an A1 reference (`$` allowed). */
export function splitA1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  return { col: columnNumber(m[1]!), row: Number(m[2]) };
}

const ROW_R = /\sr\s*=\s*"(\d+)"/;
const CELL_R = /\sr\s*=\s*"\$?([A-Z]{1,3})\$?\d+"/;
const CELL_S = /\ss\s*=\s*"(\d+)"/;

function tagClose(xml: string, at: number): number {
  return xml.indexOf('>', at) + 1;
}

/** Whether `<name` at `at` is that element's start tag (not a longer name). */
function startsElement(xml: string, at: number, name: string): boolean {
  const c = xml.charCodeAt(at + name.length + 1);
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

/** The row's cells merged with the new ones, in column order. */
function editedRow(xml: string, rowStart: number, rowOpenEnd: number, rowEnd: number, selfClosing: boolean, cells: Map<number, CellWriter>): string {
  const open = xml.slice(rowStart, rowOpenEnd);
  // `spans` goes (the row's cells change); most rows written have none, and most start tags are not self-closing.
  const unspanned = open.includes('spans') ? withAttr(open, 'spans', undefined) : open;
  const tag = selfClosing ? unspanned.replace(/\s*\/>$/, '>') : unspanned;
  const existing: Array<{ col: number; tag: string; text: string }> = [];
  let tail = '';
  if (!selfClosing) {
    const close = rowEnd - '</row>'.length;
    let i = rowOpenEnd;
    let col = 0;
    for (;;) {
      const lt = xml.indexOf('<c', i);
      if (lt < 0 || lt >= close || !startsElement(xml, lt, 'c')) {
        tail = xml.slice(i, close).trim();
        break;
      }
      const openEnd = tagClose(xml, lt);
      const end = xml[openEnd - 2] === '/' ? openEnd : xml.indexOf('</c>', openEnd) + 4;
      const tag = xml.slice(lt, openEnd);
      const m = CELL_R.exec(tag);
      col = m ? columnNumber(m[1]!) : col + 1;
      existing.push({ col, tag, text: xml.slice(lt, end) });
      i = end;
    }
  }
  const adds = cells.size === 1 ? [...cells.entries()] : [...cells.entries()].sort((a, b) => a[0] - b[0]);
  const out: string[] = [tag];
  let k = 0;
  // A new cell in a row takes the row's format as its base, as a program typing into it would.
  const rowS = attrOf(tag, 'customFormat') === '1' ? Number(attrOf(tag, 's') ?? 0) : 0;
  for (const e of existing) {
    while (k < adds.length && adds[k]![0] < e.col) out.push(adds[k++]![1](rowS));
    if (k < adds.length && adds[k]![0] === e.col) {
      const s = CELL_S.exec(e.tag);
      out.push(adds[k++]![1](s ? Number(s[1]) : 0));
    } else out.push(e.text);
  }
  while (k < adds.length) out.push(adds[k++]![1](rowS));
  // A row left with no cells that says nothing but its number is no row (a revert of a row apply made).
  if (out.length === 1 && tail === '' && /^<row\s+r\s*=\s*"\d+"\s*>$/.test(tag)) return '';
  out.push(tail, '</row>');
  return out.join('');
}

function newRow(row: number, cells: Map<number, CellWriter>): string {
  return `<row r="${row}">${[...cells.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1](0)).join('')}</row>`;
}

/** The edits to `<sheetData>`: rows rewritten in place, new rows between them, one pass. */
function sheetDataEdits(xml: string, span: Span, cells: Map<number, Map<number, CellWriter>>): Array<{ start: number; end: number; text: string }> {
  const rows = [...cells.keys()].sort((a, b) => a - b);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  if (rows.length === 0) return edits;
  if (span.selfClosing) {
    const tag = startTag(xml, span).replace(/\s*\/>$/, '>');
    edits.push({ start: span.start, end: span.end, text: `${tag}${rows.map((r) => newRow(r, cells.get(r)!)).join('')}</sheetData>` });
    return edits;
  }
  const close = span.end - '</sheetData>'.length;
  let k = 0;
  let i = span.openEnd;
  let r = 0;
  while (k < rows.length) {
    const lt = xml.indexOf('<row', i);
    if (lt < 0 || lt >= close) break;
    if (!startsElement(xml, lt, 'row')) {
      i = lt + 4;
      continue;
    }
    const openEnd = tagClose(xml, lt);
    const selfClosing = xml[openEnd - 2] === '/';
    const end = selfClosing ? openEnd : xml.indexOf('</row>', openEnd) + 6;
    const m = ROW_R.exec(xml.slice(lt, openEnd));
    r = m ? Number(m[1]) : r + 1;
    const before: string[] = [];
    while (k < rows.length && rows[k]! < r) before.push(newRow(rows[k]!, cells.get(rows[k]!)!)), k++;
    if (before.length) edits.push({ start: lt, end: lt, text: before.join('') });
    if (k < rows.length && rows[k] === r) {
      edits.push({ start: lt, end, text: editedRow(xml, lt, openEnd, end, selfClosing, cells.get(r)!) });
      k++;
    }
    i = end;
  }
  if (k < rows.length) edits.push({ start: close, end: close, text: rows.slice(k).map((row) => newRow(row, cells.get(row)!)).join('') });
  return edits;
}

interface ColEntry {
  min: number;
  max: number;
  tag: string;
}

function colEntry(tag: string): ColEntry {
  return { min: Number(attrOf(tag, 'min')), max: Number(attrOf(tag, 'max')), tag };
}

function withRange(e: ColEntry, min: number, max: number): ColEntry {
  return { min, max, tag: withAttr(withAttr(e.tag, 'min', String(min)), 'max', String(max)) };
}

/** The `<col>` entries with each column's width set or taken away, ranges split where they must be. */
export function editCols(tags: string[], widths: Map<number, number | null>): string[] {
  let cols = tags.map(colEntry);
  for (const [c, w] of [...widths.entries()].sort((a, b) => a[0] - b[0])) {
    const at = cols.findIndex((e) => e.min <= c && c <= e.max);
    let mid: ColEntry;
    if (at < 0) {
      if (w === null) continue;
      mid = { min: c, max: c, tag: `<col min="${c}" max="${c}"/>` };
      cols.push(mid);
    } else {
      const e = cols[at]!;
      const parts: ColEntry[] = [];
      if (e.min < c) parts.push(withRange(e, e.min, c - 1));
      mid = withRange(e, c, c);
      parts.push(mid);
      if (c < e.max) parts.push(withRange(e, c + 1, e.max));
      cols = [...cols.slice(0, at), ...parts, ...cols.slice(at + 1)];
    }
    if (w === null) mid.tag = withAttr(withAttr(mid.tag, 'width', undefined), 'customWidth', undefined);
    else mid.tag = withAttr(withAttr(mid.tag, 'width', String(w)), 'customWidth', '1');
  }
  // A `<col>` left with nothing but its range says nothing.
  cols = cols.filter((e) => attrOf(e.tag, 'width') !== undefined || /\s(?:style|hidden|bestFit|outlineLevel|collapsed|phonetic)\s*=/.test(e.tag));
  return cols.sort((a, b) => a.min - b.min).map((e) => e.tag);
}

function formulaTexts(xml: string, span: Span): string[] {
  const out: string[] = [];
  const re = /<formula>([\s\S]*?)<\/formula>/g;
  const text = xml.slice(span.start, span.end);
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(unescapeXml(m[1]!));
  return out;
}

/**
 * What goes of the conditional formats: for each format to remove, one rule, the one at its range
 * with its formula, else (once inserted or deleted rows and columns, or a renamed sheet, rewrote
 * both) the last rule of its formula's shape, never a user's second copy; a `conditionalFormatting`
 * left without rules goes whole. Another program may have put several rules in one element.
 */
function formatRemovals(xml: string, formats: readonly Span[], remove: SheetEdits['formatsRemove']): Array<{ start: number; end: number }> {
  if (remove.length === 0) return [];
  const all = formats.map((f) => {
    const sqref = attrOf(startTag(xml, f), 'sqref') ?? '';
    const rules = childrenOf(xml, f)
      .filter((c) => c.name === 'cfRule')
      .map((r) => ({ span: r, formula: formulaTexts(xml, r)[0] ?? '', gone: false }));
    return { span: f, sqref, rules };
  });
  const flat = all.flatMap((f) => f.rules.map((r) => ({ f, r })));
  for (const x of [...remove].reverse()) {
    const open = flat.filter(({ r }) => !r.gone);
    const hit =
      [...open].reverse().find(({ f, r }) => f.sqref === x.sqref && r.formula === x.formula) ??
      [...open].reverse().find(({ r }) => r.formula !== '' && formulaShape(r.formula) === formulaShape(x.formula));
    if (hit) hit.r.gone = true;
  }
  const out: Array<{ start: number; end: number }> = [];
  for (const f of all) {
    if (f.rules.length > 0 && f.rules.every((r) => r.gone)) out.push({ start: f.span.start, end: f.span.end });
    else for (const r of f.rules) if (r.gone) out.push({ start: r.span.start, end: r.span.end });
  }
  return out;
}

/** The worksheet's text with `e` applied. */
export function editSheet(xml: string, e: SheetEdits): string {
  const { root, children } = rootChildren(xml);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const find = (name: string) => children.find((c) => c.name === name);
  const insert = (name: string, text: string) => {
    const at = insertionPoint(WORKSHEET_ORDER, name, children, root);
    edits.push({ start: at, end: at, text });
  };

  const sheetData = find('sheetData');
  if (!sheetData) throw new Error('a worksheet without sheetData');
  for (const x of sheetDataEdits(xml, sheetData, e.cells)) edits.push(x);

  if (e.widths.size > 0) {
    const cols = find('cols');
    const tags = cols ? childrenOf(xml, cols).filter((c) => c.name === 'col').map((c) => startTag(xml, c)) : [];
    const next = editCols(tags, e.widths);
    const text = next.length ? `${cols ? startTag(xml, cols).replace(/\s*\/>$/, '>') : '<cols>'}${next.join('')}</cols>` : '';
    if (cols) edits.push({ start: cols.start, end: cols.end, text });
    else if (text) insert('cols', text);
  }

  if (e.formatsRemove.length > 0 || e.formatsAdd.length > 0) {
    const formats = children.filter((c) => c.name === 'conditionalFormatting');
    for (const x of formatRemovals(xml, formats, e.formatsRemove)) edits.push({ ...x, text: '' });
    if (e.formatsAdd.length > 0) {
      const last = formats[formats.length - 1];
      if (last) edits.push({ start: last.end, end: last.end, text: e.formatsAdd.join('') });
      else insert('conditionalFormatting', e.formatsAdd.join(''));
    }
  }

  if (e.validationsRemove.size > 0 || e.validationsAdd.length > 0) {
    const dvs = find('dataValidations');
    // Each rule loses the cells taken out, however another program joined them (./sqref).
    const out = removalRects(e.validationsRemove);
    const kept = dvs
      ? childrenOf(xml, dvs).flatMap((d) => {
          const tag = startTag(xml, d);
          const sqref = attrOf(tag, 'sqref') ?? '';
          if (e.validationsRemove.has(sqref)) return [];
          const rest = out.length === 0 ? sqref : subtractSqref(sqref, out);
          if (rest === sqref) return [xml.slice(d.start, d.end)];
          return rest === '' ? [] : [`${withAttr(tag, 'sqref', rest)}${xml.slice(d.openEnd, d.end)}`];
        })
      : [];
    const all = [...kept, ...e.validationsAdd];
    const text = all.length ? `${withAttr(dvs ? startTag(xml, dvs).replace(/\s*\/>$/, '>') : '<dataValidations>', 'count', String(all.length))}${all.join('')}</dataValidations>` : '';
    if (dvs) edits.push({ start: dvs.start, end: dvs.end, text });
    else if (text) insert('dataValidations', text);
  }
  return splice(xml, edits);
}

/** A conditional format: `sqref`'s cells take look `dxfId` where `formula` holds. */
export function formatXml(sqref: string, formula: string, dxfId: number, priority: number): string {
  return `<conditionalFormatting sqref="${escapeAttr(sqref)}"><cfRule type="expression" dxfId="${dxfId}" priority="${priority}"><formula>${escapeText(formula)}</formula></cfRule></conditionalFormatting>`;
}

/** A data validation as ExcelJS models one (the journal keeps that shape). */
export interface ValidationModel {
  type: string;
  allowBlank?: boolean;
  operator?: string;
  showInputMessage?: boolean;
  showErrorMessage?: boolean;
  errorStyle?: string;
  errorTitle?: string;
  error?: string;
  promptTitle?: string;
  prompt?: string;
  formulae?: Array<string | number | Date>;
}

export function validationXml(sqref: string, v: ValidationModel): string {
  const attrs: string[] = [];
  if (v.type && v.type !== 'any') attrs.push(`type="${escapeAttr(v.type)}"`);
  if (v.operator && v.type !== 'list' && v.operator !== 'between') attrs.push(`operator="${escapeAttr(v.operator)}"`);
  if (v.allowBlank) attrs.push('allowBlank="1"');
  if (v.showInputMessage) attrs.push('showInputMessage="1"');
  if (v.showErrorMessage) attrs.push('showErrorMessage="1"');
  if (v.errorStyle) attrs.push(`errorStyle="${escapeAttr(v.errorStyle)}"`);
  if (v.errorTitle) attrs.push(`errorTitle="${escapeAttr(v.errorTitle)}"`);
  if (v.error) attrs.push(`error="${escapeAttr(v.error)}"`);
  if (v.promptTitle) attrs.push(`promptTitle="${escapeAttr(v.promptTitle)}"`);
  if (v.prompt) attrs.push(`prompt="${escapeAttr(v.prompt)}"`);
  attrs.push(`sqref="${escapeAttr(sqref)}"`);
  const f = (v.formulae ?? []).map((x, i) => `<formula${i + 1}>${escapeText(x instanceof Date ? String(dateToSerial(x)) : String(x))}</formula${i + 1}>`);
  return `<dataValidation ${attrs.join(' ')}>${f.join('')}</dataValidation>`;
}

