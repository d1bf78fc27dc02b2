/**
 * Recognized tables → an EditPlan that makes the workbook live: to the right of each table a status
 * column with a dropdown (when the table has none), the due date of every node as a real date, and
 * each task's score as a formula over its weight and its nodes' status and due cells; colours for
 * done / overdue / due soon as conditional formats over those cells and the as-of date; and a summary
 * sheet with the as-of date (a named cell, TODAY() by default) and category and table totals as
 * formulas. A cell that would be overwritten but holds the user's data is a finding; that table is
 * then left as it is.
 */
import { isoToSerial } from '../dates';
import { dueDate } from '../progress';
import { STATUS_CHOICES } from '../progress/status-words';
import { columnLetters, columnNumber, getCell, quoteSheetName, type Grid } from '../grid';
import { t, type Lang, type MessageKey } from '../i18n';
import type { Finding, TableReport, TaskReport } from '../contract';
import type { ScoringPolicy } from '../settings/scoring-policy';
import { scoreTable, taskMaxima, type NoScoreReason } from '../scoring';
import { DELAYED_WORDS, DELAYED_WORDS_NAME, DONE_WORDS, DONE_WORDS_NAME, dueMask, isDelayed, isDone, taskScore } from './formulas';
import { AS_OF_NAME, type Edit, type EditPlan } from './plan';
import { POINTS_FORMAT, wordsInLanguage } from './workbook-words';
import { lightsSummary, planLights } from './lights';
import { findOccupied } from './occupied';
import { HEADER_FILL, STATE_LOOK } from './palette';
import { cappedBonus, deductionItem, deductionTotal, itemDeduction, ownScoreFirst } from './own-score';
import type { LightsPolicy } from '../settings/lights-policy';
import { maxOf, minOf, pushAll } from '../arrays';
import { roleColumn } from '../contract';

export interface PlanInput {
  sheets: Array<{ grid: Grid; tables: TableReport[] }>;
  lang: Lang;
  /** Fixed as-of date (ISO); absent: the workbook uses TODAY(). */
  asOf?: string;
  /** The date due dates of recurring deadlines are computed for (the fixed as-of, or today). */
  today: string;
  policy: ScoringPolicy;
  /** 序时进度 lights to write (plan/lights.ts); absent: none. */
  lights?: LightsPolicy;
}

/** Points as `0`, `2.5`, `10` (see workbook-words). */
const POINTS = POINTS_FORMAT;


interface TablePlan {
  edits: Edit[];
  /** The light cells of the table, for the summary's count. */
  lights?: { sheet: string; range: string };
  /** Per task, what the summary's task list reads. */
  tasks: TaskCells[];
}

/** A task's cells as the summary sheet refers to them (sheet-qualified, absolute). */
interface TaskCells {
  /** The task as the plan's `computes` names it: its sheet and first row. */
  task: { what: 'task'; sheet: string; row: number };
  score: string;
  status: string;
  due: string;
  nodes: number;
  /** Rows of the task that are not nodes (a 年度目标 row): no due date, counted out of the unscorable. */
  otherRows: number;
  /** A formula TRUE when its veto has failed (only for veto tasks). */
  vetoFailed: string | null;
  /** A 扣分制 item scored as a whole: its nodes are decided once its score is, open until then. */
  wholeItem?: true;
}

function planTable(grid: Grid, table: TableReport, input: PlanInput, findings: Finding[]): TablePlan | null {
  const sheet = grid.name;
  const q = quoteSheetName(sheet);
  const col = (role: string) => roleColumn(table, role)?.column;
  const right = columnNumber(table.columns[table.columns.length - 1]?.column ?? 'A');
  const existingStatus = col('status');
  const statusCol = existingStatus ?? columnLetters(right + 1);
  const dueCol = columnLetters(right + (existingStatus ? 1 : 2));
  const scoreCol = columnLetters(columnNumber(dueCol) + 1);
  const newColumns = [...(existingStatus ? [] : [statusCol]), dueCol, scoreCol];
  const headerRows = table.headerRows;
  const rows = new Set<number>([...headerRows]);
  for (const k of table.tasks) for (let r = k.rows[0]; r <= k.rows[1]; r++) rows.add(r);

  // One status, due date and colour per row cannot follow several milestones on that row.
  if (table.tasks.some((k) => new Set(k.nodes.map((n) => n.row)).size < k.nodes.length)) {
    findings.push({
      rule: 'plan.milestones-in-columns',
      // Not info: apply left this table uncoloured, which the user must not take for success.
      severity: 'warning',
      sheet,
      message: t(input.lang, 'plan.milestones-in-columns', { range: `${sheet}!${table.range}` }),
    });
    return null;
  }

  // Never write over the user's data.
  if (findOccupied(grid, newColumns, rows, input.lang, findings)) return null;

  const edits: Edit[] = [];
  const header = (c: string, key: 'plan.status' | 'plan.due' | 'plan.score') => {
    // A header repeated before each item gets the new labels each time, under the last header row.
    for (const h of headerRows) {
      if (headerRows.length > 1 && table.headerRows.includes(h + 1)) continue;
      edits.push({ kind: 'cell', sheet, cell: `${c}${h}`, value: t(input.lang, key), bold: true, fill: HEADER_FILL });
    }
    // Wide enough for its label on one line (截止日期（自动） was cut off at 14).
    edits.push({ kind: 'width', sheet, column: c, width: Math.max(ADDED_COLUMN_WIDTH, labelWidth(t(input.lang, key))) });
  };
  if (existingStatus) {
    // A status column without a label (one typed next to the table, or ours read back after a revert) gets ours.
    const unlabelled = headerRows.every((h) => (getCell(grid, h, columnNumber(existingStatus))?.text.trim() ?? '') === '');
    if (unlabelled) header(existingStatus, 'plan.status');
  } else {
    header(statusCol, 'plan.status');
    const nodeRows = table.tasks.flatMap((k) => k.nodes.map((n) => n.row));
    for (const r of nodeRows) edits.push({ kind: 'choices', sheet, range: `${statusCol}${r}`, choices: [...STATUS_CHOICES[input.lang]] });
  }
  header(dueCol, 'plan.due');
  header(scoreCol, 'plan.score');

  for (const k of table.tasks) {
    for (const n of k.nodes) {
      const due = dueDate(n.deadline, input.today) ?? n.impliedDue ?? null;
      if (due) edits.push({ kind: 'cell', sheet, cell: `${dueCol}${n.row}`, value: isoToSerial(due), numFmt: 'yyyy-mm-dd' });
    }
  }

  const maxima = taskMaxima(table, input.policy);
  const weightCol = col('weight');
  const cells: TaskCells[] = [];
  table.tasks.forEach((k: TaskReport, i) => {
    const [a, b] = k.rows;
    const status = `$${statusCol}$${a}:$${statusCol}$${b}`;
    const due = `$${dueCol}$${a}:$${dueCol}$${b}`;
    const weightCell = weightCol && typeof k.weight === 'number' && k.weightText === undefined ? `${weightCol}${a}` : null;
    const opts: Parameters<typeof taskScore>[0] = {
      max: weightCell ? `N(${weightCell})` : String(maxima[i] ?? 0),
      nodes: k.nodes.length,
      status,
      due,
      lateCredit: input.policy.lateCredit,
      reading: input.policy.reading,
    };
    const doneOn = col('done_on');
    if (doneOn) opts.doneOn = `$${doneOn}$${a}:$${doneOn}$${b}`;
    const bonus = col('bonus');
    const cap = table.ownRules?.bonusCap;
    if (bonus) opts.bonus = cappedBonus(`${bonus}${a}`, cap);
    const deduction = col('deduction');
    if (deduction) opts.deduction = `${deduction}${a}`;
    const task = { what: 'task' as const, sheet, row: a };
    // A 扣分制 item adds or takes off (from the 起评分, or from its own 分值); other tasks earn on their nodes.
    const entered = { ...(bonus ? { bonus: `${bonus}${a}` } : {}), ...(deduction ? { deduction: `${deduction}${a}` } : {}), ...(cap !== undefined ? { bonusCap: cap } : {}) };
    const computed =
      table.ownRules?.deductionBase !== undefined
        ? deductionItem(entered)
        : table.ownRules?.itemDeductions
          ? itemDeduction({ max: opts.max, ...entered })
          : taskScore(opts);
    // The table's own 得分: read when filled; when empty, written as the same live formula.
    const own = col('score');
    const ownEmpty = own !== undefined && (getCell(grid, a, columnNumber(own))?.text.trim() ?? '') === '' && getCell(grid, a, columnNumber(own))?.formula === undefined;
    if (own && ownEmpty) edits.push({ kind: 'cell', sheet, cell: `${own}${a}`, formula: computed, ...POINTS });
    const formula = own ? ownScoreFirst(`${own}${a}`, computed) : computed;
    edits.push({ kind: 'cell', sheet, cell: `${scoreCol}${a}`, formula, ...POINTS, computes: task });
    cells.push({
      task,
      score: `${q}!$${scoreCol}$${a}`,
      status: `${q}!${status}`,
      due: `${q}!${due}`,
      nodes: k.nodes.length,
      otherRows: b - a + 1 - k.nodes.length,
      vetoFailed: k.veto
        ? `SUMPRODUCT((1-${isDone(`${q}!${status}`)})*SIGN(${isDelayed(`${q}!${status}`)}+(${q}!${due}<>"")*(${q}!${due}<${AS_OF_NAME})))>0`
        : null,
      ...(table.ownRules?.itemDeductions ? { wholeItem: true as const } : {}),
    });
  });

  // 序时进度 lights: their own columns, and the progress cell coloured by its light (not by the state).
  const lights = input.lights ? planLights({ grid, table, lang: input.lang, policy: input.lights, statusCol, dueCol, scoreCol }, findings) : null;
  if (lights) pushAll(edits, lights.edits);
  const lightsOwn = lights ? columnNumber(lights.columns.progress) : null;

  // Colours for every node row, from its own status and due cells, over the columns whose cells
  // belong to one node (see nodeColumnRuns): a cell merged over several nodes is left uncoloured.
  const top = minOf(table.tasks.map((k) => k.rows[0]));
  const bottom = maxOf(table.tasks.map((k) => k.rows[1]));
  if (table.tasks.length > 0) {
    const left = columnNumber(table.columns[0]?.column ?? 'A');
    const s = `$${statusCol}${top}`;
    const d = `$${dueCol}${top}`;
    nodeColumnRuns(grid, table, left, columnNumber(scoreCol), columnNumber(scoreCol), lightsOwn).forEach(([from, to], j) => {
      const range = `${columnLetters(from)}${top}:${columnLetters(to)}${bottom}`;
      edits.push({ kind: 'highlight', sheet, range, formula: isDone(s), fill: STATE_LOOK.done.fill, font: STATE_LOOK.done.font, priority: 3 * j + 1 });
      edits.push({ kind: 'highlight', sheet, range, formula: `AND(NOT(${isDone(s)}),OR(${isDelayed(s)},AND(${d}<>"",${d}<${AS_OF_NAME})))`, fill: STATE_LOOK.overdue.fill, font: STATE_LOOK.overdue.font, priority: 3 * j + 2 });
      edits.push({ kind: 'highlight', sheet, range, formula: `AND(NOT(${isDone(s)}),${d}<>"",${d}>=${AS_OF_NAME},${d}-${AS_OF_NAME}<=${input.policy.dueSoonDays})`, fill: STATE_LOOK.dueSoon.fill, font: STATE_LOOK.dueSoon.font, priority: 3 * j + 3 });
    });
  }
  return { edits, tasks: cells, ...(lights ? { lights: { sheet, range: lights.lightRange } } : {}) };
}

/**
 * The runs of columns, `left`..`right`, whose cells each belong to one node, as [from, to] column
 * numbers. A conditional format colours a merged cell as its top-left cell's row, so a cell merged
 * over several node rows (a task's title, owner or weight; a category over several tasks) would show
 * its first node's state — green while the others are overdue. Such columns get no colour: never the
 * best of several states. The score column (`scoreCol`), one cell per task, is a task's cell too when
 * a task has several nodes.
 */
export function nodeColumnRuns(grid: Grid, table: TableReport, left: number, right: number, scoreCol: number, lightsCol: number | null = null): Array<[number, number]> {
  const nodeRows = new Set(table.tasks.flatMap((k) => k.nodes.map((n) => n.row)));
  const top = minOf(table.tasks.map((k) => k.rows[0]));
  const bottom = maxOf(table.tasks.map((k) => k.rows[1]));
  const taskColumns = new Set<number>();
  for (const m of grid.merges) {
    if (m.bottom < top || m.top > bottom || m.right < left || m.left > right) continue;
    let spanned = 0;
    for (let r = m.top; r <= m.bottom && spanned < 2; r++) if (nodeRows.has(r)) spanned++;
    if (spanned >= 2) for (let c = Math.max(left, m.left); c <= Math.min(right, m.right); c++) taskColumns.add(c);
  }
  if (table.tasks.some((k) => k.nodes.length > 1)) taskColumns.add(scoreCol);
  // The progress cell a light colours takes the light's colour alone.
  if (lightsCol !== null) taskColumns.add(lightsCol);
  const runs: Array<[number, number]> = [];
  for (let c = left; c <= right; c++) {
    if (taskColumns.has(c)) continue;
    const last = runs[runs.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}

/** A string as an Excel formula literal. */
function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Why a table would show no points, for the text its total shows when nothing is decided: the core's
 * reason as of the plan's date, or (when something is decided now but may not be after staff clear
 * a status) what the table's nodes would leave.
 */
function noScoreReasonAtPlan(table: TableReport): NoScoreReason {
  if (table.noScore) return table.noScore;
  if (table.ownRules?.itemDeductions) return 'no-deductions-yet';
  const s = table.score;
  if (s && s.unscorable > 0 && s.open === 0 && s.decided === 0) return 'no-deadline-no-status';
  if (s && s.unscorable === 0) return 'not-yet-due';
  return 'not-yet-due-or-no-deadline';
}

function equalSharesText(input: PlanInput, table: TableReport): string {
  const share = table.tasks.length > 0 ? input.policy.equalSharesTotal / table.tasks.length : 0;
  return t(input.lang, 'score.equal-shares', { total: input.policy.equalSharesTotal, tasks: table.tasks.length, share: Number(share.toFixed(2)) });
}

/**
 * The add-in's own sheet name, stepping aside for a user's sheet of that name (`评分汇总 (2)`); Excel
 * compares sheet names without case.
 */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n})`;
  return name;
}

/** The row of the summary's task list header, and its first task row. */
const TASK_LIST_TOP = 5;
/** The task list's columns: table, category, task, max, score, nodes decided / open / unscorable, veto failed. */
const TASK_COL = { table: 'K', category: 'L', task: 'M', max: 'N', score: 'O', decided: 'P', open: 'Q', unscorable: 'R', veto: 'S' } as const;
/** The category key of tasks outside any category. */
const ROOT = '';

function key(path: readonly string[]): string {
  return path.join('\u0000');
}

function parentKey(path: readonly string[]): string | null {
  return path.length > 1 ? key(path.slice(0, -1)) : null;
}

/**
 * The order the summary lists a table in: categories breadth first, each level's categories grouped
 * under their parents in the table's order (so the children of any category are adjacent rows, one
 * range); and its tasks grouped by category, tasks outside any category first, then each category's
 * own tasks in the order of the category rows (so each category's own tasks are one range too).
 * A category whose parent the table does not list comes after its level, added to nothing, as the
 * core does.
 */
export function summaryOrder(table: TableReport): {
  categories: TableReport['categories'];
  taskGroups: Array<{ key: string; tasks: number[] }>;
} {
  const unique = table.categories.filter((c, i) => table.categories.findIndex((d) => key(d.path) === key(c.path)) === i);
  const known = new Set(unique.map((c) => key(c.path)));
  const ordered: TableReport['categories'] = [];
  let level = unique.filter((c) => c.path.length === 1);
  for (let depth = 1; level.length > 0 || unique.some((c) => c.path.length > depth); depth++) {
    pushAll(ordered, level);
    const placed = new Set(ordered.map((c) => key(c.path)));
    const next = unique.filter((c) => c.path.length === depth + 1);
    const byParent = level.flatMap((p) => next.filter((c) => parentKey(c.path) === key(p.path)));
    const orphans = next.filter((c) => !byParent.includes(c) && !placed.has(key(c.path)));
    level = [...byParent, ...orphans];
  }
  const groups = new Map<string, number[]>([[ROOT, []], ...ordered.map((c): [string, number[]] => [key(c.path), []])]);
  const stray: number[] = [];
  table.tasks.forEach((k, i) => {
    const g = k.category.length === 0 ? ROOT : key(k.category);
    if (known.has(g) || g === ROOT) groups.get(g)?.push(i);
    else stray.push(i);
  });
  // A task in a category the table does not list adds to nothing, as in the core; it is still listed.
  return { categories: ordered, taskGroups: [...[...groups].map(([k, tasks]) => ({ key: k, tasks })), { key: '\u0001stray', tasks: stray }] };
}

function taskListHeader(lang: Lang, summary: string): Edit[] {
  const labels: Array<[string, MessageKey]> = [
    [TASK_COL.table, 'plan.col-table'],
    [TASK_COL.category, 'plan.col-category'],
    [TASK_COL.task, 'plan.col-task'],
    [TASK_COL.max, 'plan.col-max'],
    [TASK_COL.score, 'plan.col-score'],
    [TASK_COL.decided, 'plan.col-decided'],
    [TASK_COL.open, 'plan.col-open'],
    [TASK_COL.unscorable, 'plan.col-unscorable'],
    [TASK_COL.veto, 'plan.col-veto'],
  ];
  return [
    { kind: 'cell', sheet: summary, cell: `${TASK_COL.table}${TASK_LIST_TOP - 2}`, value: t(lang, 'plan.tasks-title'), bold: true },
    ...labels.map(([c, k]): Edit => ({ kind: 'cell', sheet: summary, cell: `${c}${TASK_LIST_TOP - 1}`, value: t(lang, k), bold: true, fill: HEADER_FILL })),
    { kind: 'width', sheet: summary, column: TASK_COL.table, width: 30 },
    { kind: 'width', sheet: summary, column: TASK_COL.category, width: 24 },
    { kind: 'width', sheet: summary, column: TASK_COL.task, width: 40 },
  ];
}

/**
 * A task's row: its score read from its score cell, and how many of its nodes are decided (done,
 * said to be behind, or past due), unscorable (no due date and no such status) and open (the rest),
 * as live formulas over the same status and due cells its score reads.
 */
function taskListRow(summary: string, r: number, title: string, k: TaskReport, max: number, c: TaskCells): Edit[] {
  const said = `${isDone(c.status)}+${isDelayed(c.status)}`;
  const name = [k.seq, k.title].filter((x) => x !== null && x !== undefined && String(x).trim() !== '').join(' ');
  // An empty text is no cell at all: a host writes nothing for it.
  const label = (column: string, text: string): Edit[] => (text === '' ? [] : [{ kind: 'cell', sheet: summary, cell: `${column}${r}`, value: clip(text) }]);
  return [
    ...label(TASK_COL.table, title),
    ...label(TASK_COL.category, k.category.join(' / ')),
    ...label(TASK_COL.task, name),
    { kind: 'cell', sheet: summary, cell: `${TASK_COL.max}${r}`, value: max, ...POINTS },
    { kind: 'cell', sheet: summary, cell: `${TASK_COL.score}${r}`, formula: c.score, ...POINTS, computes: c.task },
    {
      kind: 'cell',
      sheet: summary,
      cell: `${TASK_COL.decided}${r}`,
      formula: c.wholeItem ? `IF(ISNUMBER(${c.score}),${c.nodes},0)` : `SUMPRODUCT(${dueMask(c.status, c.due)})`,
      computes: { ...c.task, part: 'decided' },
    },
    {
      kind: 'cell',
      sheet: summary,
      cell: `${TASK_COL.unscorable}${r}`,
      formula: c.wholeItem ? '0' : `SUMPRODUCT((${c.due}="")*(1-SIGN(${said})))${c.otherRows > 0 ? `-${c.otherRows}` : ''}`,
      computes: { ...c.task, part: 'unscorable' },
    },
    { kind: 'cell', sheet: summary, cell: `${TASK_COL.open}${r}`, formula: `${c.nodes}-${TASK_COL.decided}${r}-${TASK_COL.unscorable}${r}`, computes: { ...c.task, part: 'open' } },
    ...(c.vetoFailed ? [{ kind: 'cell' as const, sheet: summary, cell: `${TASK_COL.veto}${r}`, formula: `IF(${c.vetoFailed},1,0)`, computes: { ...c.task, part: 'veto' as const } }] : []),
  ];
}

/** A label within a cell's text limit. */
function clip(text: string): string {
  return text.length > 1000 ? `${text.slice(0, 999)}…` : text;
}

/** An added column's width (Excel's unit: characters of the default font's `0`), unless its label needs more. */
const ADDED_COLUMN_WIDTH = 14;
/** Full-width characters (CJK, full-width punctuation and forms), about two `0`s wide each. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** The width a bold header label takes on one line, with a character's margin each side. */
export function labelWidth(text: string): number {
  let units = 0;
  for (const ch of text) units += WIDE.test(ch) ? 2.1 : 1.15;
  return Math.ceil(units) + 2;
}

/**
 * One width per column: where two tables add a column at the same letter (stacked tables, their
 * labels of different lengths), the widest stands, at the first place, so that no label is cut.
 */
function widestOnce(edits: Edit[]): Edit[] {
  const widest = new Map<string, number>();
  for (const e of edits) if (e.kind === 'width') widest.set(`${e.sheet}\u0000${e.column}`, Math.max(widest.get(`${e.sheet}\u0000${e.column}`) ?? 0, e.width));
  const done = new Set<string>();
  return edits.flatMap((e): Edit[] => {
    if (e.kind !== 'width') return [e];
    const key = `${e.sheet}\u0000${e.column}`;
    if (done.has(key)) return [];
    done.add(key);
    return [{ ...e, width: widest.get(key) as number }];
  });
}

export function buildPlan(input: PlanInput): { plan: EditPlan; findings: Finding[] } {
  const findings: Finding[] = [];
  const edits: Edit[] = [];
  const summary = freeSheetName(t(input.lang, 'plan.summary-sheet'), input.sheets.map((s) => s.grid.name));
  // The words the live formulas match, in the workbook's language.
  const doneWords = wordsInLanguage(input.lang, DONE_WORDS);
  const delayedWords = wordsInLanguage(input.lang, DELAYED_WORDS);
  const summaryEdits: Edit[] = [
    { kind: 'sheet', sheet: summary },
    { kind: 'cell', sheet: summary, cell: 'A1', value: t(input.lang, 'plan.summary-title'), bold: true },
    { kind: 'cell', sheet: summary, cell: 'A2', value: t(input.lang, 'plan.as-of') },
    input.asOf
      ? { kind: 'cell', sheet: summary, cell: 'B2', value: isoToSerial(input.asOf), numFmt: 'yyyy-mm-dd' }
      : { kind: 'cell', sheet: summary, cell: 'B2', formula: 'TODAY()', numFmt: 'yyyy-mm-dd', computes: { what: 'as-of' } },
    { kind: 'name', name: AS_OF_NAME, sheet: summary, cell: '$B$2' },
    { kind: 'cell', sheet: summary, cell: 'A3', value: t(input.lang, 'plan.reading') },
    { kind: 'cell', sheet: summary, cell: 'B3', value: t(input.lang, `score.reading.${input.policy.reading}`) },
    { kind: 'cell', sheet: summary, cell: 'A4', value: t(input.lang, 'plan.col-table'), bold: true, fill: HEADER_FILL },
    { kind: 'cell', sheet: summary, cell: 'B4', value: t(input.lang, 'plan.col-category'), bold: true, fill: HEADER_FILL },
    { kind: 'cell', sheet: summary, cell: 'C4', value: t(input.lang, 'plan.col-declared'), bold: true, fill: HEADER_FILL },
    { kind: 'cell', sheet: summary, cell: 'D4', value: t(input.lang, 'plan.col-earned'), bold: true, fill: HEADER_FILL },
    { kind: 'cell', sheet: summary, cell: 'E4', value: t(input.lang, 'plan.col-max'), bold: true, fill: HEADER_FILL },
    { kind: 'cell', sheet: summary, cell: 'F4', value: t(input.lang, 'plan.col-note'), bold: true, fill: HEADER_FILL },
    { kind: 'width', sheet: summary, column: 'F', width: 40 },
    { kind: 'width', sheet: summary, column: 'A', width: 36 },
    { kind: 'width', sheet: summary, column: 'B', width: 36 },
    { kind: 'cell', sheet: summary, cell: 'H4', value: t(input.lang, 'plan.done-words'), bold: true, fill: HEADER_FILL },
    { kind: 'cell', sheet: summary, cell: 'I4', value: t(input.lang, 'plan.delayed-words'), bold: true, fill: HEADER_FILL },
    ...doneWords.map((w, i): Edit => ({ kind: 'cell', sheet: summary, cell: `H${5 + i}`, value: w })),
    ...delayedWords.map((w, i): Edit => ({ kind: 'cell', sheet: summary, cell: `I${5 + i}`, value: w })),
    { kind: 'name', name: DONE_WORDS_NAME, sheet: summary, cell: `$H$5:$H$${4 + doneWords.length}` },
    { kind: 'name', name: DELAYED_WORDS_NAME, sheet: summary, cell: `$I$5:$I$${4 + delayedWords.length}` },
  ];
  // Categories and totals on the left (columns A–F); every task on the right (columns K–S), so that
  // each sum reads a range, never a list of cells: no formula grows with the table.
  pushAll(summaryEdits, taskListHeader(input.lang, summary));
  let row = 5;
  let taskRow = TASK_LIST_TOP;
  const lightRanges: Array<{ sheet: string; range: string }> = [];
  for (const { grid, tables } of input.sheets) {
    for (const table of tables) {
      const p = planTable(grid, table, input, findings);
      if (!p) continue;
      pushAll(edits, p.edits);
      if (p.lights) lightRanges.push(p.lights);
      const title = table.title ?? `${grid.name}!${table.range}`;
      const order = summaryOrder(table);
      const maxima = scoreTable(table, [], input.policy, [], table.ownRules ?? {});
      const taskMax = taskMaxima(table, input.policy);

      // The task list: a row per task, grouped by category in the order of the category rows.
      const blocks = new Map<string, { first: number; last: number }>();
      const firstTask = taskRow;
      for (const group of order.taskGroups) {
        if (group.tasks.length > 0) blocks.set(group.key, { first: taskRow, last: taskRow + group.tasks.length - 1 });
        for (const i of group.tasks) {
          const k = table.tasks[i] as TaskReport;
          pushAll(summaryEdits, taskListRow(summary, taskRow, title, k, taskMax[i] ?? 0, p.tasks[i] as TaskCells));
          taskRow++;
        }
      }
      const lastTask = taskRow - 1;

      // Category rows in breadth-first order, so that the children of each category are adjacent rows.
      const catRow = new Map<string, number>();
      order.categories.forEach((c, j) => catRow.set(key(c.path), row + j));
      const childBlock = (parent: string | null): string | null => {
        const rows = order.categories.filter((c) => parentKey(c.path) === parent).map((c) => catRow.get(key(c.path)) as number);
        return rows.length > 0 ? `$D$${minOf(rows)}:$D$${maxOf(rows)}` : null;
      };
      const taskBlock = (k: string, column: string): string | null => {
        const b = blocks.get(k);
        return b ? `$${column}$${b.first}:$${column}$${b.last}` : null;
      };
      for (const c of order.categories) {
        const k = key(c.path);
        const r = catRow.get(k) as number;
        const parts = [taskBlock(k, TASK_COL.score), childBlock(k)].filter((x): x is string => x !== null);
        const sum = `SUM(${parts.join(',')})`;
        const capped = input.policy.capCategories && c.declared !== undefined ? `MIN(${c.declared},${sum})` : sum;
        const vetoRange = taskBlock(k, TASK_COL.veto);
        const hasVeto = order.taskGroups.some((g) => g.key === k && g.tasks.some((i) => table.tasks[i]?.veto === true));
        const vetoed = input.policy.vetoScope === 'category' && hasVeto && vetoRange ? `IF(SUM(${vetoRange})>0,0,${capped})` : capped;
        // No points when none of its tasks has any (each then shows empty text, which COUNT skips).
        const formula = parts.length > 0 ? `IF(COUNT(${parts.join(',')})=0,"",${vetoed})` : '""';
        summaryEdits.push(
          { kind: 'cell', sheet: summary, cell: `A${r}`, value: title },
          { kind: 'cell', sheet: summary, cell: `B${r}`, value: c.path.join(' / ') },
          ...(c.declared !== undefined ? [{ kind: 'cell' as const, sheet: summary, cell: `C${r}`, value: c.declared }] : []),
          { kind: 'cell', sheet: summary, cell: `D${r}`, formula, ...POINTS, computes: { what: 'category', sheet: grid.name, table: table.range, path: [...c.path] } },
          { kind: 'cell', sheet: summary, cell: `E${r}`, value: maxima.categories.get(k)?.max ?? 0 },
        );
      }
      row += order.categories.length;

      const topParts = [taskBlock(ROOT, TASK_COL.score), childBlock(null)].filter((x): x is string => x !== null);
      const total = `SUM(${topParts.join(',')})`;
      const anyVeto = table.tasks.some((k) => k.veto);
      const vetoedTotal =
        input.policy.vetoScope === 'total' && anyVeto && lastTask >= firstTask
          ? `IF(SUM($${TASK_COL.veto}$${firstTask}:$${TASK_COL.veto}$${lastTask})>0,0,${total})`
          : total;
      // Nothing decided anywhere in the table: the reason, never a number.
      const reason = formulaText(t(input.lang, `score.none.${noScoreReasonAtPlan(table)}`));
      const base = table.ownRules?.deductionBase;
      const totalFormula =
        base !== undefined
          ? deductionTotal(base, topParts, formulaText(t(input.lang, 'score.none.no-deductions-yet')))
          : topParts.length > 0
            ? `IF(COUNT(${topParts.join(',')})=0,${reason},${vetoedTotal})`
            : reason;
      summaryEdits.push(
        { kind: 'cell', sheet: summary, cell: `A${row}`, value: title, bold: true },
        { kind: 'cell', sheet: summary, cell: `B${row}`, value: t(input.lang, 'plan.total'), bold: true },
        { kind: 'cell', sheet: summary, cell: `D${row}`, formula: totalFormula, ...POINTS, bold: true, computes: { what: 'total', sheet: grid.name, table: table.range } },
        { kind: 'cell', sheet: summary, cell: `E${row}`, value: maxima.table.max, bold: true },
        ...(maxima.equalShares
          ? [{ kind: 'cell' as const, sheet: summary, cell: `F${row}`, value: equalSharesText(input, table) }]
          : []),
      );
      row += 2;
    }
  }
  if (input.lights) pushAll(summaryEdits, lightsSummary(summary, input.lang, input.lights, lightRanges));
  return { plan: { version: 1, ...(input.asOf ? { asOf: input.asOf } : {}), edits: widestOnce([...summaryEdits, ...edits]) }, findings };
}

