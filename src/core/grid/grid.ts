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
  /**
   * How much the cell stands out from the body text: points above the workbook's body font, plus
   * one when bold (a bold 16-point title over 11-point text is 6). Absent when it does not.
   */
  emphasis?: number;
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
  /** The host read fonts: a cell without `emphasis` is plain text, not merely unknown. */
  fonts?: true;
}

/**
 * The cells whose emphasis hosts report: those alone on their row (the lines that can be titles),
 * the first `LONE_CELL_LIMIT` of a sheet, so that reading their fonts costs one small request.
 */
export const LONE_CELL_LIMIT = 2000;

export function loneCells(grid: Grid): Array<{ row: number; col: number }> {
  const out: Array<{ row: number; col: number }> = [];
  for (let r = 0; r < grid.rows.length && out.length < LONE_CELL_LIMIT; r++) {
    const line = grid.rows[r];
    if (!line) continue;
    let col = -1;
    let n = 0;
    line.forEach((c, i) => {
      if (c) {
        n++;
        col = i;
      }
    });
    if (n === 1) out.push({ row: r + 1, col: col + 1 });
  }
  return out;
}

/** Drops the emphasis a host read beyond the lone cells, so that every host reports the same. */
export function keepLoneEmphasis(grid: Grid): void {
  const keep = new Set(loneCells(grid).map((c) => `${c.row}:${c.col}`));
  grid.rows.forEach((line, r) =>
    line?.forEach((c, i) => {
      if (c?.emphasis !== undefined && !keep.has(`${r + 1}:${i + 1}`)) delete c.emphasis;
    }),
  );
}

/** How far a font stands out from the body text (see `Cell.emphasis`), as every host measures it. */
export function emphasisOf(bold: boolean, size: number | null | undefined, base = 11): number {
  return Math.max(0, Math.round(((size ?? base) - base) * 2) / 2) + (bold ? 1 : 0);
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
