/**
 * Tables the user placed by hand: a range (and header rows) kept in the mapping becomes the table's
 * segment as the user drew it, whatever the recognizer would have found there. The recognizer's
 * own tables that overlap it give way; the columns' roles are still read from their cells.
 */
import { parseRange, sheetCellAddress, type RangeRef } from '../grid';
import { t, type Lang } from '../i18n';
import type { Finding } from '../report/schema';
import { normalRange, rangedTables, type Mapping, type TableMapping } from '../settings/mapping';
import { matchHeader } from './header-match';
import { isHeaderRow, readHeaderBlock, type HeaderBlock } from './header-rows';
import { classifyRow, isTitleLine } from './layout-rows';
import type { TableSegment } from './segment';
import type { SheetView } from './sheet-view';
import { normalizeHeader } from './text';

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

/** The segment of a table placed by range; null when the range holds nothing on this sheet. */
export function mappedSegment(view: SheetView, entry: TableMapping): TableSegment | null {
  const area = parseRange(entry.range as string);
  const bottom = Math.min(area.bottom, view.rowCount);
  const right = Math.min(area.right, view.colCount);
  if (area.top > bottom || area.left > right) return null;
  let filled = false;
  for (let r = area.top; r <= bottom && !filled; r++) filled = hasCells(view, r, area.left, right);
  if (!filled) return null;
  const rows = headerRowsOf(view, entry, { ...area, bottom, right });
  if (!rows) return null;
  const header = headerOver(view, rows, area.left, right);
  const prelude: number[] = [];
  for (let r = area.top; r < (rows[0] as number); r++) if (hasCells(view, r, area.left, right)) prelude.push(r);
  const body: number[] = [];
  // Every row of the range under the header is the table's: the user drew it, so notes and gaps do not end it.
  for (let r = (rows[rows.length - 1] as number) + 1; r <= bottom; r++) if (classifyRow(view, r, area.left, right) !== 'blank') body.push(r);
  const titleRows = prelude.filter((r) => isTitleLine(view, r));
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
  return { blocks: [{ header, prelude, body }], left: area.left, right, titleRows, mapped: { range: normalRange(entry.range as string), entry } };
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
