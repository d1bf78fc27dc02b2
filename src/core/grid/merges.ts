/**
 * Lookup of the merged area that covers a cell: per row, the merges crossing it, ordered by their
 * left column (merges do not overlap, so at most one holds a given cell). A row's list is short —
 * a table's task columns — and searched by halves when it is not; arrays rather than one map entry
 * per merged cell, because a 100k-row table has hundreds of thousands of merged cells.
 */
import type { RangeRef } from './a1';
import type { Grid } from './grid';

export class MergeIndex {
  private readonly byRow: Array<RangeRef[] | undefined> = [];

  constructor(grid: Pick<Grid, 'merges' | 'colCount'>) {
    const unsorted = new Set<number>();
    for (const m of grid.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        let list = this.byRow[r];
        if (!list) this.byRow[r] = list = [];
        const last = list[list.length - 1];
        if (last && last.left > m.left) unsorted.add(r);
        list.push(m);
      }
    }
    for (const r of unsorted) this.byRow[r]?.sort((a, b) => a.left - b.left);
  }

  /** The merged area covering the cell, if any. */
  at(row: number, col: number): RangeRef | undefined {
    const list = this.byRow[row];
    if (!list) return undefined;
    if (list.length <= 8) {
      for (const m of list) if (m.left <= col && col <= m.right) return m;
      return undefined;
    }
    // The last merge starting at or left of `col`.
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((list[mid] as RangeRef).left <= col) lo = mid;
      else hi = mid - 1;
    }
    const m = list[lo] as RangeRef;
    return m.left <= col && col <= m.right ? m : undefined;
  }

  /** True when the cell lies inside a merged area but is not its top-left cell. */
  isCovered(row: number, col: number): boolean {
    const m = this.at(row, col);
    return m !== undefined && (m.top !== row || m.left !== col);
  }
}
