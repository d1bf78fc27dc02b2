/** Walking the cells of a table's body that rules look at. */
import { cellAddress, columnNumber, localAddress, parseCell } from '../grid';
import type { RuleContext } from './rule';

export interface BodyCell {
  readonly row: number;
  readonly col: number;
  readonly column: string;
  readonly address: string;
  readonly text: string;
}

/**
 * Per rule context (one per table and check): the body's rows in order, and the body cells of each
 * column already gathered. Several rules walk the same columns (every hygiene rule the whole body),
 * so each column is walked once. A column is kept as two parallel arrays (rows, texts) rather than
 * an object per cell: a 100k-row table has half a million body cells, most never in a finding, and
 * objects that live through every rule cost the garbage collector more than the walk itself.
 */
interface BodyIndex {
  rows: number[];
  byColumn: Map<string, ColumnCells>;
}

interface ColumnCells {
  col: number;
  rows: number[];
  texts: string[];
}

const bodyIndexOf = new WeakMap<RuleContext, BodyIndex>();

function bodyIndex(ctx: RuleContext): BodyIndex {
  const kept = bodyIndexOf.get(ctx);
  if (kept) return kept;
  const set = new Set<number>();
  for (const t of ctx.table.tasks) for (let r = t.rows[0]; r <= t.rows[1]; r++) set.add(r);
  for (const r of ctx.orphanRows) set.add(r);
  const index: BodyIndex = { rows: [...set].sort((a, b) => a - b), byColumn: new Map() };
  bodyIndexOf.set(ctx, index);
  return index;
}

/** A body cell; its address is written out only when a rule asks (most cells never make a finding). */
class Body implements BodyCell {
  constructor(
    readonly row: number,
    readonly col: number,
    readonly column: string,
    readonly text: string,
  ) {}

  get address(): string {
    return cellAddress(this.row, this.col);
  }
}

function columnCells(ctx: RuleContext, index: BodyIndex, column: string): ColumnCells {
  const kept = index.byColumn.get(column);
  if (kept) return kept;
  const col = columnNumber(column);
  const out: ColumnCells = { col, rows: [], texts: [] };
  const lines = ctx.view.grid.rows;
  for (const r of index.rows) {
    // The cell first: most body cells of a merged column are empty, and the merge lookup costs more.
    const cell = lines[r - 1]?.[col - 1];
    if (!cell || cell.text === '' || ctx.view.merges.isCovered(r, col)) continue;
    out.rows.push(r);
    out.texts.push(cell.text);
  }
  index.byColumn.set(column, out);
  return out;
}

/**
 * Calls `visit` for every non-empty cell of the given column letters in the table body, each merged
 * cell once, column by column and down each column; a `BodyCell` is made only for what `visit`
 * returns true for, and those are returned in the same order.
 */
export function pickBodyCells(ctx: RuleContext, columns: readonly string[], visit: (row: number, col: number, text: string) => boolean): BodyCell[] {
  const index = bodyIndex(ctx);
  const out: BodyCell[] = [];
  for (const column of columns) {
    const cells = columnCells(ctx, index, column);
    const { col, rows, texts } = cells;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as number;
      const text = texts[i] as string;
      if (visit(row, col, text)) out.push(new Body(row, col, column, text));
    }
  }
  return out;
}

/** Every non-empty cell of the given column letters in the table body, each merged cell once. */
export function bodyCells(ctx: RuleContext, columns: readonly string[]): readonly BodyCell[] {
  return pickBodyCells(ctx, columns, () => true);
}

export function columnOf(ref: string): string {
  const { col } = parseCell(localAddress(ref));
  return cellAddress(1, col).replace(/\d+$/, '');
}
