/**
 * 序时进度 lights of a recognized table as of a date, written into its report: per node (and task)
 * the share of its window elapsed, its progress and its light, and the table's count per light.
 * The progress cell is the table's progress column when one of its node cells gives a percentage,
 * else the status column (where staff type `80%` into the column apply adds).
 */
import { columnNumber, type Cell } from '../grid';
import type { SheetView } from '../recognize/sheet-view';
import type { TableReport } from '../contract';
import { LIGHTS, type Light } from '../contract';
import { lightRules, type LightsPolicy } from '../settings/lights-policy';
import { DONE_WORDS } from '../plan/formulas';
import { elapsedShare, lightOf, progressFraction } from './elapsed';
import { dueDate } from './state';

const DONE = new Set(DONE_WORDS.map((w) => w.toLowerCase()));
/** As the workbook's MATCH compares: the whole text, without regard to case. */
export function isDoneWord(text: string): boolean {
  return DONE.has(text.toLowerCase());
}

function cellAt(view: SheetView, row: number, column: number): Cell | undefined {
  const a = view.anchor(row, column);
  return view.cell(a.row, a.col);
}

function readCell(cell: Cell | undefined, fallback: string | null): { number?: number | null; text: string | null } {
  if (!cell) return { text: fallback };
  if (cell.value.kind === 'number') return { number: cell.value.value, text: cell.text };
  return { text: cell.text.trim() === '' ? null : cell.text };
}

/** The column the lights read progress from: a progress column giving a percentage, else the status column (null: the one apply adds). */
export function progressColumn(view: SheetView, table: TableReport): string | null {
  const progress = table.columns.find((c) => c.role === 'progress')?.column;
  const status = table.columns.find((c) => c.role === 'status')?.column ?? null;
  if (!progress) return status;
  const col = columnNumber(progress);
  const rows = table.tasks.flatMap((k) => k.nodes.map((n) => n.row));
  return rows.some((r) => progressFraction(readCell(cellAt(view, r, col), null), isDoneWord) !== null) ? progress : status;
}

export function annotateLights(view: SheetView, table: TableReport, asOf: string, policy: LightsPolicy): void {
  const rules = lightRules(policy);
  const from = progressColumn(view, table);
  const fromCol = from ? columnNumber(from) : null;
  const counts = Object.fromEntries(LIGHTS.map((l) => [l, 0])) as Record<Light, number>;
  for (const task of table.tasks) {
    let prevDue: string | null = null;
    const parts: number[] = [];
    let lastDue: string | null = null;
    let taskDone = task.nodes.length > 0;
    for (const node of task.nodes) {
      const due = dueDate(node.deadline, asOf) ?? node.impliedDue ?? null;
      const year = table.year ?? (due ? Number(due.slice(0, 4)) : null);
      // A previous node due on or after this one (a task of two runs of quarters) opens no window for it.
      const yearStart = year !== null ? `${String(year).padStart(4, '0')}-01-01` : null;
      const start = prevDue !== null && due !== null && prevDue < due ? prevDue : yearStart;
      prevDue = due;
      const cell = readCell(fromCol ? cellAt(view, node.row, fromCol) : undefined, node.status);
      const progress = progressFraction(cell, isDoneWord);
      const done = node.status !== null && isDoneWord(node.status);
      if (!done) taskDone = false;
      if (progress !== null) parts.push(progress);
      if (due && (!lastDue || due > lastDue)) lastDue = due;
      if (!due || !start) continue;
      node.elapsed = elapsedShare(start, due, asOf);
      if (progress === null) continue;
      node.progress = progress;
      node.light = lightOf(rules, { elapsed: node.elapsed, progress, due, asOf, done });
      counts[node.light]++;
    }
    // A task: its window is the plan year's start to its last due date, its progress its nodes' mean.
    const year = table.year ?? (lastDue ? Number(lastDue.slice(0, 4)) : null);
    if (lastDue && year !== null && parts.length === task.nodes.length && parts.length > 0) {
      task.elapsed = elapsedShare(`${String(year).padStart(4, '0')}-01-01`, lastDue, asOf);
      task.progress = parts.reduce((a, b) => a + b, 0) / parts.length;
      task.light = lightOf(rules, { elapsed: task.elapsed, progress: task.progress, due: lastDue, asOf, done: taskDone });
    }
  }
  table.lights = { preset: rules.preset, ...(from ? { progressColumn: from } : {}), counts };
}
