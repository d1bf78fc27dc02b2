/**
 * What changed between two rounds of one table (last month's copy and this month's, or the issued
 * template and a unit's copy): tasks added, removed or renamed, nodes added or removed, deadlines
 * moved, weights changed, statuses advanced or gone back, progress text changed. Pure: it reads the
 * check reports of both rounds and, for the progress column, their grids.
 */
import { columnNumber, sheetCellAddress, type Grid } from '../grid';
import { readStatus } from '../progress';
import type { FileReport, NodeReport, TableReport, TaskReport } from '../contract';
import { pairItems } from './match';
import { comparable } from './similarity';

/** What a template fixes: a unit's copy may change none of it. */
const TEMPLATE_CHANGE_KINDS = [
  'table-added',
  'table-removed',
  'task-added',
  'task-removed',
  'task-renamed',
  'node-added',
  'node-removed',
  'node-renamed',
  'deadline-moved',
  'weight-changed',
] as const;

/** Every kind of change: what a template fixes, then what a unit reports as its work goes on. */
export const CHANGE_KINDS = [...TEMPLATE_CHANGE_KINDS, 'status-advanced', 'status-back', 'status-changed', 'progress-changed'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const TEMPLATE_KINDS: ReadonlySet<ChangeKind> = new Set<ChangeKind>(TEMPLATE_CHANGE_KINDS);

export interface Change {
  kind: ChangeKind;
  sheet: string;
  seq: string | null;
  /** The task's title (this round's, or last round's for a task removed). */
  task: string | null;
  /** The node's text, for a change to one node. */
  node?: string | null;
  from?: string | null;
  to?: string | null;
  /** The cell in this round (`Sheet1!G4`), where the change is one cell. */
  cell?: string;
  /** The same cell in the last round (or the template). */
  lastCell?: string;
}

export interface Round {
  file: string;
  report: FileReport;
  /** The grids the report was made from, in the same sheet order. */
  grids: readonly Grid[];
}

interface Located {
  sheet: string;
  grid: Grid | undefined;
  table: TableReport;
}

function roleColumn(table: TableReport, role: string): string | undefined {
  return table.columns.find((c) => c.role === role)?.column;
}

function cellOf(at: Located, role: string, row: number): string | undefined {
  const col = roleColumn(at.table, role);
  return col ? sheetCellAddress(at.sheet, row, columnNumber(col)) : undefined;
}

/** A cell's text as shown; a cell covered by a merge shows the merge's first cell. */
function textAt(grid: Grid | undefined, row: number, col: number): string {
  if (!grid) return '';
  const m = grid.merges.find((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
  const [r, c] = m ? [m.top, m.left] : [row, col];
  return grid.rows[r - 1]?.[c - 1]?.text.trim() ?? '';
}

function progressText(at: Located, row: number): string {
  const col = roleColumn(at.table, 'progress');
  return col ? textAt(at.grid, row, columnNumber(col)) : '';
}

function weightOf(task: TaskReport): string | null {
  if (task.weight !== null && task.weight !== undefined) return String(task.weight);
  return task.weightText ?? null;
}

/** Ranks of a status: how far along it says the node is. */
const RANK = { not_started: 0, delayed: 1, in_progress: 1, done: 2 } as const;

function statusMove(from: string | null, to: string | null): 'status-advanced' | 'status-back' | 'status-changed' | null {
  if (comparable(from) === comparable(to)) return null;
  const a = readStatus(from);
  const b = readStatus(to);
  const ra = a === null ? 0 : a.kind === 'unknown' ? undefined : RANK[a.kind];
  const rb = b === null ? 0 : b.kind === 'unknown' ? undefined : RANK[b.kind];
  if (ra === undefined || rb === undefined) return 'status-changed';
  const fa = a?.fraction ?? (a === null ? 0 : undefined);
  const fb = b?.fraction ?? (b === null ? 0 : undefined);
  if (rb !== ra) return rb > ra ? 'status-advanced' : 'status-back';
  if (fa !== undefined && fb !== undefined && fa !== fb) return fb > fa ? 'status-advanced' : 'status-back';
  return 'status-changed';
}

function deadlineMoved(a: NodeReport, b: NodeReport): boolean {
  const x = a.deadline;
  const y = b.deadline;
  if (!x || !y) return (x?.text ?? '') !== (y?.text ?? '') && comparable(x?.text) !== comparable(y?.text);
  // The same date written another way (2018.03.31, 2018-03-31) has not moved.
  if (x.end && y.end) return x.end !== y.end || (x.start ?? x.end) !== (y.start ?? y.end);
  return comparable(x.text) !== comparable(y.text);
}

function titleCell(at: Located, task: TaskReport): string | undefined {
  return cellOf(at, 'task', task.rows[0]);
}

function compareNodes(last: Located, next: Located, a: TaskReport, b: TaskReport, base: Omit<Change, 'kind'>, out: Change[]): void {
  // A node is its text and its deadline: a text merged over a task's four quarterly rows is four nodes.
  const key = (n: NodeReport) => ({ seq: null, text: `${n.text ?? ''} ${n.deadline?.text ?? ''}`.trim() || null });
  const { pairs, removed, added } = pairItems(a.nodes.map(key), b.nodes.map(key));
  for (const [i, j] of pairs) {
    const x = a.nodes[i] as NodeReport;
    const y = b.nodes[j] as NodeReport;
    const node = { ...base, node: y.text };
    if (comparable(x.text) !== comparable(y.text)) {
      const cell = cellOf(next, 'node', y.row);
      const lastCell = cellOf(last, 'node', x.row);
      out.push({ kind: 'node-renamed', ...node, from: x.text, to: y.text, ...(cell ? { cell } : {}), ...(lastCell ? { lastCell } : {}) });
    }
    if (deadlineMoved(x, y)) {
      out.push({
        kind: 'deadline-moved',
        ...node,
        from: x.deadline?.text ?? null,
        to: y.deadline?.text ?? null,
        ...(y.deadline?.cell ?? cellOf(next, 'deadline', y.row) ? { cell: (y.deadline?.cell ?? cellOf(next, 'deadline', y.row)) as string } : {}),
        ...(x.deadline?.cell ?? cellOf(last, 'deadline', x.row) ? { lastCell: (x.deadline?.cell ?? cellOf(last, 'deadline', x.row)) as string } : {}),
      });
    }
    const move = statusMove(x.status, y.status);
    if (move) {
      const cell = cellOf(next, 'status', y.row);
      const lastCell = cellOf(last, 'status', x.row);
      out.push({ kind: move, ...node, from: x.status, to: y.status, ...(cell ? { cell } : {}), ...(lastCell ? { lastCell } : {}) });
    }
    const px = progressText(last, x.row);
    const py = progressText(next, y.row);
    if (px !== py) {
      const cell = cellOf(next, 'progress', y.row);
      const lastCell = cellOf(last, 'progress', x.row);
      out.push({ kind: 'progress-changed', ...node, from: px || null, to: py || null, ...(cell ? { cell } : {}), ...(lastCell ? { lastCell } : {}) });
    }
  }
  for (const j of added) {
    const y = b.nodes[j] as NodeReport;
    const cell = cellOf(next, 'node', y.row) ?? y.deadline?.cell;
    out.push({ kind: 'node-added', ...base, node: y.text, to: y.text, ...(cell ? { cell } : {}) });
  }
  for (const i of removed) {
    const x = a.nodes[i] as NodeReport;
    const lastCell = cellOf(last, 'node', x.row) ?? x.deadline?.cell;
    out.push({ kind: 'node-removed', ...base, node: x.text, from: x.text, ...(lastCell ? { lastCell } : {}) });
  }
}

function compareTables(last: Located, next: Located, out: Change[]): void {
  const a = last.table.tasks;
  const b = next.table.tasks;
  const { pairs, removed, added } = pairItems(
    a.map((t) => ({ seq: t.seq, text: t.title })),
    b.map((t) => ({ seq: t.seq, text: t.title })),
  );
  const addedSet = new Set(added);
  const pairOf = new Map(pairs.map(([i, j]) => [j, i]));
  for (let j = 0; j < b.length; j++) {
    const y = b[j] as TaskReport;
    const base = { sheet: next.sheet, seq: y.seq, task: y.title };
    if (addedSet.has(j)) {
      const cell = titleCell(next, y);
      out.push({ kind: 'task-added', ...base, to: y.title, ...(cell ? { cell } : {}) });
      continue;
    }
    const i = pairOf.get(j);
    if (i === undefined) continue;
    const x = a[i] as TaskReport;
    if (comparable(x.title) !== comparable(y.title)) {
      const cell = titleCell(next, y);
      const lastCell = titleCell(last, x);
      out.push({ kind: 'task-renamed', ...base, from: x.title, to: y.title, ...(cell ? { cell } : {}), ...(lastCell ? { lastCell } : {}) });
    }
    const wx = weightOf(x);
    const wy = weightOf(y);
    if (wx !== wy) {
      const cell = cellOf(next, 'weight', y.rows[0]);
      const lastCell = cellOf(last, 'weight', x.rows[0]);
      out.push({ kind: 'weight-changed', ...base, from: wx, to: wy, ...(cell ? { cell } : {}), ...(lastCell ? { lastCell } : {}) });
    }
    compareNodes(last, next, x, y, base, out);
  }
  for (const i of removed) {
    const x = a[i] as TaskReport;
    const lastCell = titleCell(last, x);
    out.push({ kind: 'task-removed', sheet: last.sheet, seq: x.seq, task: x.title, from: x.title, ...(lastCell ? { lastCell } : {}) });
  }
}

function tablesOf(round: Round): Array<Located & { index: number }> {
  const out: Array<Located & { index: number }> = [];
  round.report.sheets.forEach((s, si) => {
    const grid = round.grids[si]?.name === s.name ? round.grids[si] : round.grids.find((g) => g.name === s.name);
    s.tables.forEach((table, index) => out.push({ sheet: s.name, grid, table, index }));
  });
  return out;
}

/**
 * The changes from `last` to `next`, table by table: tables pair by sheet name and position on the
 * sheet, or, when each workbook holds one table, with each other whatever the sheet is called.
 * `template`: only what a template fixes (tasks, nodes, deadlines, weights), not what units fill in.
 */
export function compareRounds(last: Round, next: Round, o: { template?: boolean } = {}): Change[] {
  const before = tablesOf(last);
  const after = tablesOf(next);
  const out: Change[] = [];
  const used = new Set<number>();
  const single = before.length === 1 && after.length === 1;
  for (const t of after) {
    const k = single ? 0 : before.findIndex((u, n) => !used.has(n) && u.sheet === t.sheet && u.index === t.index);
    if (k < 0) {
      out.push({ kind: 'table-added', sheet: t.sheet, seq: null, task: t.table.title, to: t.table.range });
      continue;
    }
    used.add(k);
    compareTables(before[k] as Located, t, out);
  }
  before.forEach((u, n) => {
    if (!used.has(n)) out.push({ kind: 'table-removed', sheet: u.sheet, seq: null, task: u.table.title, from: u.table.range });
  });
  return o.template ? out.filter((c) => TEMPLATE_KINDS.has(c.kind)) : out;
}
