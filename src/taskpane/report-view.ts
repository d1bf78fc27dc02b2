/** What the pane derives from a check report: totals over all tables, findings by severity. */
import type { FileReport, Finding, Severity, TableReport } from '../core/report';

export interface Totals {
  tables: number;
  tasks: number;
  nodes: number;
  overdue: number;
  dueSoon: number;
  /** Done on time or late: both are 已完成. */
  done: number;
  doneLate: number;
  pending: number;
  noDeadline: number;
  /** Over the tables with points: earned, read against outOf, of max full points. */
  score?: { earned: number; max: number; outOf: number };
  /** No table has points: why (the first table's reason). */
  noScore?: NonNullable<TableReport['noScore']>;
  notEligibleForExcellence: boolean;
}

export interface PlacedTable {
  sheet: string;
  /** 1-based position on its sheet, as a mapping names it. */
  index: number;
  table: TableReport;
}

export function placedTables(report: FileReport): PlacedTable[] {
  return report.sheets.flatMap((s) => s.tables.map((table, i) => ({ sheet: s.name, index: i + 1, table })));
}

export function totals(report: FileReport): Totals {
  const t: Totals = { tables: 0, tasks: 0, nodes: 0, overdue: 0, dueSoon: 0, done: 0, doneLate: 0, pending: 0, noDeadline: 0, notEligibleForExcellence: false };
  let earned = 0;
  let max = 0;
  let outOf = 0;
  let scored = false;
  let noScore: TableReport['noScore'];
  for (const { table } of placedTables(report)) {
    t.tables += 1;
    t.tasks += table.tasks.length;
    t.nodes += table.tasks.reduce((n, task) => n + task.nodes.length, 0);
    const st = table.states;
    if (st) {
      t.overdue += st.overdue ?? 0;
      t.dueSoon += st.due_soon ?? 0;
      t.done += (st.done ?? 0) + (st.done_late ?? 0);
      t.doneLate += st.done_late ?? 0;
      t.pending += st.pending ?? 0;
      t.noDeadline += st.no_deadline ?? 0;
    }
    if (table.score && table.score.earned !== null) {
      scored = true;
      earned += table.score.earned;
      max += table.score.max;
      outOf += table.score.outOf;
    } else if (table.noScore) noScore ??= table.noScore;
    if (table.notEligibleForExcellence) t.notEligibleForExcellence = true;
  }
  if (scored) t.score = { earned, max, outOf };
  else if (noScore) t.noScore = noScore;
  return t;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export function bySeverity(findings: readonly Finding[]): Record<Severity, Finding[]> {
  const out: Record<Severity, Finding[]> = { error: [], warning: [], info: [] };
  for (const f of findings) out[f.severity].push(f);
  return out;
}

/** A fix the host can write: one cell, a string or a number. */
export function writableFix(f: Finding): { cell: string; value: string | number } | null {
  const fix = f.fix;
  if (!fix || (typeof fix.value !== 'string' && typeof fix.value !== 'number')) return null;
  return { cell: fix.cell, value: fix.value };
}
