/** Walking the cells of a table's body that rules look at. */
import { cellAddress, columnNumber, parseCell } from '../grid';
import { pushAll } from '../arrays';
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
 * so each column is walked once; the lists handed out are frozen, shared by the rules.
 */
interface BodyIndex {
  rows: number[];
  byColumn: Map<string, readonly BodyCell[]>;
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

function columnCells(ctx: RuleContext, index: BodyIndex, column: string): readonly BodyCell[] {
  const kept = index.byColumn.get(column);
  if (kept) return kept;
  const col = columnNumber(column);
  const out: BodyCell[] = [];
  for (const r of index.rows) {
    if (ctx.view.merges.isCovered(r, col)) continue;
    const cell = ctx.view.cell(r, col);
    if (!cell || cell.text === '') continue;
    out.push(new Body(r, col, column, cell.text));
  }
  Object.freeze(out);
  index.byColumn.set(column, out);
  return out;
}

/** Every non-empty cell of the given column letters in the table body, each merged cell once. */
export function bodyCells(ctx: RuleContext, columns: readonly string[]): readonly BodyCell[] {
  const index = bodyIndex(ctx);
  if (columns.length === 1) return columnCells(ctx, index, columns[0] as string);
  const out: BodyCell[] = [];
  for (const column of columns) pushAll(out, columnCells(ctx, index, column));
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
