/**
 * Recognized tables → an EditPlan that makes the workbook live: to the right of each table a status
 * column with a dropdown (when the table has none), the due date of every node as a real date, and
 * each task's score as a formula over its weight and its nodes' status and due cells; colours for
 * done / overdue / due soon as conditional formats over those cells and the as-of date; and a summary
 * sheet with the as-of date (a named cell, TODAY() by default) and category and table totals as
 * formulas. A cell that would be overwritten but holds the user's data is a finding; that table is
 * then left as it is.
 */
import { dueDate } from '../progress';
import { STATUS_CHOICES } from '../progress/status-words';
import { columnLetters, columnNumber, getCell, sheetCellAddress, type Grid } from '../grid';
import { t, type Lang } from '../i18n';
import type { Finding, TableReport, TaskReport } from '../report/schema';
import type { ScoringPolicy } from '../settings/scoring-policy';
import { scoreTable, taskMaxima, type NoScoreReason } from '../scoring';
import { DELAYED_WORDS, DELAYED_WORDS_NAME, DONE_WORDS, DONE_WORDS_NAME, isDelayed, isDone, taskScore } from './formulas';
import { AS_OF_NAME, type Edit, type EditPlan } from './plan';
import { maxOf, minOf, pushAll } from '../arrays';

export interface PlanInput {
  sheets: Array<{ grid: Grid; tables: TableReport[] }>;
  lang: Lang;
  /** Fixed as-of date (ISO); absent: the workbook uses TODAY(). */
  asOf?: string;
  /** The date due dates of recurring deadlines are computed for (the fixed as-of, or today). */
  today: string;
  policy: ScoringPolicy;
}

/** Points with up to two decimals; `0.##` would show a bare point after whole numbers (`10.`). */
const POINTS = '0.0#';

const FILL = { done: 'C6EFCE', overdue: 'FFC7CE', dueSoon: 'FFEB9C', header: 'DDEBF7' } as const;
const FONT = { done: '006100', overdue: '9C0006', dueSoon: '9C5700' } as const;

function serial(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

interface TablePlan {
  edits: Edit[];
  /** Per task: the score cell, for the summary's formulas. */
  scoreCells: string[];
  /** Per task: a formula TRUE when its veto has failed (only for veto tasks). */
  vetoFailed: Array<string | null>;
}

function planTable(grid: Grid, table: TableReport, input: PlanInput, findings: Finding[]): TablePlan | null {
  const sheet = grid.name;
  const q = quoteSheet(sheet);
  const col = (role: string) => table.columns.find((c) => c.role === role)?.column;
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
      severity: 'info',
      sheet,
      message: t(input.lang, 'plan.milestones-in-columns', { range: `${sheet}!${table.range}` }),
    });
    return null;
  }

  // Never write over the user's data.
  let occupied = false;
  for (const c of newColumns) {
    for (const r of rows) {
      const cell = getCell(grid, r, columnNumber(c));
      // A formula is the user's even when its cached value is empty (not yet calculated, or "").
      const found = cell?.formula !== undefined && cell.text.trim() === '' ? `=${cell.formula}` : cell?.text;
      if (found !== undefined && found.trim() !== '') {
        occupied = true;
        findings.push({
          rule: 'plan.occupied',
          severity: 'warning',
          sheet,
          cell: sheetCellAddress(sheet, r, columnNumber(c)),
          found,
          expected: t(input.lang, 'plan.occupied.expected'),
          message: t(input.lang, 'plan.occupied', { cell: `${c}${r}`, found }),
        });
      }
    }
  }
  if (occupied) return null;

  const edits: Edit[] = [];
  const header = (c: string, key: 'plan.status' | 'plan.due' | 'plan.score') => {
    // A header repeated before each item gets the new labels each time, under the last header row.
    for (const h of headerRows) {
      if (headerRows.length > 1 && table.headerRows.includes(h + 1)) continue;
      edits.push({ kind: 'cell', sheet, cell: `${c}${h}`, value: t(input.lang, key), bold: true, fill: FILL.header });
    }
    edits.push({ kind: 'width', sheet, column: c, width: 14 });
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
      if (due) edits.push({ kind: 'cell', sheet, cell: `${dueCol}${n.row}`, value: serial(due), numFmt: 'yyyy-mm-dd' });
    }
  }

  const maxima = taskMaxima(table, input.policy);
  const weightCol = col('weight');
  const scoreCells: string[] = [];
  const vetoFailed: Array<string | null> = [];
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
    if (bonus) opts.bonus = `${bonus}${a}`;
    const deduction = col('deduction');
    if (deduction) opts.deduction = `${deduction}${a}`;
    edits.push({ kind: 'cell', sheet, cell: `${scoreCol}${a}`, formula: taskScore(opts), numFmt: POINTS });
    scoreCells.push(`${q}!$${scoreCol}$${a}`);
    vetoFailed.push(
      k.veto
        ? `SUMPRODUCT((1-${isDone(`${q}!${status}`)})*SIGN(${isDelayed(`${q}!${status}`)}+(${q}!${due}<>"")*(${q}!${due}<${AS_OF_NAME})))>0`
        : null,
    );
  });

  // Colours for every node row, from its own status and due cells.
  const top = minOf(table.tasks.map((k) => k.rows[0]));
  const bottom = maxOf(table.tasks.map((k) => k.rows[1]));
  if (table.tasks.length > 0) {
    const left = table.columns[0]?.column ?? 'A';
    const range = `${left}${top}:${scoreCol}${bottom}`;
    const s = `$${statusCol}${top}`;
    const d = `$${dueCol}${top}`;
    edits.push({ kind: 'highlight', sheet, range, formula: isDone(s), fill: FILL.done, font: FONT.done, priority: 1 });
    edits.push({ kind: 'highlight', sheet, range, formula: `AND(NOT(${isDone(s)}),OR(${isDelayed(s)},AND(${d}<>"",${d}<${AS_OF_NAME})))`, fill: FILL.overdue, font: FONT.overdue, priority: 2 });
    edits.push({ kind: 'highlight', sheet, range, formula: `AND(NOT(${isDone(s)}),${d}<>"",${d}>=${AS_OF_NAME},${d}-${AS_OF_NAME}<=${input.policy.dueSoonDays})`, fill: FILL.dueSoon, font: FONT.dueSoon, priority: 3 });
  }
  return { edits, scoreCells, vetoFailed };
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

export function buildPlan(input: PlanInput): { plan: EditPlan; findings: Finding[] } {
  const findings: Finding[] = [];
  const edits: Edit[] = [];
  const summary = freeSheetName(t(input.lang, 'plan.summary-sheet'), input.sheets.map((s) => s.grid.name));
  const S = quoteSheet(summary);
  const summaryEdits: Edit[] = [
    { kind: 'sheet', sheet: summary },
    { kind: 'cell', sheet: summary, cell: 'A1', value: t(input.lang, 'plan.summary-title'), bold: true },
    { kind: 'cell', sheet: summary, cell: 'A2', value: t(input.lang, 'plan.as-of') },
    input.asOf
      ? { kind: 'cell', sheet: summary, cell: 'B2', value: serial(input.asOf), numFmt: 'yyyy-mm-dd' }
      : { kind: 'cell', sheet: summary, cell: 'B2', formula: 'TODAY()', numFmt: 'yyyy-mm-dd' },
    { kind: 'name', name: AS_OF_NAME, sheet: summary, cell: '$B$2' },
    { kind: 'cell', sheet: summary, cell: 'A3', value: t(input.lang, 'plan.reading') },
    { kind: 'cell', sheet: summary, cell: 'B3', value: t(input.lang, `score.reading.${input.policy.reading}`) },
    { kind: 'cell', sheet: summary, cell: 'A4', value: t(input.lang, 'plan.col-table'), bold: true, fill: FILL.header },
    { kind: 'cell', sheet: summary, cell: 'B4', value: t(input.lang, 'plan.col-category'), bold: true, fill: FILL.header },
    { kind: 'cell', sheet: summary, cell: 'C4', value: t(input.lang, 'plan.col-declared'), bold: true, fill: FILL.header },
    { kind: 'cell', sheet: summary, cell: 'D4', value: t(input.lang, 'plan.col-earned'), bold: true, fill: FILL.header },
    { kind: 'cell', sheet: summary, cell: 'E4', value: t(input.lang, 'plan.col-max'), bold: true, fill: FILL.header },
    { kind: 'cell', sheet: summary, cell: 'F4', value: t(input.lang, 'plan.col-note'), bold: true, fill: FILL.header },
    { kind: 'width', sheet: summary, column: 'F', width: 40 },
    { kind: 'width', sheet: summary, column: 'A', width: 36 },
    { kind: 'width', sheet: summary, column: 'B', width: 36 },
    { kind: 'cell', sheet: summary, cell: 'H4', value: t(input.lang, 'plan.done-words'), bold: true, fill: FILL.header },
    { kind: 'cell', sheet: summary, cell: 'I4', value: t(input.lang, 'plan.delayed-words'), bold: true, fill: FILL.header },
    ...DONE_WORDS.map((w, i): Edit => ({ kind: 'cell', sheet: summary, cell: `H${5 + i}`, value: w })),
    ...DELAYED_WORDS.map((w, i): Edit => ({ kind: 'cell', sheet: summary, cell: `I${5 + i}`, value: w })),
    { kind: 'name', name: DONE_WORDS_NAME, sheet: summary, cell: `$H$5:$H$${4 + DONE_WORDS.length}` },
    { kind: 'name', name: DELAYED_WORDS_NAME, sheet: summary, cell: `$I$5:$I$${4 + DELAYED_WORDS.length}` },
  ];
  let row = 5;
  for (const { grid, tables } of input.sheets) {
    for (const table of tables) {
      const p = planTable(grid, table, input, findings);
      if (!p) continue;
      pushAll(edits, p.edits);
      const key = (path: readonly string[]) => path.join('\u0000');
      // Categories deepest first, each summing its direct tasks and sub-categories, capped and vetoed.
      const cats = [...table.categories].sort((a, b) => b.path.length - a.path.length);
      // The maxima the core reports: declared totals where capped, else the tasks' maxima.
      const maxima = scoreTable(table, [], input.policy);
      const catCell = new Map<string, string>();
      const catRows: Array<{ row: number; edits: Edit[] }> = [];
      for (const c of cats) {
        const r = row + cats.length - cats.indexOf(c) - 1;
        const parts = table.tasks.flatMap((k, i) => (key(k.category) === key(c.path) ? [p.scoreCells[i] as string] : []));
        for (const [other, cell] of catCell) if (other.split('\u0000').length === c.path.length + 1 && other.startsWith(`${key(c.path)}\u0000`)) parts.push(cell);
        const sum = `SUM(${parts.join(',')})`;
        const capped = input.policy.capCategories && c.declared !== undefined ? `MIN(${c.declared},${sum})` : sum;
        const vetoes = table.tasks.flatMap((k, i) => (key(k.category) === key(c.path) && p.vetoFailed[i] ? [p.vetoFailed[i] as string] : []));
        const vetoed = input.policy.vetoScope === 'category' && vetoes.length > 0 ? `IF(OR(${vetoes.join(',')}),0,${capped})` : capped;
        // No points when none of its tasks has any (each then shows empty text, which COUNT skips).
        const formula = parts.length > 0 ? `IF(COUNT(${parts.join(',')})=0,"",${vetoed})` : '""';
        catCell.set(key(c.path), `${S}!$D$${r}`);
        const max = maxima.categories.get(key(c.path))?.max ?? 0;
        catRows.push({
          row: r,
          edits: [
            { kind: 'cell', sheet: summary, cell: `A${r}`, value: table.title ?? `${grid.name}!${table.range}` },
            { kind: 'cell', sheet: summary, cell: `B${r}`, value: c.path.join(' / ') },
            ...(c.declared !== undefined ? [{ kind: 'cell' as const, sheet: summary, cell: `C${r}`, value: c.declared }] : []),
            { kind: 'cell', sheet: summary, cell: `D${r}`, formula, numFmt: POINTS },
            { kind: 'cell', sheet: summary, cell: `E${r}`, value: max },
          ],
        });
      }
      for (const cr of catRows.sort((a, b) => a.row - b.row)) pushAll(summaryEdits, cr.edits);
      row += cats.length;
      const topParts = [
        ...table.tasks.flatMap((k, i) => (k.category.length === 0 ? [p.scoreCells[i] as string] : [])),
        ...[...catCell].filter(([k]) => k.split('\u0000').length === 1).map(([, c]) => c),
      ];
      const total = `SUM(${topParts.join(',')})`;
      const allVetoes = p.vetoFailed.filter((v): v is string => v !== null);
      const vetoedTotal = input.policy.vetoScope === 'total' && allVetoes.length > 0 ? `IF(OR(${allVetoes.join(',')}),0,${total})` : total;
      // Nothing decided anywhere in the table: the reason, never a number.
      const reason = formulaText(t(input.lang, `score.none.${noScoreReasonAtPlan(table)}`));
      const totalFormula = topParts.length > 0 ? `IF(COUNT(${topParts.join(',')})=0,${reason},${vetoedTotal})` : reason;
      summaryEdits.push(
        { kind: 'cell', sheet: summary, cell: `A${row}`, value: table.title ?? `${grid.name}!${table.range}`, bold: true },
        { kind: 'cell', sheet: summary, cell: `B${row}`, value: t(input.lang, 'plan.total'), bold: true },
        { kind: 'cell', sheet: summary, cell: `D${row}`, formula: totalFormula, numFmt: POINTS, bold: true },
        { kind: 'cell', sheet: summary, cell: `E${row}`, value: maxima.table.max, bold: true },
        ...(maxima.equalShares
          ? [{ kind: 'cell' as const, sheet: summary, cell: `F${row}`, value: equalSharesText(input, table) }]
          : []),
      );
      row += 2;
    }
  }
  return { plan: { version: 1, ...(input.asOf ? { asOf: input.asOf } : {}), edits: [...summaryEdits, ...edits] }, findings };
}

