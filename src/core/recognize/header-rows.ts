/** Finding header rows: single rows of column labels, and two-level headers under merged group labels. */
import { matchHeader, isKnownWithoutRole, MAX_HEADER_LENGTH } from './header-match';
import { isPeriodLabel } from './period-labels';
import type { Role } from '../contract';
import type { SheetView } from './sheet-view';
import { labelLength, normalizeHeader } from './text';
import { maxOf, minOf } from '../arrays';

export interface HeaderBlock {
  /** The header's rows, top to bottom (two for a two-level header). */
  rows: number[];
  left: number;
  right: number;
  /** Column → the distinct labels above it, top level first. */
  labels: Map<number, string[]>;
  /** Column → true when its label is a group label spanning several columns. */
  spanned: Map<number, boolean>;
  /** Per column, the role the header words suggest (or the normalized label), for comparing repeated headers. */
  signature: string[];
  /** Found from its layout, its words unknown: what it says of its columns is weaker evidence. */
  byLayout?: boolean;
}

interface LabelCell {
  col: number;
  text: string;
  span: number;
}

function isLabel(text: string): boolean {
  if (text.length > MAX_HEADER_LENGTH * 3 || /^[\d.\s]+$/.test(text)) return false;
  const n = normalizeHeader(text);
  return n.length > 0 && labelLength(n) <= MAX_HEADER_LENGTH;
}

/** Sentence punctuation: a cell holding it is data (a node text), not a column label. */
const SENTENCE = /[。，；]/;

/** Header words this weak (a keyword lost in a long cell) do not make a row a header. */
const MIN_LABEL_SCORE = 0.5;

/**
 * A row is a header candidate when most of its cells are known column labels of different roles.
 * Data rows can hold label words too (`节点`, `年度目标` in a row-kind column), so a row with a
 * sentence in it needs more labels to count.
 */
export function isHeaderRow(view: SheetView, row: number): boolean {
  const cells = view.rowCells(row);
  if (cells.length < 2) return false;
  // Most rows are data: give up as soon as too many cells are not labels.
  const allowedMisses = Math.floor(cells.length * 0.4);
  let misses = 0;
  let sentences = 0;
  let matched = 0;
  // Made at the first label: most rows are data and never need one.
  let roles: Set<string> | undefined;
  // One period word (a deadline cell's 三季度) is data; a run of them (一季度 … 四季度) labels columns.
  // Counted only once a period word turns up: most rows have none, and this runs on every row.
  let periods = -1;
  // `主管部门：` asks for a value beside it: a key-value line of a preamble, not a column label.
  let keys = 0;
  for (const c of cells) {
    if (isKvLabel(c.text)) keys++;
    if (isPeriodLabel(c.text)) {
      if (periods < 0) periods = cells.filter((x) => isPeriodLabel(x.text)).length;
      if (periods < 2) {
        if (++misses > allowedMisses) return false;
        continue;
      }
    }
    // An item's number (`2、领导小组下设…`, `（三）…`) opens data, never a column's label.
    const m = NUMBERED_ITEM.test(c.text) ? [] : matchHeader(c.text);
    if (m.length > 0 && (m[0] as { score: number }).score >= MIN_LABEL_SCORE) {
      matched++;
      (roles ??= new Set()).add((m[0] as { role: Role }).role);
      continue;
    }
    // The set lookup first: most cells are not known words, and then the label test is not needed.
    if (isKnownWithoutRole(c.text) && isLabel(c.text)) {
      matched++;
      (roles ??= new Set()).add(`known:${normalizeHeader(c.text)}`);
      continue;
    }
    if (SENTENCE.test(c.text) || c.text.length > MAX_HEADER_LENGTH * 2) sentences++;
    if (++misses > allowedMisses || sentences > 1) return false;
  }
  if (keys * 2 >= matched) return false;
  return matched >= (sentences > 0 ? 3 : 2) && (roles?.size ?? 0) >= 2;
}

const NUMBERED_ITEM = /^\s*(?:\d{1,3}\s*[、．](?!\d)|\d{1,3}\.(?=\D)|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、．.])\s*\S{2}/;

/**
 * A label that ends in a colon, as the keys of a key-value preamble do (`项目名称：`, `Lead:`): what
 * `/[:：]\s*$/` asks, read from the end, since a regular expression would try every position of a long cell.
 */
function isKvLabel(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && /\s/.test(text[i] as string)) i--;
  return text[i] === ':' || text[i] === '：';
}

/** Whether `row` holds sub-labels under the group labels of the header row above it. */
function isSubHeaderRow(view: SheetView, top: number, row: number, left: number, right: number): boolean {
  const cells = view.rowCells(row).filter((c) => c.col >= left && c.col <= right);
  if (cells.length < 2 || !cells.every((c) => isLabel(c.text) && labelLength(normalizeHeader(c.text)) <= 14)) return false;
  let underGroup = 0;
  for (const c of cells) {
    const m = view.merge(top, c.col);
    if (m && m.top === top && m.right > m.left) underGroup++;
    else return false;
  }
  return underGroup >= 2;
}

export function readHeaderBlock(view: SheetView, row: number): HeaderBlock {
  const cells: LabelCell[] = view.rowCells(row);
  const left = minOf(cells.map((c) => c.col));
  const right = maxOf(cells.map((c) => c.col + c.span - 1));
  const rows = [row];
  if (row + 1 <= view.rowCount && isSubHeaderRow(view, row, row + 1, left, right)) rows.push(row + 1);
  const labels = new Map<number, string[]>();
  const spanned = new Map<number, boolean>();
  for (let c = left; c <= right; c++) {
    const ls: string[] = [];
    let groupOnly = false;
    for (const r of rows) {
      const t = view.shownText(r, c);
      if (t !== '' && !ls.includes(t)) ls.push(t);
    }
    const m = view.merge(row, c);
    if (m && m.top === row && m.right > m.left && (rows.length === 1 || view.shownText(rows[1] as number, c) === view.shownText(row, c))) {
      groupOnly = true;
    }
    labels.set(c, ls);
    spanned.set(c, groupOnly);
  }
  const signature: string[] = [];
  for (let c = left; c <= right; c++) {
    const leaf = (labels.get(c) ?? []).at(-1) ?? '';
    signature.push(matchHeader(leaf)[0]?.role ?? normalizeHeader(leaf));
  }
  return { rows, left, right, labels, spanned, signature };
}

/** Two headers are the same header repeated when they start in the same column and mostly agree. */
export function sameHeader(a: HeaderBlock, b: HeaderBlock): boolean {
  if (a.left !== b.left) return false;
  const n = Math.max(a.signature.length, b.signature.length);
  let same = 0;
  for (let i = 0; i < n; i++) if (a.signature[i] !== undefined && a.signature[i] === b.signature[i]) same++;
  return same / n >= 0.8;
}

function isLongLabel(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return !/[.!?;]$/.test(text.trim()) && words.length <= 12 && text.length <= MAX_HEADER_LENGTH * 4 && !/\d{4}/.test(text);
}

/** Rows below a layout header that must read as a body for the header to count. */
const LAYOUT_BODY_ROWS = 2;

/**
 * A header found from its layout when its words are not in the vocabulary (`Topic`, `People at
 * Risk`, `查证日期`): a row of two or more short, distinct labels, none a number, a date or a
 * sentence, over at least two rows that fill the same columns with longer or typed content.
 */
export function isLayoutHeaderRow(view: SheetView, row: number): boolean {
  const cells = view.rowCells(row);
  if (cells.length < 2) return false;
  const texts = new Set<string>();
  let known = 0;
  // English headers often end with one long label (`Overall Control Status & Proposed additional
  // control measures`): one such label, no sentence, does not unmake the row.
  let long = 0;
  for (const c of cells) {
    if (SENTENCE.test(c.text) || isKvLabel(c.text)) return false;
    if (!isLabel(c.text) && !(isLongLabel(c.text) && ++long <= 1)) return false;
    const cell = view.cell(row, c.col);
    if (cell && cell.value.kind !== 'string') return false;
    const n = normalizeHeader(c.text);
    if (texts.has(n)) return false;
    texts.add(n);
    if (matchHeader(c.text).length > 0 || isKnownWithoutRole(c.text)) known++;
  }
  if (cells.length < 3 && known === 0) return false;
  const left = cells[0]!.col;
  const last = cells[cells.length - 1]!;
  const right = last.col + last.span - 1;
  let bodies = 0;
  let longer = 0;
  for (let r = row + 1; r <= view.rowCount && r <= row + 8 && bodies < LAYOUT_BODY_ROWS; r++) {
    const below = view.rowCells(r).filter((c) => c.col >= left && c.col <= right);
    if (below.length === 0) continue;
    if (below.length < 2) {
      // A section line between the header and its first item.
      if (below[0]!.span >= 2 || below[0]!.col === left) continue;
      return false;
    }
    bodies++;
    for (const b of below) {
      const label = cells.find((c) => c.col <= b.col && b.col <= c.col + c.span - 1);
      const typed = view.cell(r, b.col)?.value.kind !== 'string';
      if (typed || (label && b.text.length > label.text.length * 1.5)) longer++;
    }
  }
  return bodies >= LAYOUT_BODY_ROWS && longer >= bodies;
}
