/**
 * Scores of a table as of a date, from its nodes' states, saying what they rest on.
 *
 * A task's maximum is its weight (or an equal share when the table has none, which the result says);
 * each of its nodes carries an equal part of it. A node done earns its part, done late `lateCredit`
 * of it, overdue nothing (or its percentage under `partialCredit`): these parts are *decided*. A node
 * not yet due is *open* and a node with no deadline and no status saying done or behind is
 * *unscorable*: neither ever earns its part. The policy's reading says what a score is read against
 * (`outOf`): the decided points ('so-far'), or the decided and open ones ('year-end').
 * A score with nothing to read against has no points (`earned: null`), only the reason.
 * Bonus and deduction cells add and take off (a bonus at most the cap its header declares; a task
 * never below 0); a task's own 得分, when the table has one filled in, is its points as written: the
 * table decided them. A 扣分制 table (a starting score stated above it) scores that start minus its
 * deductions plus its bonuses, and nothing while no deduction or bonus is entered. Categories add their tasks and are capped at their
 * declared totals; a veto item not done zeroes its category or the table. Scores keep full
 * precision, as the workbook's formulas do; rounding is for display.
 */
import type { ScoringPolicy } from '../settings/scoring-policy';
import type { NodeState } from '../progress';
import type { TableReport, TaskReport } from '../contract';
import type { TableRules } from './own-rules';

export type NodeBasis = 'decided' | 'open' | 'unscorable';

export interface Score {
  /** Null when nothing is decided: no points, only the reason. */
  earned: number | null;
  max: number;
  outOf: number;
  decided: number;
  open: number;
  unscorable: number;
}

export interface NodeScore {
  basis: NodeBasis;
  share: number;
  earned: number | null;
}

export interface TaskExtras {
  bonus?: number | null;
  deduction?: number | null;
  /** Share done per node, 0–1, when the status cell gives a percentage. */
  fractions?: ReadonlyArray<number | null>;
  /** The table's own 得分 cell, when it is filled: read, never recomputed. */
  own?: number | null;
}

export type NoScoreReason = 'not-yet-due' | 'no-deadline-no-status' | 'not-yet-due-or-no-deadline' | 'no-deductions-yet';

export interface TableScores {
  tasks: Score[];
  /** Per task, per node. */
  nodes: NodeScore[][];
  /** Keyed by the category path joined with '\u0000'. */
  categories: Map<string, Score>;
  table: Score;
  /** The table has no weights: each task got an equal share. */
  equalShares: boolean;
  /** Set when the table has no points to show. */
  noScore?: NoScoreReason;
  /** A 一票否优 item not done: the unit cannot be rated excellent, whatever its points. */
  notEligibleForExcellence: boolean;
  /** Veto items not done, by task index. */
  vetoed: number[];
}

const BASIS: Record<NodeState, NodeBasis> = {
  done: 'decided',
  done_late: 'decided',
  overdue: 'decided',
  due_soon: 'open',
  pending: 'open',
  no_deadline: 'unscorable',
};

export function nodeBasis(state: NodeState): NodeBasis {
  return BASIS[state];
}

/** Whether a table's tasks take their maxima from a weight column, or share the policy's total equally. */
export function hasWeights(table: TableReport): boolean {
  return table.columns.some((c) => c.role === 'weight') && table.tasks.some((t) => typeof t.weight === 'number');
}

export function taskMaxima(table: TableReport, policy: ScoringPolicy): number[] {
  const weighted = hasWeights(table);
  const share = table.tasks.length > 0 ? policy.equalSharesTotal / table.tasks.length : 0;
  return table.tasks.map((t) => (weighted ? (typeof t.weight === 'number' ? t.weight : 0) : share));
}

/** The credit of one decided node, 0–1. */
function nodeCredit(state: NodeState, policy: ScoringPolicy, fraction: number | null | undefined): number {
  if (state === 'done') return 1;
  if (state === 'done_late') return policy.lateCredit;
  return policy.partialCredit ? (fraction ?? 0) : 0;
}

/** What each node of a task earns of its part of `max`. */
export function nodeScores(states: readonly NodeState[], max: number, policy: ScoringPolicy, fractions: ReadonlyArray<number | null> = []): NodeScore[] {
  const share = states.length > 0 ? max / states.length : 0;
  return states.map((s, i) => {
    const basis = BASIS[s];
    return { basis, share, earned: basis === 'decided' ? share * nodeCredit(s, policy, fractions[i]) : null };
  });
}

/**
 * The share of a task's points earned, 0–1, read against the policy's reading; null when there is
 * nothing to read against (no node decided, or in the year-end reading none with a deadline).
 */
export function taskCredit(states: readonly NodeState[], policy: ScoringPolicy, fractions: ReadonlyArray<number | null> = []): number | null {
  // With a share of 1 per node, the points earned are the count of nodes' credits.
  const nodes = nodeScores(states, states.length, policy, fractions);
  const counted = nodes.filter((n) => n.basis === 'decided' || (policy.reading === 'year-end' && n.basis === 'open')).length;
  return counted === 0 ? null : nodes.reduce((sum, n) => sum + (n.earned ?? 0), 0) / counted;
}

/** A veto item fails when one of its milestones is overdue (a status saying 滞后 counts as overdue). */
function vetoFailed(states: readonly NodeState[]): boolean {
  return states.some((s) => s === 'overdue');
}

function outOf(decided: number, open: number, policy: ScoringPolicy): number {
  return policy.reading === 'year-end' ? decided + open : decided;
}

function add(a: Score, b: Score): Score {
  const earned = a.earned === null && b.earned === null ? null : (a.earned ?? 0) + (b.earned ?? 0);
  return { earned, max: a.max + b.max, outOf: a.outOf + b.outOf, decided: a.decided + b.decided, open: a.open + b.open, unscorable: a.unscorable + b.unscorable };
}

const ZERO: Score = { earned: null, max: 0, outOf: 0, decided: 0, open: 0, unscorable: 0 };

function capped(bonus: number | null | undefined, rules: TableRules): number {
  const b = bonus ?? 0;
  return rules.bonusCap !== undefined ? Math.min(b, rules.bonusCap) : b;
}

function taskScore(max: number, nodes: readonly NodeScore[], policy: ScoringPolicy, e: TaskExtras, rules: TableRules): Score {
  // The table's own score: the whole task is decided, as the table wrote it.
  if (typeof e.own === 'number') return { earned: e.own, max, outOf: max, decided: max, open: 0, unscorable: 0 };
  const sum = (b: NodeBasis) => nodes.filter((n) => n.basis === b).reduce((s, n) => s + n.share, 0);
  // A task without nodes has nothing that could be scored.
  const decided = sum('decided');
  const open = sum('open');
  const unscorable = nodes.length === 0 ? max : sum('unscorable');
  const o = outOf(decided, open, policy);
  const extra = capped(e.bonus, rules) - (e.deduction ?? 0);
  const points = nodes.reduce((s, n) => s + (n.earned ?? 0), 0);
  // A bonus or a deduction is itself decided, even on a task whose nodes are not.
  const earned = o > 0 || extra !== 0 ? Math.max(0, points + extra) : null;
  return { earned, max, outOf: o, decided, open, unscorable };
}

function noScoreReason(s: Score): NoScoreReason | undefined {
  if (s.earned !== null) return undefined;
  if (s.open > 0 && s.unscorable > 0) return 'not-yet-due-or-no-deadline';
  return s.open > 0 ? 'not-yet-due' : 'no-deadline-no-status';
}

export function scoreTable(
  table: TableReport,
  states: ReadonlyArray<readonly NodeState[]>,
  policy: ScoringPolicy,
  extras: ReadonlyArray<TaskExtras> = [],
  rules: TableRules = {},
): TableScores {
  if (rules.deductionBase !== undefined) return deductionTable(table, states, policy, extras, rules, rules.deductionBase);
  const maxima = taskMaxima(table, policy);
  const perItem = rules.itemDeductions === true;
  const tasks: Score[] = perItem ? table.tasks.map((_t, i) => itemScore(maxima[i] as number, policy, extras[i] ?? {}, rules)) : [];
  const nodes = table.tasks.map((t, i) =>
    perItem
      ? itemNodes(t.nodes.length, tasks[i] as Score)
      : nodeScores(states[i] ?? t.nodes.map(() => 'no_deadline' as const), maxima[i] as number, policy, extras[i]?.fractions),
  );
  if (!perItem) table.tasks.forEach((_t, i) => tasks.push(taskScore(maxima[i] as number, nodes[i] as NodeScore[], policy, extras[i] ?? {}, rules)));

  const vetoed = table.tasks.flatMap((t, i) => (t.veto && vetoFailed(states[i] ?? []) ? [i] : []));
  const excellence = table.tasks.some((t, i) => /一票否优/.test(`${t.goal ?? ''}${t.title ?? ''}${t.weightText ?? ''}`) && (states[i] ?? []).some((s) => s === 'overdue'));

  // Categories, deepest first, so that a parent adds its children after their caps.
  const key = (path: readonly string[]) => path.join('\u0000');
  const declared = new Map(table.categories.map((c) => [key(c.path), c.declared]));
  const paths = [...new Set(table.categories.map((c) => key(c.path)))].sort((a, b) => b.split('\u0000').length - a.split('\u0000').length);
  const categories = new Map<string, Score>();
  const vetoedPaths = new Set(vetoed.map((i) => key((table.tasks[i] as TaskReport).category)));
  for (const p of paths) {
    const depth = p.split('\u0000').length;
    let s = ZERO;
    // Direct tasks of this category, and the already computed direct sub-categories.
    table.tasks.forEach((t, i) => {
      if (key(t.category) === p) s = add(s, tasks[i] as Score);
    });
    for (const [q, c] of categories) if (q.split('\u0000').length === depth + 1 && q.startsWith(`${p}\u0000`)) s = add(s, c);
    const cap = declared.get(p);
    if (policy.capCategories && cap !== undefined) {
      s = { ...s, earned: s.earned === null ? null : Math.min(s.earned, cap), max: cap, outOf: Math.min(s.outOf, cap) };
    }
    if (policy.vetoScope === 'category' && vetoedPaths.has(p) && s.earned !== null) s = { ...s, earned: 0 };
    categories.set(p, s);
  }

  let total = ZERO;
  table.tasks.forEach((t, i) => {
    if (t.category.length === 0) total = add(total, tasks[i] as Score);
  });
  for (const [q, c] of categories) if (q.split('\u0000').length === 1) total = add(total, c);
  if (policy.vetoScope === 'total' && vetoed.length > 0 && total.earned !== null) total = { ...total, earned: 0 };
  const reason = perItem && total.earned === null ? 'no-deductions-yet' : noScoreReason(total);
  return {
    tasks,
    nodes,
    categories,
    table: total,
    equalShares: !hasWeights(table) && table.tasks.length > 0,
    ...(reason ? { noScore: reason } : {}),
    notEligibleForExcellence: excellence,
    vetoed,
  };
}

/**
 * An item of a 扣分制 table that states each item's points (分值) and has a 扣分 column: its 分值
 * minus its 扣分, at least 0 and at most its 分值 (a deduction never takes more than the item has, a
 * negative one never adds), plus its bonus (at most the header's cap). Decided once a 扣分 or 加分 is
 * entered (0 included); open until then, never full marks from an empty cell.
 */
export function itemScore(max: number, policy: ScoringPolicy, e: TaskExtras, rules: TableRules): Score {
  if (typeof e.own === 'number') return { earned: e.own, max, outOf: max, decided: max, open: 0, unscorable: 0 };
  if (typeof e.deduction !== 'number' && typeof e.bonus !== 'number') return { earned: null, max, outOf: outOf(0, max, policy), decided: 0, open: max, unscorable: 0 };
  const kept = Math.min(max, Math.max(0, max - (e.deduction ?? 0)));
  return { earned: kept + capped(e.bonus, rules), max, outOf: max, decided: max, open: 0, unscorable: 0 };
}

/** An item's nodes share its basis: the item is scored as a whole, not on its milestones. */
function itemNodes(count: number, item: Score): NodeScore[] {
  const share = count > 0 ? item.max / count : 0;
  const basis: NodeBasis = item.decided > 0 ? 'decided' : 'open';
  return Array.from({ length: count }, () => ({ basis, share, earned: item.earned === null ? null : item.earned / count }));
}

/**
 * A 扣分制 table: `base` minus the deductions plus the (capped) bonuses, at least 0; each item
 * shows what it added or took off (its points, max 0). Its rule items have no milestones to score:
 * until a deduction or a bonus is entered the table is open, never full marks from nothing.
 */
function deductionTable(
  table: TableReport,
  states: ReadonlyArray<readonly NodeState[]>,
  policy: ScoringPolicy,
  extras: ReadonlyArray<TaskExtras>,
  rules: TableRules,
  base: number,
): TableScores {
  const entered = (e: TaskExtras | undefined) => typeof e?.deduction === 'number' || typeof e?.bonus === 'number' || typeof e?.own === 'number';
  const change = (e: TaskExtras | undefined) => (typeof e?.own === 'number' ? e.own : capped(e?.bonus, rules) - (e?.deduction ?? 0));
  const item = (e: TaskExtras | undefined): Score =>
    entered(e) ? { earned: change(e), max: 0, outOf: 0, decided: 0, open: 0, unscorable: 0 } : ZERO;
  const tasks = table.tasks.map((_t, i) => item(extras[i]));
  const nodes = table.tasks.map((t, i) => nodeScores(states[i] ?? t.nodes.map(() => 'no_deadline' as const), 0, policy));
  const key = (path: readonly string[]) => path.join('\u0000');
  const categories = new Map<string, Score>();
  for (const c of table.categories) {
    const k = key(c.path);
    let s = ZERO;
    table.tasks.forEach((t, i) => {
      if (key(t.category) === k || key(t.category).startsWith(`${k}\u0000`)) s = add(s, tasks[i] as Score);
    });
    categories.set(k, s);
  }
  const any = table.tasks.some((_t, i) => entered(extras[i]));
  const sum = tasks.reduce((s, t) => s + (t.earned ?? 0), 0);
  const total: Score = any
    ? { earned: Math.max(0, base + sum), max: base, outOf: base, decided: base, open: 0, unscorable: 0 }
    : { earned: null, max: base, outOf: 0, decided: 0, open: base, unscorable: 0 };
  return {
    tasks,
    nodes,
    categories,
    table: total,
    equalShares: false,
    ...(any ? {} : { noScore: 'no-deductions-yet' as const }),
    notEligibleForExcellence: false,
    vetoed: [],
  };
}
