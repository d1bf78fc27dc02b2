/**
 * Sheet → table segments: header blocks, the key-value blocks and headings before them, and the
 * body rows under them. A header that repeats with the same columns continues the same table, even
 * when a title, a heading or a key-value block stands between.
 */
import { isHeaderRow, isLayoutHeaderRow, readHeaderBlock, sameHeader, type HeaderBlock } from './header-rows';
import { matchHeader } from './header-match';
import { isStatusWord } from './content-signals';
import { classifyRow, isFooterLine, isGrandTotalLabel, isNoteLabel, isOpeningLine, isTitleLine, lineKind, titleLines } from './layout-rows';
import type { Role } from '../contract';
import type { SheetView } from './sheet-view';
import type { TableMapping } from '../settings/mapping';
import { maxOf, pushAll } from '../arrays';

export interface KvEntry {
  col: number;
  label: string;
  value: string | null;
  role: Role | null;
}

/** A block such as `牵头领导 项目负责人 牵头部门 配合部门` over one row of values. */
export interface KvBlock {
  headerRow: number;
  valueRow: number;
  entries: KvEntry[];
}

export interface Block {
  header: HeaderBlock;
  kv?: KvBlock;
  /** Rows between the previous block (or table, or sheet top) and this header. */
  prelude: number[];
  /** Body rows in order, single-line rows (sections, headings) included, blank rows not. */
  body: number[];
}

export interface TableSegment {
  blocks: Block[];
  left: number;
  right: number;
  titleRows: number[];
  /** Set when the user placed this table by range (manual-segment.ts): the range as the report writes it. */
  mapped?: { range: string; entry: TableMapping };
}

/** Blank rows in a row that end a table. */
const MAX_BLANK_GAP = 2;

/** The body rows of all the segment's blocks, in order, as a new array (copied in a loop: `flatMap` is several times slower on a long body). */
export function segmentBody(segment: TableSegment): number[] {
  if (segment.blocks.length === 1) return (segment.blocks[0] as Block).body.slice();
  const out: number[] = [];
  for (const b of segment.blocks) pushAll(out, b.body);
  return out;
}

function readKv(view: SheetView, header: HeaderBlock, valueRow: number): KvBlock {
  const entries: KvEntry[] = [];
  for (let c = header.left; c <= header.right; c++) {
    if (view.merges.isCovered(header.rows[0] as number, c)) continue;
    const label = view.text(header.rows[0] as number, c);
    if (label === '') continue;
    const value = view.shownText(valueRow, c);
    entries.push({ col: c, label, value: value === '' ? null : value, role: matchHeader(label)[0]?.role ?? null });
  }
  return { headerRow: header.rows[0] as number, valueRow, entries };
}

function insideMergedItem(view: SheetView, row: number): boolean {
  if (row <= 1) return false;
  for (let c = 1; c <= view.colCount; c++) {
    const m = view.merge(row, c);
    // Merged down into this row from a row above, and not a header merged over two header rows.
    if (m && m.top < row && m.bottom > row && m.right === m.left) return true;
  }
  return false;
}

function findHeaders(view: SheetView): HeaderBlock[] {
  const out: HeaderBlock[] = [];
  for (let r = 1; r <= view.rowCount; r++) {
    // A row that a merged cell from above runs through is inside an item (a score grid under a risk), not a header.
    if (!isHeaderRow(view, r) || insideMergedItem(view, r)) continue;
    const h = readHeaderBlock(view, r);
    out.push(h);
    r = h.rows[h.rows.length - 1] as number;
  }
  if (out.length > 0) return out;
  // No header in words we know: the first row laid out as one, and the same header where it repeats.
  for (let r = 1; r <= view.rowCount; r++) {
    if (out.length === 0 ? !isLayoutHeaderRow(view, r) : !sameHeader(out[0] as HeaderBlock, readHeaderBlock(view, r))) continue;
    const h = readHeaderBlock(view, r);
    h.byLayout = true;
    out.push(h);
    r = h.rows[h.rows.length - 1] as number;
  }
  return out;
}

/** The body under a header: rows up to the last body row before `limit`, stopping at notes or a blank gap. */
function readBody(view: SheetView, header: HeaderBlock, limit: number): number[] {
  const start = (header.rows[header.rows.length - 1] as number) + 1;
  const rows: number[] = [];
  let lastBody = -1;
  let blanks = 0;
  for (let r = start; r <= limit; r++) {
    const kind = classifyRow(view, r, header.left, header.right);
    if (kind === 'blank') {
      if (++blanks >= MAX_BLANK_GAP && lastBody >= 0) break;
      continue;
    }
    const cells = view.rowCells(r);
    const first = cells[0];
    if (first && (isFooterLine(first.text) || (cells.length > 1 && isNoteLabel(first.text)))) break;
    if (blanks >= MAX_BLANK_GAP) break;
    blanks = 0;
    rows.push(r);
    // A grand total standing alone (`综合得分：    分`) is the form's last row, inside it.
    if (kind === 'body' || (first && cells.length === 1 && isGrandTotalLabel(first.text) && lastBody >= 0)) lastBody = rows.length - 1;
    // A grand total (合计, 总分, Total) closes the items: what follows signs the form off or comments on it.
    // (A 总分 line straight under the header states the form's total before its items: no end.)
    if (first && isGrandTotalLabel(first.text) && lastBody > 0) break;
  }
  return rows.slice(0, lastBody + 1);
}

/**
 * A column just right of the header with no header text, whose filled body cells are all status
 * words, is the table's status column: one a person added without a label, or the one the add-in
 * added, read after its label was taken back (the statuses typed into it are the user's data).
 */
function widenOverStatusColumns(view: SheetView, segment: TableSegment): void {
  const headerRows = segment.blocks.flatMap((b) => b.header.rows);
  const body = segmentBody(segment);
  for (let c = segment.right + 1; c <= view.colCount; c++) {
    if (headerRows.some((r) => view.shownText(r, c) !== '')) return;
    const filled = body.map((r) => view.text(r, c)).filter((t) => t !== '');
    if (filled.length === 0 || !filled.every(isStatusWord)) return;
    segment.right = c;
  }
}

/**
 * Section lines merged across the table's whole width (`A5:C5` over a header ending at B) draw its
 * right edge: the empty columns they span are the table's, left blank.
 */
function widenToMergedSections(view: SheetView, segment: TableSegment): void {
  const body = segment.blocks.flatMap((b) => b.body);
  const sections = body.map((r) => view.rowCells(r)).filter((cells) => cells.length === 1 && (cells[0] as { col: number }).col === segment.left);
  const spans = sections.map((cells) => segment.left + (cells[0] as { span: number }).span - 1);
  if (spans.length === 0 || spans.some((end) => end !== spans[0]) || (spans[0] as number) <= segment.right) return;
  const end = spans[0] as number;
  const headerRows = segment.blocks.flatMap((b) => b.header.rows);
  for (let c = segment.right + 1; c <= end; c++) {
    if ([...headerRows, ...body].some((r) => view.text(r, c) !== '' && view.anchor(r, c).col === c)) return;
  }
  segment.right = end;
}

/**
 * A column left of the header with no label of its own but a value on most body rows (a risk
 * register's `Precept`, `Records`… under a blank corner cell) belongs to the table.
 */
function widenOverUnlabelledLeft(view: SheetView, segment: TableSegment): void {
  const headerRows = segment.blocks.flatMap((b) => b.header.rows);
  const body = segmentBody(segment).filter((r) => cellsFrom(view, r, segment.left) >= 2);
  if (body.length < 2) return;
  for (let c = segment.left - 1; c >= 1; c--) {
    if (headerRows.some((r) => view.shownText(r, c) !== '' || view.coveredFromAbove(r, c))) return;
    const filled = body.filter((r) => view.text(r, c) !== '' || view.coveredFromAbove(r, c)).length;
    if (filled < 0.6 * body.length) return;
    segment.left = c;
    for (const b of segment.blocks) b.header.left = Math.min(b.header.left, c);
  }
}

/** How many of the row's cells stand at or right of `left` (counted, not filtered: asked of every body row). */
function cellsFrom(view: SheetView, row: number, left: number): number {
  let n = 0;
  for (const c of view.rowCells(row)) if (c.col >= left) n++;
  return n;
}

/** Rows under a header looked at to see which columns its items fill. */
const EDGE_SAMPLE_ROWS = 12;

/**
 * A header whose first or last label is blank (a corner cell left empty, a last column never named)
 * still heads the columns its rows fill: a column just beyond the labels, blank in the header and
 * filled on most of the rows below, belongs to the header before its body is read.
 */
function widenOverUnlabelledEdges(view: SheetView, header: HeaderBlock, lastRow: number): void {
  const below: number[] = [];
  for (let r = (header.rows[header.rows.length - 1] as number) + 1; r <= lastRow && below.length < EDGE_SAMPLE_ROWS; r++) {
    if (view.isEmptyRow(r)) {
      if (below.length > 0) break;
      continue;
    }
    if (view.rowCells(r).filter((c) => c.col >= header.left && c.col <= header.right).length >= 1) below.push(r);
  }
  if (below.length < 2) return;
  const blankInHeader = (c: number): boolean => header.rows.every((r) => view.shownText(r, c) === '' && !view.coveredFromAbove(r, c));
  // Left of the labels sits the item's name (a risk's subject); right of them a note a person added
  // beside a few rows is no column: the right edge must be filled on nearly every row.
  const filledBelow = (c: number, share: number): boolean => below.filter((r) => view.text(r, c) !== '' || view.coveredFromAbove(r, c)).length >= share * below.length;
  const widen = (c: number): void => {
    header.labels.set(c, []);
    header.spanned.set(c, false);
  };
  while (header.left > 1 && blankInHeader(header.left - 1) && filledBelow(header.left - 1, 0.6)) {
    header.left--;
    widen(header.left);
    header.signature.unshift('');
  }
  while (header.right < view.colCount && blankInHeader(header.right + 1) && filledBelow(header.right + 1, 0.8)) {
    header.right++;
    widen(header.right);
    header.signature.push('');
  }
}

export function segmentSheet(view: SheetView): TableSegment[] {
  const headers = findHeaders(view);
  // A one-row header with a single row of values straight before the next header is a key-value block.
  const main: Array<{ header: HeaderBlock; kv?: KvBlock }> = [];
  let pendingKv: KvBlock | undefined;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i] as HeaderBlock;
    const next = headers[i + 1];
    const hr = h.rows[0] as number;
    if (next && h.rows.length === 1 && !sameHeader(h, next) && (next.rows[0] as number) - hr <= 3) {
      const between: number[] = [];
      for (let r = hr + 1; r < (next.rows[0] as number); r++) if (!view.isEmptyRow(r)) between.push(r);
      if (between.length === 1 && between[0] === hr + 1) {
        pendingKv = readKv(view, h, hr + 1);
        continue;
      }
    }
    main.push(pendingKv ? { header: h, kv: pendingKv } : { header: h });
    pendingKv = undefined;
  }

  const segments: TableSegment[] = [];
  let previousEnd = 0;
  let current: TableSegment | undefined;
  for (let j = 0; j < main.length; j++) {
    const { header: h, kv } = main[j] as { header: HeaderBlock; kv?: KvBlock };
    const next = main[j + 1];
    const nextStart = next ? (next.kv ? next.kv.headerRow : (next.header.rows[0] as number)) : view.rowCount + 1;
    widenOverUnlabelledEdges(view, h, nextStart - 1);
    const body = readBody(view, h, nextStart - 1);
    const blockStart = kv ? kv.headerRow : (h.rows[0] as number);
    const prelude: number[] = [];
    for (let r = previousEnd + 1; r < blockStart; r++) if (!view.isEmptyRow(r)) prelude.push(r);
    const block: Block = { header: h, prelude, body };
    if (kv) block.kv = kv;
    const first = current?.blocks[0];
    if (current && first && sameHeader(first.header, h)) {
      current.blocks.push(block);
      current.right = Math.max(current.right, h.right);
    } else {
      current = { blocks: [block], left: h.left, right: h.right, titleRows: [] };
      segments.push(current);
    }
    const band = sectionBand(view, prelude, h);
    pushAll(current.titleRows, titleLines(view, band === null ? prelude : prelude.filter((r) => r !== band), previousEnd === 0));
    previousEnd = body.length > 0 ? (body[body.length - 1] as number) : (h.rows[h.rows.length - 1] as number);
  }
  for (const s of segments) {
    widenOverStatusColumns(view, s);
    widenOverUnlabelledLeft(view, s);
    widenToMergedSections(view, s);
  }
  return segments;
}

/** The last section line and the last item heading before a block's header. */
export function preludeHeadings(view: SheetView, block: Block): { section: number | null; heading: number | null } {
  let section: number | null = null;
  let heading: number | null = null;
  for (const r of block.prelude) {
    const single = view.rowCells(r).length === 1;
    const kind = single ? lineKind(view, r) : 'other';
    if (kind === 'section') {
      section = r;
      heading = null;
    } else if (kind === 'heading') heading = r;
    // Rows of other data between a heading and the header (a funds table of a form) part them: the
    // heading names that data, not this block's item. A key-value block of the item does not.
    else if (!single && r !== block.kv?.headerRow && r !== block.kv?.valueRow) heading = null;
  }
  if (section === null) section = sectionBand(view, block.prelude, block.header);
  return { section, heading };
}

/**
 * A short label alone on its line under the title and over the header (`Financial Control`,
 * `Preventing Disease`, `洪湖鹏市长主抓重点工作`), with at most a line explaining it in between, names
 * the group of items below: a band, as a section heading in the body does. Not a band: a line that
 * names a document (a title), fills in or dates the form, numbers an item, or repeats the header's
 * own words (`衡量指標` over a `衡量指標` column, `環保事務` over `環保事務目標`).
 */
const SECTION_NUMBER = /^\d{1,2}(?:\.\d{1,2})+\s+(?=\S)/;

export function sectionBand(view: SheetView, prelude: readonly number[], header: HeaderBlock): number | null {
  const lines = prelude.filter((r) => view.rowCells(r).length === 1);
  if (lines.length !== prelude.length || lines.length < 2) return null;
  const text = (r: number): string => (view.rowCells(r)[0] as { text: string }).text.trim();
  const headerText = header.rows.flatMap((r) => view.rowCells(r).map((c) => c.text)).join('\n');
  const isBand = (r: number): boolean => {
    // A section's own number (`1.0 Promote Accessibility`) opens a band as well.
    const t = text(r).replace(SECTION_NUMBER, '');
    return (
      t.length >= 2 && t.length <= 30 && !/[。；;.,，:：!?！？()（）\d]/.test(t) && lineKind(view, r) === 'other' && !isFooterLine(t) && !headerText.includes(t)
    );
  };
  const explains = (r: number): boolean => text(r).length > 30 && lineKind(view, r) === 'other';
  // Where the fonts are known, the line set largest is the title, whatever it says.
  const strength = (r: number): number => view.cell(r, (view.rowCells(r)[0] as { col: number }).col)?.emphasis ?? 0;
  const top = lines.length > 0 ? Math.max(0, maxOf(lines.map(strength))) : 0;
  const last = lines.length - 1;
  const at = isBand(lines[last] as number) ? last : last >= 2 && explains(lines[last] as number) && isBand(lines[last - 1] as number) ? last - 1 : -1;
  // A title stands above it: without one, the short line under a preamble is the table's name.
  const titled = lines.slice(0, Math.max(at, 0)).some((r, i) => isTitleLine(view, r) || (i === 0 && isOpeningLine(view, r)));
  if (at < 1 || !titled || (top > 0 && strength(lines[at] as number) === top)) return null;
  return lines[at] as number;
}
