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

/**
 * Per rule context (one per table and check): the body's rows in order, and the body cells
 * already gathered by columns. Several rules walk the same columns (every hygiene rule the whole
 * body), so each walk is done once; the lists handed out are frozen, shared by the rules.
 */
interface BodyIndex {
  rows: number[];
  cells: Map<string, readonly BodyCell[]>;
}

const bodyIndexOf = new WeakMap<RuleContext, BodyIndex>();

function bodyIndex(ctx: RuleContext): BodyIndex {
  const kept = bodyIndexOf.get(ctx);
  if (kept) return kept;
  const set = new Set<number>();
  for (const t of ctx.table.tasks) for (let r = t.rows[0]; r <= t.rows[1]; r++) set.add(r);
  for (const r of ctx.orphanRows) set.add(r);
  const index: BodyIndex = { rows: [...set].sort((a, b) => a - b), cells: new Map() };
  bodyIndexOf.set(ctx, index);
  return index;
}

/** Every non-empty cell of the given column letters in the table body, each merged cell once. */
export function bodyCells(ctx: RuleContext, columns: readonly string[]): readonly BodyCell[] {
  const index = bodyIndex(ctx);
  const key = columns.join(',');
  const kept = index.cells.get(key);
  if (kept) return kept;
  const out: BodyCell[] = [];
  for (const column of columns) {
    const col = columnNumber(column);
    for (const r of index.rows) {
      if (ctx.view.merges.isCovered(r, col)) continue;
      const cell = ctx.view.cell(r, col);
      if (!cell || cell.text === '') continue;
      out.push({ row: r, col, column, address: cellAddress(r, col), text: cell.text });
    }
  }
  Object.freeze(out);
  index.cells.set(key, out);
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
