/**
 * Tables the user placed by hand: a range (and header rows) kept in the mapping becomes the table's
 * segment as the user drew it, whatever the recognizer would have found there. The recognizer's
 * own tables that overlap it give way; the columns' roles are still read from their cells.
 */
import { parseRange, sheetCellAddress, type Cell, type Grid, type RangeRef } from '../grid';
import { t, type Lang } from '../i18n';
import type { Finding } from '../contract';
import { normalRange, rangedTables, type Mapping, type TableMapping } from '../settings/mapping';
import { matchHeader } from './header-match';
import { isHeaderRow, readHeaderBlock, sameHeader, type HeaderBlock } from './header-rows';
import { classifyRow, isTitleLine } from './layout-rows';
import { segmentSheet, type Block, type TableSegment } from './segment';
import { SheetView } from './sheet-view';
import { normalizeHeader } from './text';
import { minOf } from '../arrays';

/** Lines above a range that are looked at for its title (the title row over the header). */
const TITLE_LOOKBACK = 3;

function hasCells(view: SheetView, row: number, left: number, right: number): boolean {
  return view.rowCells(row).some((c) => c.col <= right && c.col + c.span - 1 >= left);
}

/** Rows at a range's top looked at for its header when the user did not say which they are. */
const HEADER_LOOKAHEAD = 4;

/**
 * The header the user gave; else the first header row near the range's top (one row, or two when
 * the second is a sub-header), so that a title row selected with the table stays its title; else
 * the first non-empty row that is not a title.
 */
function headerRowsOf(view: SheetView, entry: TableMapping, area: RangeRef): number[] | null {
  if (entry.headerRows) return entry.headerRows;
  const filled: number[] = [];
  for (let r = area.top; r <= area.bottom && filled.length < HEADER_LOOKAHEAD; r++) if (hasCells(view, r, area.left, area.right)) filled.push(r);
  const header = filled.find((r) => isHeaderRow(view, r));
  if (header !== undefined) return readHeaderBlock(view, header).rows.filter((x) => x <= area.bottom);
  const first = filled.find((r) => !isTitleLine(view, r)) ?? filled[0];
  return first === undefined ? null : [first];
}

/** The header block over exactly the range's columns and the given rows. */
function headerOver(view: SheetView, rows: number[], left: number, right: number): HeaderBlock {
  const labels = new Map<number, string[]>();
  const spanned = new Map<number, boolean>();
  const signature: string[] = [];
  const first = rows[0] as number;
  const last = rows[rows.length - 1] as number;
  let known = 0;
  for (let c = left; c <= right; c++) {
    const ls: string[] = [];
    for (const r of rows) {
      const text = view.shownText(r, c);
      if (text !== '' && !ls.includes(text)) ls.push(text);
    }
    labels.set(c, ls);
    // A label merged across columns, with nothing finer under it, only groups them (考核细则 over two).
    const m = view.merge(first, c);
    spanned.set(c, m !== undefined && m.top === first && m.right > m.left && view.shownText(last, c) === view.shownText(first, c));
    const leaf = ls.at(-1) ?? '';
    const match = matchHeader(leaf)[0];
    if (match) known++;
    signature.push(match?.role ?? normalizeHeader(leaf));
  }
  const h: HeaderBlock = { rows, left, right, labels, spanned, signature };
  // A header none of whose words are known says less of its columns: their confidence is capped as for a header found by layout.
  if (known === 0) h.byLayout = true;
  return h;
}

/** The sheet with only the range's cells: what the recognizer reads to find the blocks inside a placed table. */
function clipped(grid: Grid, area: RangeRef): Grid {
  const rows: Grid['rows'] = [];
  for (let r = area.top; r <= Math.min(area.bottom, grid.rows.length); r++) {
    const line = grid.rows[r - 1];
    if (!line) continue;
    const out: Array<Cell | undefined> = [];
    for (let c = area.left; c <= Math.min(area.right, line.length); c++) out[c - 1] = line[c - 1];
    rows[r - 1] = out;
  }
  const merges: RangeRef[] = [];
  for (const m of grid.merges) {
    const top = Math.max(m.top, area.top);
    const left = Math.max(m.left, area.left);
    const bottom = Math.min(m.bottom, area.bottom);
    const right = Math.min(m.right, area.right);
    if (top > bottom || left > right) continue;
    if (top !== m.top || left !== m.left) {
      // A merge cut by the range shows its value in the part inside it, as the sheet shows it there.
      const anchor = grid.rows[m.top - 1]?.[m.left - 1];
      const line = (rows[top - 1] ??= []);
      if (anchor) line[left - 1] = anchor;
    }
    if (bottom > top || right > left) merges.push({ top, left, bottom, right });
  }
  return { ...grid, rowCount: Math.min(area.bottom, grid.rowCount), colCount: Math.min(area.right, grid.colCount), rows, merges };
}

/** The first row of a block: its key-value block's header, or its own header. */
const blockStart = (b: Block): number => b.kv?.headerRow ?? (b.header.rows[0] as number);

/**
 * The segment of a table placed by range; null when the range holds nothing on this sheet. The
 * blocks inside it are found as the recognizer finds them on a sheet holding only the range (a
 * header repeated with its key-value block and heading continues the table); the header rows the
 * user gave replace the first block's. Every row under a header up to the next block, or to the
 * range's bottom, is body: the user drew the table, so notes and gaps inside it do not end it.
 */
export function mappedSegment(view: SheetView, entry: TableMapping): TableSegment | null {
  const area = parseRange(entry.range as string);
  const bottom = Math.min(area.bottom, view.rowCount);
  const right = Math.min(area.right, view.colCount);
  if (area.top > bottom || area.left > right) return null;
  let filled = false;
  for (let r = area.top; r <= bottom && !filled; r++) filled = hasCells(view, r, area.left, right);
  if (!filled) return null;

  const inner = new SheetView(clipped(view.grid, { ...area, bottom, right }));
  const found = segmentSheet(inner)[0];
  const aboveHeader = (rows: number[]): number[] => {
    const out: number[] = [];
    for (let r = area.top; r < (rows[0] as number); r++) if (hasCells(view, r, area.left, right)) out.push(r);
    return out;
  };
  let blocks: Block[];
  // Header rows given as the recognizer would find them anyway: its blocks, key-value blocks and all.
  const asFound = found !== undefined && entry.headerRows !== undefined && (found.blocks[0] as Block).header.rows.join() === entry.headerRows.join();
  if ((entry.headerRows && !asFound) || !found) {
    const rows = headerRowsOf(view, entry, { ...area, bottom, right }) as number[];
    const header = headerOver(view, rows, area.left, right);
    const last = rows[rows.length - 1] as number;
    // Later blocks under the same header (repeated before each item) stay blocks of this table.
    const later = (found?.blocks ?? []).filter((b) => blockStart(b) > last && sameHeader(header, headerOver(view, b.header.rows, area.left, right)));
    blocks = [{ header, prelude: aboveHeader(rows), body: [] }, ...later];
  } else {
    blocks = found.blocks.map((b, i) => ({ ...b, header: headerOver(view, b.header.rows, area.left, right), ...(i === 0 ? { prelude: aboveHeader(b.kv ? [b.kv.headerRow] : b.header.rows) } : {}) }));
  }
  blocks.forEach((b, i) => {
    const next = blocks[i + 1];
    const end = next ? minOf(next.prelude, blockStart(next)) - 1 : bottom;
    b.body = [];
    for (let r = (b.header.rows[b.header.rows.length - 1] as number) + 1; r <= end; r++) if (classifyRow(view, r, area.left, right) !== 'blank') b.body.push(r);
  });

  const first = blocks[0] as Block;
  const titleRows = [...new Set([...first.prelude.filter((r) => isTitleLine(view, r)), ...(found && (asFound || !entry.headerRows) ? found.titleRows : [])])].sort((a, b) => a - b);
  if (titleRows.length === 0) {
    // The title usually stands just above the range the user selected: the nearest title line there.
    for (let r = area.top - 1, seen = 0; r >= 1 && seen < TITLE_LOOKBACK; r--) {
      if (view.isEmptyRow(r)) continue;
      seen++;
      if (isTitleLine(view, r)) {
        titleRows.push(r);
        break;
      }
    }
  }
  return { blocks, left: area.left, right, titleRows, mapped: { range: normalRange(entry.range as string), entry } };
}

/** The rows and columns a segment covers, header to last body row. */
function extent(s: TableSegment): RangeRef {
  if (s.mapped) return parseRange(s.mapped.range);
  const first = s.blocks[0] as TableSegment['blocks'][number];
  const last = s.blocks[s.blocks.length - 1] as TableSegment['blocks'][number];
  const top = first.header.rows[0] as number;
  const bottom = last.body.at(-1) ?? (last.header.rows.at(-1) as number);
  return { top, left: s.left, bottom, right: s.right };
}

function overlaps(a: RangeRef, b: RangeRef): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/**
 * The sheet's tables with the user's placed ones in: each placed table replaces the recognizer's
 * tables it overlaps; the list is ordered top to bottom (then left to right), the order in which
 * the mapping counts tables. A placed range that holds nothing, or overlaps an earlier placed one,
 * is not used and said so.
 */
export function withMappedSegments(
  view: SheetView,
  found: TableSegment[],
  mapping: Mapping | undefined,
  sheet: string,
  lang: Lang,
): { segments: TableSegment[]; findings: Array<Omit<Finding, 'sheet'>> } {
  const entries = rangedTables(mapping, sheet);
  if (entries.length === 0) return { segments: found, findings: [] };
  const placed: TableSegment[] = [];
  const findings: Array<Omit<Finding, 'sheet'>> = [];
  for (const entry of entries) {
    const area = parseRange(entry.range as string);
    const range = normalRange(entry.range as string);
    const cell = sheetCellAddress(sheet, area.top, area.left);
    const clash = placed.find((p) => overlaps(extent(p), area));
    if (clash) {
      findings.push({ rule: 'recognize.mapping-range-overlap', severity: 'warning', cell, found: range,
        message: t(lang, 'recognize.mapping-range-overlap', { sheet, range, other: (clash.mapped as { range: string }).range }) });
      continue;
    }
    const segment = mappedSegment(view, entry);
    if (!segment) {
      findings.push({ rule: 'recognize.mapping-range-empty', severity: 'warning', cell, found: range,
        message: t(lang, 'recognize.mapping-range-empty', { sheet, range }) });
      continue;
    }
    placed.push(segment);
  }
  const kept = found.filter((s) => !placed.some((p) => overlaps(extent(p), extent(s))));
  const segments = [...placed, ...kept].sort((a, b) => extent(a).top - extent(b).top || a.left - b.left);
  return { segments, findings };
}
