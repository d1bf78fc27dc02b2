/**
 * Moving about a sheet as Excel does: addresses typed into the Name Box, the cell a merge is shown
 * by, and where an arrow key takes the selection.
 */
import type ExcelJS from 'exceljs';
import { parseCell } from '../core/grid';
import { mergesOf, nextVisible, type CellView, type SheetView } from './render-model';

/** The cell the view shows for an address: the merge that covers it is shown by its top-left cell. */
export function displayedCellOf(wb: ExcelJS.Workbook, sheet: string, a1: string): { row: number; col: number } | null {
  const ws = wb.getWorksheet(sheet);
  if (!ws) return null;
  let ref: { row: number; col: number };
  try {
    const first = a1.split(':')[0] ?? a1;
    ref = parseCell(first);
  } catch {
    return null;
  }
  const m = mergesOf(ws).find((x) => ref.row >= x.top && ref.row <= x.bottom && ref.col >= x.left && ref.col <= x.right);
  if (!m) return ref;
  // A merge whose top-left is hidden is drawn at its first visible cell (see sheetView).
  const hiddenRow = (r: number) => Boolean(ws.findRow(r)?.hidden);
  const hiddenCol = (c: number) => Boolean(ws.getColumn(c).hidden);
  if (!hiddenRow(m.top) && !hiddenCol(m.left)) return { row: m.top, col: m.left };
  return { row: nextVisible(m.top, m.bottom, hiddenRow), col: nextVisible(m.left, m.right, hiddenCol) };
}

/** Each view's row and column numbers and their positions, built once per view: a 20k-row sheet's arrow key must not build them again. */
interface Positions {
  rows: number[];
  cols: number[];
  rowAt: Map<number, number>;
  colAt: Map<number, number>;
}
const positionsCache = new WeakMap<SheetView, Positions>();

function positionsOf(view: SheetView): Positions {
  let p = positionsCache.get(view);
  if (!p) {
    const rows = view.rows.map((r) => r.row);
    const cols = view.columns.map((c) => c.col);
    p = { rows, cols, rowAt: new Map(rows.map((r, i) => [r, i])), colAt: new Map(cols.map((c, i) => [c, i])) };
    positionsCache.set(view, p);
  }
  return p;
}

/** The drawn cell that covers (row, col): the cell itself, or the merge it lies in. */
export function cellCovering(view: SheetView, row: number, col: number): CellView | undefined {
  // Spans count the visible rows and columns only, so coverage is reckoned in view positions.
  const { rowAt, colAt } = positionsOf(view);
  const ri = rowAt.get(row);
  const ci = colAt.get(col);
  if (ri === undefined || ci === undefined) return undefined;
  for (let i = ri; i >= 0; i--) {
    for (const c of view.rows[i]?.cells ?? []) {
      const cc = colAt.get(c.col) ?? -1;
      if (cc <= ci && ci < cc + c.colSpan && i + c.rowSpan > ri) return c;
    }
  }
  return undefined;
}

export type Step = 'up' | 'down' | 'left' | 'right' | 'home';

/** Where an arrow key takes the selection from `from`, as Excel moves it (out of a merge, by its edge). */
export function stepFrom(view: SheetView, from: CellView, step: Step): CellView | undefined {
  const { rows, cols, rowAt, colAt } = positionsOf(view);
  if (step === 'home') return cellCovering(view, rows[0] ?? 1, cols[0] ?? 1);
  const ri = rowAt.get(from.row) ?? -1;
  const ci = colAt.get(from.col) ?? -1;
  if (ri < 0 || ci < 0) return undefined;
  const target =
    step === 'down'
      ? [rows[ri + from.rowSpan], cols[ci]]
      : step === 'up'
        ? [rows[ri - 1], cols[ci]]
        : step === 'right'
          ? [rows[ri], cols[ci + from.colSpan]]
          : [rows[ri], cols[ci - 1]];
  const [r, c] = target;
  return r === undefined || c === undefined ? undefined : cellCovering(view, r, c);
}
