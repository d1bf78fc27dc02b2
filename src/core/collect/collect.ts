/**
 * Reading a unit's returned copy back into the master (`resptable collect`): what the unit wrote in
 * the cells it may fill becomes an edit of the master; any other cell of the copy that no longer
 * says what the master says (the copy's protection taken off and a locked cell changed) is reported
 * and not copied. Pure: grids in, edits and findings out; the host writes and journals the edits.
 */
import { cellAddress, columnNumber, sheetCellAddress, type Cell, type Grid } from '../grid';
import type { SplitManifest } from './manifest';

/** A value as the master will hold it: a date as its serial in a date format. */
export interface CollectedValue {
  value: string | number | boolean | null;
  numFmt?: string;
}

export interface CollectEdit {
  sheet: string;
  /** Master cell (`K5`). */
  cell: string;
  /** The copy's cell, for the report. */
  from: string;
  before: string;
  after: string;
  value: CollectedValue;
}

export interface OutsideChange {
  /** The copy's cell (`Sheet1!E5`). */
  cell: string;
  /** The master's cell it stands for, when the row is one the split made. */
  masterCell?: string;
  found: string;
  expected: string;
}

export interface CollectResult {
  edits: CollectEdit[];
  outside: OutsideChange[];
  /** Sheets the manifest names that the copy or the master no longer has. */
  missingSheets: string[];
}

function valueOf(c: Cell | undefined): CollectedValue {
  if (!c) return { value: null };
  const v = c.value;
  switch (v.kind) {
    case 'number':
      return { value: v.value };
    case 'boolean':
      return { value: v.value };
    case 'date':
      return { value: v.serial, numFmt: 'yyyy-mm-dd' };
    case 'string':
      return { value: v.value === '' ? null : v.value };
    default:
      // An error value (#N/A) is what the cell shows.
      return { value: c.text };
  }
}

function sameValue(a: CollectedValue, b: CollectedValue): boolean {
  if (typeof a.value === 'number' && typeof b.value === 'number') return Math.abs(a.value - b.value) < 1e-9;
  const x = typeof a.value === 'string' ? a.value.trim() : a.value;
  const y = typeof b.value === 'string' ? b.value.trim() : b.value;
  return x === y || ((x === null || x === '') && (y === null || y === ''));
}

function at(g: Grid, row: number, col: number): Cell | undefined {
  return g.rows[row - 1]?.[col - 1];
}

function shown(c: Cell | undefined): string {
  return c ? (c.formula !== undefined ? c.text || `=${c.formula}` : c.text).trim() : '';
}

/** The edits and the changes outside the fillable cells, for one returned copy. */
export function collectCopy(manifest: SplitManifest, copy: readonly Grid[], master: readonly Grid[]): CollectResult {
  const edits: CollectEdit[] = [];
  const outside: OutsideChange[] = [];
  const missingSheets: string[] = [];
  for (const s of manifest.sheets) {
    const cg = copy.find((g) => g.name === s.sheet);
    const mg = master.find((g) => g.name === s.sheet);
    if (!cg || !mg) {
      missingSheets.push(s.sheet);
      continue;
    }
    const fillRows = new Set(s.fillRows);
    const fillCols = new Map(s.columns.map((c) => [columnNumber(c.column), c]));
    const width = Math.max(cg.colCount, mg.colCount);
    let lastCopyRow = 0;
    for (const [copyRow, masterRow] of s.rows) {
      lastCopyRow = Math.max(lastCopyRow, copyRow);
      for (let col = 1; col <= width; col++) {
        const cc = at(cg, copyRow, col);
        const mc = at(mg, masterRow, col);
        const fill = fillCols.get(col);
        const header = fill?.added === true && fill.headerRows.includes(masterRow);
        if ((fill && fillRows.has(masterRow)) || header) {
          const a = valueOf(cc);
          const b = valueOf(mc);
          if (!sameValue(a, b) && !(header && a.value === null)) {
            edits.push({ sheet: s.sheet, cell: cellAddress(masterRow, col), from: sheetCellAddress(s.sheet, copyRow, col), before: shown(mc), after: shown(cc), value: a });
          }
          continue;
        }
        // Added columns are empty in the master but for their headers: nothing to compare there.
        if (fill?.added && !cc) continue;
        const found = shown(cc);
        const expected = shown(mc);
        if (found !== expected) outside.push({ cell: sheetCellAddress(s.sheet, copyRow, col), masterCell: sheetCellAddress(s.sheet, masterRow, col), found, expected });
      }
    }
    // Rows the unit added below what it was sent are outside the fillable cells too.
    for (let r = lastCopyRow + 1; r <= cg.rowCount; r++) {
      for (let col = 1; col <= cg.colCount; col++) {
        const found = shown(at(cg, r, col));
        if (found !== '') outside.push({ cell: sheetCellAddress(s.sheet, r, col), found, expected: '' });
      }
    }
  }
  return { edits, outside, missingSheets };
}
