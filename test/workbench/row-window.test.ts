/** The rows a large sheet's grid draws: the window in view, its merges cut to it. */
import ExcelJS from 'exceljs';
import { sheetView } from '../../src/workbench/render-model';
import { rowOffsets, tallCellsOf, visibleRange, windowRows } from '../../src/workbench/row-window';
import type { RowView } from '../../src/workbench/render-model';

/** Ten rows; B2:B5 and C4:C9 merged; row 3 is 40 px tall. */
function rows(): RowView[] {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  for (let r = 1; r <= 10; r++) ws.getCell(r, 1).value = `a${r}`;
  ws.getCell('B2').value = 'b';
  ws.mergeCells('B2:B5');
  ws.getCell('C4').value = 'c';
  ws.mergeCells('C4:C9');
  ws.getRow(3).height = 30;
  return sheetView(wb, 'S', null, { maxRows: 10, maxCols: 4, minRows: 10, minCols: 4 })!.rows;
}

describe('row window', () => {
  test('offsets: rows without a height take the one-line height', () => {
    const o = rowOffsets(rows(), 20);
    // Row 3 is 30 pt = 40 px; the others 20.
    expect(Array.from(o.slice(0, 5))).toEqual([0, 20, 40, 80, 100]);
    expect(o[10]).toBe(220);
  });

  test('the visible range is the rows under the scrolled box, with the margin', () => {
    const o = rowOffsets(rows(), 20);
    expect(visibleRange(o, 0, 30, 0)).toEqual({ start: 0, end: 2 });
    // y = 50 lies in row 3 (40..80), y = 90 in row 4 (80..100).
    expect(visibleRange(o, 50, 40, 0)).toEqual({ start: 2, end: 4 });
    expect(visibleRange(o, 50, 40, 1)).toEqual({ start: 1, end: 5 });
    expect(visibleRange(o, 5000, 40, 2)).toEqual({ start: 7, end: 10 });
  });

  test('a merge from above the window is drawn from its first row, cut to what is left of it', () => {
    const all = rows();
    const w = windowRows(all, tallCellsOf(all), 3, 6);
    expect(w.map((r) => r.row)).toEqual([4, 5, 6]);
    const first = w[0]!.cells.map((c) => [c.a1, c.rowSpan]);
    // B2:B5 has rows 4 and 5 left; C4:C9 starts here and stops at the window's end (row 6).
    expect(first).toEqual([['A4', 1], ['B2', 2], ['C4', 3], ['D4', 1]]);
    expect(w[0]!.cells.map((c) => c.col)).toEqual([1, 2, 3, 4]);
    // The rows below keep only their own cells.
    expect(w[1]!.cells.map((c) => c.a1)).toEqual(['A5', 'D5']);
  });

  test('rows that need no cutting are the view\'s own objects', () => {
    const all = rows();
    const w = windowRows(all, tallCellsOf(all), 0, 10);
    expect(w.every((r, i) => r === all[i])).toBe(true);
  });
});
