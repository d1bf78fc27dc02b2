/** Constant-time lookup of the merged area that covers a cell. */
import type { RangeRef } from './a1';
import type { Grid } from './grid';
import { maxOf } from '../arrays';

export class MergeIndex {
  private readonly byCell = new Map<number, RangeRef>();
  private readonly width: number;

  constructor(grid: Pick<Grid, 'merges' | 'colCount'>) {
    this.width = maxOf(grid.merges.map((m) => m.right), Math.max(grid.colCount, 1)) + 1;
    for (const m of grid.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) this.byCell.set(r * this.width + c, m);
      }
    }
  }

  /** The merged area covering the cell, if any. */
  at(row: number, col: number): RangeRef | undefined {
    if (col >= this.width) return undefined;
    return this.byCell.get(row * this.width + col);
  }

  /** True when the cell lies inside a merged area but is not its top-left cell. */
  isCovered(row: number, col: number): boolean {
    const m = this.at(row, col);
    return m !== undefined && (m.top !== row || m.left !== col);
  }
}
