/**
 * Which unit each task belongs to, for issuing one copy per unit: its lead unit (牵头单位) or its
 * owner (责任单位/责任人). A lead column that only says whether this unit leads (是/否) names no unit,
 * so the owner is taken instead; a cell naming several units gives the task to the first, the one
 * the table lists as responsible first; a phone number is not part of a unit's name.
 */
import type { TableReport, TaskReport } from '../contract';
import { readStatus } from '../progress';

export type SplitBy = 'lead' | 'owner';

/** `陆伟明 87730990` → `陆伟明`; `卫计局、发改局` → `卫计局`. */
export function unitName(text: string | null | undefined): string | null {
  if (!text) return null;
  const first = text.normalize('NFKC').split(/[、,，;；/\n]|及|和/)[0] ?? '';
  const name = first
    .replace(/(?:\+?86[-\s]?)?(?:\(?0\d{2,3}\)?[-\s]?)?\d{7,8}(?:-\d+)?|1[3-9]\d{9}/g, '')
    .replace(/[：:（(]?\s*(?:电话|联系电话|tel\.?|phone)\s*[：:)）]?/gi, '')
    .replace(/[\s()（）]+$/g, '')
    .trim();
  return name === '' ? null : name;
}

/** A cell that answers 是/否 rather than naming a unit. */
function isFlag(text: string | null | undefined): boolean {
  const s = readStatus(text);
  return s !== null && s.kind !== 'unknown' && [...(text ?? '').trim()].length <= 3;
}

export function taskUnit(task: TaskReport, by: SplitBy): string | null {
  if (by === 'lead' && task.lead && !isFlag(task.lead)) return unitName(task.lead);
  return unitName(task.owner);
}

export interface UnitTasks {
  unit: string;
  /** Indexes of the table's tasks that are the unit's. */
  tasks: number[];
}

/** The units of a table in the order they first appear, with their tasks; tasks of no unit apart. */
export function unitsOf(table: TableReport, by: SplitBy): { units: UnitTasks[]; unassigned: number[] } {
  const units = new Map<string, UnitTasks>();
  const unassigned: number[] = [];
  table.tasks.forEach((t, i) => {
    const u = taskUnit(t, by);
    if (u === null) {
      unassigned.push(i);
      return;
    }
    const entry = units.get(u) ?? { unit: u, tasks: [] };
    entry.tasks.push(i);
    units.set(u, entry);
  });
  return { units: [...units.values()], unassigned };
}

/**
 * The rows that belong to each task: its own rows, and the rows between the task before it and it
 * (a repeated header, the heading and key-value block above a task's nodes, as in 004). The first
 * task of a table with a header before every task takes as many rows above it as the second does.
 */
export function taskBlocks(table: TableReport): Array<[number, number]> {
  const tasks = table.tasks;
  const afterTitle = table.titleRows.reduce((m, r) => Math.max(m, r), 0) + 1;
  return tasks.map((t, i) => {
    if (i > 0) return [(tasks[i - 1] as TaskReport).rows[1] + 1, t.rows[1]];
    const second = tasks[1];
    if (table.headerRows.length > 1 && second) {
      const preamble = second.rows[0] - t.rows[1] - 1;
      return [Math.max(afterTitle, t.rows[0] - preamble), t.rows[1]];
    }
    return [t.rows[0], t.rows[1]];
  });
}
