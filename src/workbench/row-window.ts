/**
 * The rows of a large sheet the grid draws: those in view plus a margin, found from each row's
 * height (its own, or the height a row of one line of text takes), with the merges cut to the
 * window: a merge that starts above the window is drawn from the window's first row, and one that
 * runs past its end stops there, so that the table's rows and columns still line up.
 */
import type { CellView, RowView } from './render-model';

/** Sheets up to this many rows are drawn whole (each row its true height); larger ones a window of them. */
export const WINDOW_FROM_ROWS = 400;
/** Rows drawn above and below those in view, so that a short scroll or an arrow key finds them there. */
export const WINDOW_MARGIN_ROWS = 30;

/** The top of each row and, last, the sheet's height (px): rows without a height of their own take `autoPx`. */
export function rowOffsets(rows: readonly RowView[], autoPx: number): Float64Array {
  const out = new Float64Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) out[i + 1] = (out[i] as number) + ((rows[i] as RowView).heightPx ?? autoPx);
  return out;
}

/** The first row whose bottom is below `y` (binary search over the offsets). */
function rowAt(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((offsets[mid + 1] as number) <= y) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo);
}

/** The rows (indexes, end exclusive) covering [top, top + height) of the body, with the margin. */
export function visibleRange(offsets: Float64Array, top: number, height: number, margin = WINDOW_MARGIN_ROWS): { start: number; end: number } {
  const n = offsets.length - 1;
  if (n <= 0) return { start: 0, end: 0 };
  const first = rowAt(offsets, Math.max(0, top));
  const last = rowAt(offsets, Math.max(0, top + height));
  return { start: Math.max(0, first - margin), end: Math.min(n, last + 1 + margin) };
}

/** The cells that span more than one row, by the index of their row, for finding those that reach into a window. */
export interface TallCells {
  at: { index: number; cell: CellView }[];
  /** The most rows any of them spans. */
  maxSpan: number;
}

export function tallCellsOf(rows: readonly RowView[]): TallCells {
  const at: TallCells['at'] = [];
  let maxSpan = 1;
  rows.forEach((r, index) => {
    for (const cell of r.cells) {
      if (cell.rowSpan <= 1) continue;
      at.push({ index, cell });
      if (cell.rowSpan > maxSpan) maxSpan = cell.rowSpan;
    }
  });
  return { at, maxSpan };
}

/** The first entry whose row index is at least `index`. */
function firstAtOrAfter(at: TallCells['at'], index: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((at[mid] as TallCells['at'][number]).index < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Rows start..end-1, ready to draw as a table of their own: the first row takes the cells of merges
 * from above that reach into it (their span cut to what is left of them), and every span stops at the
 * window's end. Rows that need no change are the view's own objects, so unchanged rows stay memoized.
 */
export function windowRows(rows: readonly RowView[], tall: TallCells, start: number, end: number): RowView[] {
  const out: RowView[] = [];
  for (let i = start; i < end; i++) {
    const row = rows[i] as RowView;
    let cells: CellView[] | null = null;
    if (i === start && start > 0) {
      const carried: CellView[] = [];
      for (let k = firstAtOrAfter(tall.at, start) - 1; k >= 0; k--) {
        const t = tall.at[k] as TallCells['at'][number];
        if (t.index < start - tall.maxSpan) break;
        if (t.index + t.cell.rowSpan > start) carried.push({ ...t.cell, rowSpan: t.index + t.cell.rowSpan - start });
      }
      if (carried.length > 0) cells = [...row.cells, ...carried].sort((a, b) => a.col - b.col);
    }
    const base = cells ?? row.cells;
    if (base.some((c) => i + c.rowSpan > end)) cells = base.map((c) => (i + c.rowSpan > end ? { ...c, rowSpan: end - i } : c));
    out.push(cells ? { ...row, cells } : row);
  }
  return out;
}
