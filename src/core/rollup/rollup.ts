/**
 * The collector's view of a batch: per unit what is overdue, due soon, behind 序时进度 and done, the
 * unit's points, and every node that needs chasing, with who answers for it. Pure data, computed
 * once from the check report; the 汇总 workbook and the notices only lay it out.
 *
 * A unit is the task's lead unit, or its owner when the lead column only says 是/否 (core/collect's
 * `taskUnit`, the one home of that notion). Lights (序时进度) are read from the report when it has
 * them (`light` on a node); without them "behind" is not computed, and said so, never shown as 0.
 */
import { dayNumber } from '../dates';
import { sheetCellAddress, columnNumber } from '../grid';
import { dueDate } from '../progress';
import type { FileReport, NodeReport, Report, TableReport, TaskReport } from '../contract';
import { taskUnit, unitName, type SplitBy } from '../collect/units';

export const GRADES = ['blue', 'yellow', 'red'] as const;
/** How hard a node is chased: blue a reminder (due soon), yellow behind schedule, red overdue. */
export type Grade = (typeof GRADES)[number];
export type Light = 'green' | 'blue' | 'yellow' | 'red';

/** A node's 序时进度 light, when the report carries lights. */
export function lightOf(node: NodeReport): Light | undefined {
  const l = (node as { light?: unknown }).light;
  return l === 'green' || l === 'blue' || l === 'yellow' || l === 'red' ? l : undefined;
}

export interface ChaseItem {
  file: string;
  sheet: string;
  table: string;
  unit: string;
  seq: string | null;
  task: string | null;
  /** The milestone as the table words it (the task's title when the node has no text of its own). */
  node: string;
  owner: string | null;
  phone: string | null;
  /** The deadline cell as written. */
  deadline: string | null;
  /** The date the node was due (ISO), when it has one. */
  due: string | null;
  /** Days past due as of the report's date (0 or more); null when not yet due or no date. */
  daysLate: number | null;
  /** Days until due, for a node due soon. */
  daysLeft: number | null;
  kind: 'overdue' | 'behind' | 'due-soon';
  grade: Grade;
  light?: Light;
  /** The node's cell (`Sheet1!G4`), for a link into the annotated copy. */
  cell: string;
  row: number;
}

export interface UnitRow {
  unit: string;
  files: string[];
  tasks: number;
  nodes: number;
  overdue: number;
  dueSoon: number;
  /** Nodes behind 序时进度 (yellow or red light, not yet overdue); null when lights were not computed. */
  behind: number | null;
  done: number;
  pending: number;
  earned: number | null;
  max: number;
  lights: Record<Light, number> | null;
  /** 1-based, by points earned (units with none last), then fewer overdue, then name. */
  rank: number;
}

export interface FileRow {
  file: string;
  error?: string;
  tables: number;
  nodes: number;
  /** Titles of the file's tables (the range when untitled). */
  titles: string[];
}

export interface Rollup {
  asOf: string | null;
  files: FileRow[];
  units: UnitRow[];
  /** Overdue, behind and due-soon nodes, by unit rank, then file, sheet and row. */
  items: ChaseItem[];
  /** Whether any node carried a 序时进度 light. */
  lightsComputed: boolean;
  totals: { files: number; unreadable: number; tables: number; tasks: number; nodes: number; overdue: number; dueSoon: number; behind: number | null; done: number };
}

const PHONE = /(?:\+?86[-\s]?)?(?:\(?0\d{2,3}\)?[-\s]?)?\d{7,8}(?:-\d+)?|1[3-9]\d{9}/g;

/** The phone numbers in an owner cell (`陆伟明 87730990` → `87730990`), joined; null when none. */
export function phoneOf(text: string | null | undefined): string | null {
  const found = (text ?? '').normalize('NFKC').match(PHONE);
  return found && found.length > 0 ? found.join('、') : null;
}

function nodeCell(table: TableReport, sheet: string, node: NodeReport): string {
  const col = table.columns.find((c) => c.role === 'node') ?? table.columns.find((c) => c.role === 'task') ?? table.columns[0];
  if (!col) return node.deadline?.cell ?? sheetCellAddress(sheet, node.row, 1);
  return sheetCellAddress(sheet, node.row, columnNumber(col.column));
}

/** The more serious of two grades. */
export function severer(a: Grade, b: Grade): Grade {
  return GRADES.indexOf(a) >= GRADES.indexOf(b) ? a : b;
}

/** Whether and how a node is chased: overdue (red), behind 序时进度 (its light), due soon (blue). */
function chase(node: NodeReport): { kind: ChaseItem['kind']; grade: Grade } | null {
  const light = lightOf(node);
  const lit: Grade | null = light === 'red' || light === 'yellow' ? light : null;
  if (node.state === 'overdue') return { kind: 'overdue', grade: 'red' };
  if (node.state === 'done' || node.state === 'done_late') return null;
  if (lit) return { kind: 'behind', grade: lit };
  if (node.state === 'due_soon') return { kind: 'due-soon', grade: 'blue' };
  return null;
}

function tableName(table: TableReport): string {
  return table.title?.replace(/\s+/g, ' ').trim() || table.range;
}

interface Acc {
  unit: string;
  files: Set<string>;
  tasks: number;
  nodes: number;
  overdue: number;
  dueSoon: number;
  behind: number;
  done: number;
  pending: number;
  earned: number | null;
  max: number;
  lights: Record<Light, number>;
}

export function rollUp(report: Report, by: SplitBy = 'lead', noUnit = '—'): Rollup {
  const asOf = report.asOf ?? null;
  const units = new Map<string, Acc>();
  const items: ChaseItem[] = [];
  const files: FileRow[] = [];
  let lightsComputed = false;
  let tables = 0;
  for (const f of report.files) {
    const own: TableReport[] = f.sheets.flatMap((s) => s.tables);
    files.push({
      file: f.file,
      ...(f.error !== undefined ? { error: f.error } : {}),
      tables: own.length,
      nodes: own.reduce((n, t) => n + t.tasks.reduce((m, k) => m + k.nodes.length, 0), 0),
      titles: own.map(tableName),
    });
    tables += own.length;
    for (const s of f.sheets) for (const table of s.tables) for (const task of table.tasks) addTask(f, s.name, table, task);
  }

  function addTask(f: FileReport, sheet: string, table: TableReport, task: TaskReport): void {
    const unit = taskUnit(task, by) ?? noUnit;
    const acc = units.get(unit) ?? {
      unit, files: new Set<string>(), tasks: 0, nodes: 0, overdue: 0, dueSoon: 0, behind: 0, done: 0, pending: 0, earned: null, max: 0,
      lights: { green: 0, blue: 0, yellow: 0, red: 0 },
    };
    units.set(unit, acc);
    acc.files.add(f.file);
    acc.tasks += 1;
    acc.nodes += task.nodes.length;
    if (task.score) {
      acc.max += task.score.max;
      if (task.score.earned !== null) acc.earned = (acc.earned ?? 0) + task.score.earned;
    }
    const ownerText = task.owner ?? task.lead ?? null;
    for (const node of task.nodes) {
      const light = lightOf(node);
      if (light) {
        lightsComputed = true;
        acc.lights[light] += 1;
      }
      if (node.state === 'overdue') acc.overdue += 1;
      else if (node.state === 'due_soon') acc.dueSoon += 1;
      else if (node.state === 'done' || node.state === 'done_late') acc.done += 1;
      else if (node.state === 'pending') acc.pending += 1;
      const c = chase(node);
      if (!c) continue;
      if (c.kind === 'behind') acc.behind += 1;
      const due = asOf ? dueDate(node.deadline, asOf) ?? node.impliedDue ?? null : null;
      const gap = asOf && due ? dayNumber(asOf) - dayNumber(due) : null;
      items.push({
        file: f.file, sheet, table: tableName(table), unit,
        seq: task.seq, task: task.title,
        node: (node.text ?? '').trim() || (task.title ?? ''),
        owner: unitName(ownerText) ?? null,
        phone: phoneOf(ownerText),
        deadline: node.deadline?.text ?? null,
        due,
        daysLate: gap !== null && gap > 0 ? gap : c.kind === 'overdue' && gap !== null ? 0 : null,
        daysLeft: gap !== null && gap <= 0 ? -gap : null,
        kind: c.kind, grade: c.grade,
        ...(light ? { light } : {}),
        cell: nodeCell(table, sheet, node),
        row: node.row,
      });
    }
  }

  const sorted = [...units.values()].sort(
    (a, b) => (b.earned ?? -Infinity) - (a.earned ?? -Infinity) || a.overdue - b.overdue || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0),
  );
  const rows: UnitRow[] = sorted.map((u, i) => ({
    unit: u.unit, files: [...u.files], tasks: u.tasks, nodes: u.nodes, overdue: u.overdue, dueSoon: u.dueSoon,
    behind: lightsComputed ? u.behind : null, done: u.done, pending: u.pending,
    earned: u.earned === null ? null : Number(u.earned.toFixed(2)), max: Number(u.max.toFixed(2)),
    lights: lightsComputed ? u.lights : null, rank: i + 1,
  }));
  const rankOf = new Map(rows.map((r) => [r.unit, r.rank]));
  const fileOrder = new Map(report.files.map((f, i) => [f.file, i]));
  items.sort((a, b) => (rankOf.get(a.unit) ?? 0) - (rankOf.get(b.unit) ?? 0) || (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) || (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : 0) || a.row - b.row);
  const sum = (k: 'overdue' | 'dueSoon' | 'done' | 'nodes' | 'tasks') => rows.reduce((n, r) => n + r[k], 0);
  return {
    asOf, files, units: rows, items, lightsComputed,
    totals: {
      files: files.length, unreadable: files.filter((f) => f.error !== undefined).length, tables,
      tasks: sum('tasks'), nodes: sum('nodes'), overdue: sum('overdue'), dueSoon: sum('dueSoon'),
      behind: lightsComputed ? rows.reduce((n, r) => n + (r.behind ?? 0), 0) : null, done: sum('done'),
    },
  };
}


/** A unit's light in the ranking: red with anything overdue, yellow behind, blue due soon, else green. */
export function unitLight(u: Pick<UnitRow, 'overdue' | 'behind' | 'dueSoon' | 'lights'>): Light {
  if (u.overdue > 0 || (u.lights?.red ?? 0) > 0) return 'red';
  if ((u.behind ?? 0) > 0 || (u.lights?.yellow ?? 0) > 0) return 'yellow';
  if (u.dueSoon > 0 || (u.lights?.blue ?? 0) > 0) return 'blue';
  return 'green';
}
