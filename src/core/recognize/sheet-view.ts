/** A read-only view of a Grid for recognition: cell texts, merges resolved, rows summarized once. */
import { getCell, MergeIndex, type Cell, type Grid, type RangeRef } from '../grid';
import { cleanText } from './text';

export interface RowCell {
  col: number;
  text: string;
  /** Columns the cell spans (1 when not merged across). */
  span: number;
}

export class SheetView {
  readonly merges: MergeIndex;
  private readonly rowCellsCache: RowCell[][] = [];

  constructor(readonly grid: Grid) {
    // Locals, not fields, in the loop over every cell: reading `this` while it is being built is slower.
    const merges = (this.merges = new MergeIndex(grid));
    const rowCells = this.rowCellsCache;
    for (let r = 1; r <= grid.rowCount; r++) {
      const line = grid.rows[r - 1];
      const cells: RowCell[] = [];
      if (line) {
        for (let c = 1; c <= line.length; c++) {
          const cell = line[c - 1];
          if (!cell) continue;
          const text = cleanText(cell.text);
          if (text === null) continue;
          const m = merges.at(r, c);
          // Covered by a merge: the merge's top-left cell holds the value.
          if (m && (m.top !== r || m.left !== c)) continue;
          cells.push({ col: c, text, span: m ? m.right - m.left + 1 : 1 });
        }
      }
      rowCells[r] = cells;
    }
  }

  get rowCount(): number {
    return this.grid.rowCount;
  }

  get colCount(): number {
    return this.grid.colCount;
  }

  cell(row: number, col: number): Cell | undefined {
    return getCell(this.grid, row, col);
  }

  /** Non-empty cells of a row that are not covered by a merge, left to right. */
  rowCells(row: number): RowCell[] {
    return this.rowCellsCache[row] ?? [];
  }

  isEmptyRow(row: number): boolean {
    return this.rowCells(row).length === 0;
  }

  /** The cell's own text; '' when empty or covered by a merge. */
  text(row: number, col: number): string {
    // The row's cells are already cleaned and merge-checked; rows are short, so a scan is cheapest.
    for (const c of this.rowCells(row)) if (c.col === col) return c.text;
    return '';
  }

  /** Where the value shown at (row, col) lives: the merge's top-left cell, or the cell itself. */
  anchor(row: number, col: number): { row: number; col: number } {
    const m = this.merges.at(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** The text shown at (row, col): a covered cell shows its merge's value. */
  shownText(row: number, col: number): string {
    // As `anchor` then `text`, without building the anchor: this runs for most cells of a table.
    const m = this.merges.at(row, col);
    return m ? this.text(m.top, m.left) : this.text(row, col);
  }

  merge(row: number, col: number): RangeRef | undefined {
    return this.merges.at(row, col);
  }

  /** True when the cell is covered by a merge that begins in a row above. */
  coveredFromAbove(row: number, col: number): boolean {
    const m = this.merges.at(row, col);
    return m !== undefined && m.top < row;
  }

  /** Plain text of the row's cells, for messages and titles. */
  rowText(row: number): string {
    return this.rowCells(row)
      .map((c) => c.text)
      .join(' ');
  }
}
