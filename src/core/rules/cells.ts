/** Walking the cells of a table's body that rules look at. */
import { cellAddress, columnNumber, parseCell } from '../grid';
import type { RuleContext } from './rule';

export interface BodyCell {
  row: number;
  col: number;
  column: string;
  address: string;
  text: string;
}

/** Every non-empty cell of the given column letters in the table body, each merged cell once. */
export function bodyCells(ctx: RuleContext, columns: readonly string[]): BodyCell[] {
  const out: BodyCell[] = [];
  const rows = new Set<number>();
  for (const t of ctx.table.tasks) for (let r = t.rows[0]; r <= t.rows[1]; r++) rows.add(r);
  for (const r of ctx.orphanRows) rows.add(r);
  for (const column of columns) {
    const col = columnNumber(column);
    for (const r of [...rows].sort((a, b) => a - b)) {
      if (ctx.view.merges.isCovered(r, col)) continue;
      const cell = ctx.view.cell(r, col);
      if (!cell || cell.text === '') continue;
      out.push({ row: r, col, column, address: cellAddress(r, col), text: cell.text });
    }
  }
  return out;
}

/** The sheet-less address of a report cell reference (`Sheet1!G31` → `G31`). */
export function localAddress(ref: string): string {
  return ref.slice(ref.lastIndexOf('!') + 1);
}

export function columnOf(ref: string): string {
  const { col } = parseCell(localAddress(ref));
  return cellAddress(1, col).replace(/\d+$/, '');
}
