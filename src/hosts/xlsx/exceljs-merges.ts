/**
 * ExcelJS checks each new merge against every earlier one (`Worksheet._mergeCellsInternal`, open
 * upstream as exceljs#2689 and #418, fixes unmerged, no release since 4.4.0), which makes loading
 * a 10,000-row table with its task cells merged take close to a minute. This puts in its place
 * the same merge with the same refusal of overlaps, found through the cells the merge covers
 * (which it visits anyway): linear in the merged area. Installed once, on the prototype found
 * through a worksheet, so that it holds for the Node build and the browser bundle alike.
 */
import ExcelJS from 'exceljs';
import type { RangeRef } from '../../core/grid';

type Dimensions = RangeRef;

interface MergeCell {
  type: number;
  address: string;
  merge(master: MergeCell, ignoreStyle?: boolean): void;
}

interface WorksheetInternals {
  _merges: Record<string, Dimensions>;
  getCell(row: number, col: number): MergeCell;
  _mergeCellsInternal(dimensions: Dimensions, ignoreStyle?: boolean): void;
  __linearMerges?: true;
}

export function installLinearMerges(): void {
  const proto = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet('x')) as WorksheetInternals;
  if (proto.__linearMerges) return;
  proto._mergeCellsInternal = function mergeCellsInternal(this: WorksheetInternals, d: Dimensions, ignoreStyle?: boolean) {
    // A cell already under a merge is a merged-over cell or the top-left cell of a merge (of one cell, too).
    for (let i = d.top; i <= d.bottom; i++) {
      for (let j = d.left; j <= d.right; j++) {
        const cell = this.getCell(i, j);
        if (cell.type === ExcelJS.ValueType.Merge || this._merges[cell.address]) throw new Error('Cannot merge already merged cells');
      }
    }
    const master = this.getCell(d.top, d.left);
    for (let i = d.top; i <= d.bottom; i++) {
      for (let j = d.left; j <= d.right; j++) {
        if (i > d.top || j > d.left) this.getCell(i, j).merge(master, ignoreStyle);
      }
    }
    this._merges[master.address] = d;
  };
  proto.__linearMerges = true;
}
