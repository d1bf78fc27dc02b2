/**
 * A host-neutral snapshot of one worksheet. Hosts (ExcelJS, Office.js) fill it; everything in
 * core reads only this. Plain data, so it can cross a worker or a JSON boundary unchanged.
 */
import type { RangeRef } from './a1';

export type CellValue =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  /** `value` is an ISO date (`2018-03-31`) or date-time; `serial` the Excel serial number. */
  | { kind: 'date'; value: string; serial: number }
  | { kind: 'error'; value: string };

export interface Cell {
  value: CellValue;
  /** The text as displayed (or as near as the host can tell). */
  text: string;
  /** Number format code, when not General. */
  format?: string;
  /** Formula without the leading `=`, when the cell holds one; `value` is then its cached result. */
  formula?: string;
}

export interface Grid {
  /** Sheet name. */
  name: string;
  /** Last used row and column (1-based); 0 for an empty sheet. */
  rowCount: number;
  colCount: number;
  /** `rows[r - 1][c - 1]`, sparse: missing rows and cells are empty. */
  rows: (Array<Cell | undefined> | undefined)[];
  merges: RangeRef[];
  hiddenRows: number[];
  hiddenCols: number[];
  /** Sheet visibility as the host reports it. */
  visibility?: 'visible' | 'hidden' | 'veryHidden';
}

export function getCell(grid: Grid, row: number, col: number): Cell | undefined {
  return grid.rows[row - 1]?.[col - 1];
}

export function emptyGrid(name: string): Grid {
  return { name, rowCount: 0, colCount: 0, rows: [], merges: [], hiddenRows: [], hiddenCols: [] };
}

/** Builds a grid from a matrix of plain values; for tests and for hosts that hold values only. */
export function gridFromMatrix(
  name: string,
  matrix: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>,
  merges: RangeRef[] = [],
): Grid {
  const rows: Grid['rows'] = [];
  let colCount = 0;
  matrix.forEach((line, r) => {
    const out: Array<Cell | undefined> = [];
    line.forEach((v, c) => {
      if (v === null || v === undefined || v === '') return;
      out[c] = cellOf(v);
      colCount = Math.max(colCount, c + 1);
    });
    rows[r] = out;
  });
  let rowCount = 0;
  rows.forEach((line, i) => {
    if (line && line.some((c) => c !== undefined)) rowCount = i + 1;
  });
  for (const m of merges) {
    rowCount = Math.max(rowCount, m.bottom);
    colCount = Math.max(colCount, m.right);
  }
  return { name, rowCount, colCount, rows, merges, hiddenRows: [], hiddenCols: [] };
}

export function cellOf(v: string | number | boolean): Cell {
  if (typeof v === 'number') return { value: { kind: 'number', value: v }, text: String(v) };
  if (typeof v === 'boolean') return { value: { kind: 'boolean', value: v }, text: v ? 'TRUE' : 'FALSE' };
  return { value: { kind: 'string', value: v }, text: v };
}
