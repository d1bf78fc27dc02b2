/** Node states and scores as of a date, written into a recognized table's report. */
import { gridDateIso, parseDeadlineText, serialToIso } from '../dates';
import { columnNumber, type Cell } from '../grid';
import { nodeState, readStatus, type NodeState } from '../progress';
import type { SheetView } from '../recognize/sheet-view';
import { bonusCap, deductionBase, deductsPerItem, hasWeights, scoreTable, type TableRules, type TaskExtras } from '../scoring';
import type { ScoringPolicy } from '../settings/scoring-policy';
import type { Deadline, TableReport } from '../contract';
import { roleColumn } from '../contract';

const STATES: NodeState[] = ['done', 'done_late', 'overdue', 'due_soon', 'pending', 'no_deadline'];

function cellAt(view: SheetView, row: number, column: number | undefined): Cell | undefined {
  if (!column) return undefined;
  const a = view.anchor(row, column);
  return view.cell(a.row, a.col);
}

/** A completion date cell: a date, a serial, or text holding one date. */
function isoDate(cell: Cell | undefined, year: number | null): string | null {
  if (!cell) return null;
  if (cell.value.kind === 'date') return gridDateIso(cell.value.value);
  if (cell.value.kind === 'number') return serialToIso(cell.value.value);
  const d = parseDeadlineText(cell.text, { year });
  return d.kind === 'date' && d.end ? d.end : null;
}

function numberAt(cell: Cell | undefined): number | null {
  if (!cell) return null;
  if (cell.value.kind === 'number') return cell.value.value;
  const n = Number(cell.text.normalize('NFKC').replace(/分$/, '').trim());
  return cell.text.trim() !== '' && Number.isFinite(n) ? n : null;
}

/** The deadline a node's state is computed from when its table has none: never written into the report. */
function impliedDeadline(end: string): Deadline {
  return { kind: 'date', start: end, end, text: end, cell: '' };
}

/**
 * The rules the table states: its bonus header's cap, a 扣分制 starting score above it, or items
 * that each carry a 分值 and a 扣分 under rules that take points off.
 */
function tableRules(view: SheetView, table: TableReport): TableRules {
  const rules: TableRules = {};
  const cap = bonusCap(table.columns.find((c) => c.role === 'bonus')?.header);
  if (cap !== null) rules.bonusCap = cap;
  const lines = [table.title, ...table.titleRows.map((r) => view.rowText(r))];
  const base = deductionBase(lines);
  if (base !== null) rules.deductionBase = base;
  else if (
    table.columns.some((c) => c.role === 'deduction') &&
    hasWeights(table) &&
    deductsPerItem(
      lines,
      table.tasks.map((k) => view.rowText(k.rows[0])),
    )
  ) {
    rules.itemDeductions = true;
  }
  return rules;
}

export function annotateProgress(view: SheetView, table: TableReport, asOf: string, policy: ScoringPolicy): void {
  // Column numbers once per table, not once per node.
  const col = (role: string) => {
    const letters = roleColumn(table, role)?.column;
    return letters ? columnNumber(letters) : undefined;
  };
  const doneOnCol = col('done_on');
  const bonusCol = col('bonus');
  const deductionCol = col('deduction');
  const ownCol = col('score');
  const rules = tableRules(view, table);
  // A table with no deadline column at all (a 考核细则 of yearly items) is assessed at the end of its
  // plan year: its nodes are due then, open until that day, never full marks before it.
  const impliedDue = !col('deadline') && table.year !== null ? `${table.year}-12-31` : null;
  const counts = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<NodeState, number>;
  const states: NodeState[][] = [];
  const extras: TaskExtras[] = [];
  for (const task of table.tasks) {
    const taskStates: NodeState[] = [];
    const fractions: Array<number | null> = [];
    for (const node of task.nodes) {
      const doneOn = isoDate(cellAt(view, node.row, doneOnCol), table.year);
      if (doneOn) node.doneOn = doneOn;
      if (impliedDue && !node.deadline) node.impliedDue = impliedDue;
      const deadline = node.deadline ?? (node.impliedDue ? impliedDeadline(node.impliedDue) : null);
      const state = nodeState({ deadline, status: node.status, doneOn }, asOf, policy.dueSoonDays);
      node.state = state;
      counts[state]++;
      taskStates.push(state);
      fractions.push(readStatus(node.status)?.fraction ?? null);
    }
    states.push(taskStates);
    extras.push({
      bonus: numberAt(cellAt(view, task.rows[0], bonusCol)),
      deduction: numberAt(cellAt(view, task.rows[0], deductionCol)),
      own: numberAt(cellAt(view, task.rows[0], ownCol)),
      fractions,
    });
  }
  const scores = scoreTable(table, states, policy, extras, rules);
  if (rules.bonusCap !== undefined || rules.deductionBase !== undefined || rules.itemDeductions) table.ownRules = rules;
  table.tasks.forEach((t, i) => {
    t.score = scores.tasks[i];
    // A 扣分制 item's explanation shows what was taken off and added.
    const e = extras[i];
    if (typeof e?.own === 'number') t.scoreFrom = 'table';
    if (rules.itemDeductions && typeof e?.deduction === 'number') t.deduction = e.deduction;
    if (rules.itemDeductions && typeof e?.bonus === 'number') t.bonus = e.bonus;
    t.nodes.forEach((n, j) => {
      const s = scores.nodes[i]?.[j];
      if (s) n.score = s;
    });
  });
  for (const c of table.categories) {
    const s = scores.categories.get(c.path.join('\u0000'));
    if (s) c.score = s;
  }
  table.score = scores.table;
  table.scoreReading = policy.reading;
  if (scores.equalShares) table.equalShares = true;
  if (scores.noScore) table.noScore = scores.noScore;
  table.states = counts;
  if (scores.notEligibleForExcellence) table.notEligibleForExcellence = true;
}
