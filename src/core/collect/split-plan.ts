/**
 * What `resptable split` issues to each unit, as data: per sheet the master rows its copy keeps, the
 * columns it fills in (the table's own status, progress, evidence and remarks columns, and those the
 * table lacks, placed to its right where the master has room) and the rows it fills.
 */
import { columnLetters, columnNumber, parseRange, type Grid } from '../grid';
import type { FileReport, TableReport } from '../contract';
import { FILLABLE_ROLES, type FillableRole, type SplitSheet } from './manifest';
import { taskBlocks, unitsOf, type SplitBy } from './units';

export interface UnitIssue {
  unit: string;
  sheets: SplitSheet[];
  /** Master rows to keep per sheet, in order (also `rows` of each SplitSheet, as master rows). */
  tasks: number;
}

export interface SplitPlan {
  units: UnitIssue[];
  /** Tasks that name no unit: issued to nobody. `Sheet!row`: seq title. */
  unassigned: Array<{ sheet: string; row: number; seq: string | null; title: string | null }>;
}

function hasText(grid: Grid, row: number, col: number): boolean {
  const c = grid.rows[row - 1]?.[col - 1];
  return c !== undefined && (c.formula !== undefined || c.text.trim() !== '');
}

/** The fillable columns of a table: its own, then the ones it lacks, right of it in empty columns. */
function fillColumns(table: TableReport, grid: Grid, taken: Set<number>): Array<{ role: FillableRole; column: string; added: boolean }> {
  const out: Array<{ role: FillableRole; column: string; added: boolean }> = [];
  const range = parseRange(table.range);
  let next = range.right + 1;
  for (const role of FILLABLE_ROLES) {
    const own = table.columns.find((c) => c.role === role);
    if (own) {
      out.push({ role, column: own.column, added: false });
      taken.add(columnNumber(own.column));
      continue;
    }
    for (; ; next++) {
      if (taken.has(next)) continue;
      let free = true;
      for (let r = range.top; r <= range.bottom && free; r++) if (hasText(grid, r, next)) free = false;
      if (free) break;
    }
    taken.add(next);
    out.push({ role, column: columnLetters(next), added: true });
    next++;
  }
  return out;
}

export function planSplit(report: FileReport, grids: readonly Grid[], by: SplitBy): SplitPlan {
  const unitOrder: string[] = [];
  const perUnit = new Map<string, Map<string, { fillRows: number[]; tasks: number }>>();
  const unassigned: SplitPlan['unassigned'] = [];
  /** Per sheet: the rows of each unit's task blocks, and the fillable columns of its tables. */
  const sheets = report.sheets.map((s, si) => {
    const grid = (grids[si]?.name === s.name ? grids[si] : grids.find((g) => g.name === s.name)) as Grid;
    const owned = new Map<number, string | null>();
    const taken = new Set<number>();
    const columns: SplitSheet['columns'] = [];
    for (const table of s.tables) {
      const { units, unassigned: none } = unitsOf(table, by);
      const blocks = taskBlocks(table);
      for (const u of units) {
        if (!unitOrder.includes(u.unit)) unitOrder.push(u.unit);
        const bySheet = perUnit.get(u.unit) ?? new Map<string, { fillRows: number[]; tasks: number }>();
        perUnit.set(u.unit, bySheet);
        const entry = bySheet.get(s.name) ?? { fillRows: [], tasks: 0 };
        bySheet.set(s.name, entry);
        for (const i of u.tasks) {
          const [from, to] = blocks[i] as [number, number];
          for (let r = from; r <= to; r++) owned.set(r, u.unit);
          const task = table.tasks[i];
          if (task) for (let r = task.rows[0]; r <= task.rows[1]; r++) entry.fillRows.push(r);
          entry.tasks++;
        }
      }
      for (const i of none) {
        const [from, to] = blocks[i] as [number, number];
        for (let r = from; r <= to; r++) owned.set(r, null);
        const task = table.tasks[i];
        if (task) unassigned.push({ sheet: s.name, row: task.rows[0], seq: task.seq, title: task.title });
      }
      for (const c of fillColumns(table, grid, taken)) columns.push({ ...c, headerRows: [...table.headerRows] });
    }
    return { name: s.name, rowCount: grid?.rowCount ?? 0, owned, columns };
  });
  const units: UnitIssue[] = unitOrder.map((unit) => {
    const bySheet = perUnit.get(unit) as Map<string, { fillRows: number[]; tasks: number }>;
    let tasks = 0;
    const out: SplitSheet[] = sheets.map((s) => {
      const mine = bySheet.get(s.name);
      tasks += mine?.tasks ?? 0;
      const keep: number[] = [];
      for (let r = 1; r <= s.rowCount; r++) {
        const o = s.owned.get(r);
        if (o === undefined || o === unit) keep.push(r);
      }
      return { sheet: s.name, rows: keep.map((r, i) => [i + 1, r] as [number, number]), columns: mine ? s.columns : [], fillRows: mine?.fillRows ?? [] };
    });
    return { unit, sheets: out, tasks };
  });
  return { units, unassigned };
}
