/**
 * Scores of a table as of a date, from its nodes' states. A task's maximum is its weight (or an equal
 * share when the table has none); it earns that maximum times the credit of its milestones due by the
 * as-of date (1 done, `lateCredit` done late, 0 otherwise), all of it when none is due yet; bonus and
 * deduction cells add and take off. Categories add their tasks and are capped at their declared
 * totals; a veto item not done zeroes its category or the table. Scores keep full precision, as the
 * workbook's formulas do; rounding is for display.
 */
import type { ScoringPolicy } from '../settings/scoring-policy';
import type { NodeState } from '../progress';
import type { TableReport, TaskReport } from '../report/schema';

export interface Score {
  earned: number;
  max: number;
}

export interface TaskExtras {
  bonus?: number | null;
  deduction?: number | null;
  /** Share done per node, 0–1, when the status cell gives a percentage. */
  fractions?: ReadonlyArray<number | null>;
}

export interface TableScores {
  tasks: Score[];
  /** Keyed by the category path joined with '\u0000'. */
  categories: Map<string, Score>;
  table: Score;
  /** A 一票否优 item not done: the unit cannot be rated excellent, whatever its points. */
  notEligibleForExcellence: boolean;
  /** Veto items not done, by task index. */
  vetoed: number[];
}

const DUE_STATES: ReadonlySet<NodeState> = new Set(['done', 'done_late', 'overdue']);

export function taskMaxima(table: TableReport, policy: ScoringPolicy): number[] {
  const weighted = table.columns.some((c) => c.role === 'weight') && table.tasks.some((t) => typeof t.weight === 'number');
  const share = table.tasks.length > 0 ? policy.equalSharesTotal / table.tasks.length : 0;
  return table.tasks.map((t) => (weighted ? (typeof t.weight === 'number' ? t.weight : 0) : share));
}

/** Credit of one task's milestones: due ones count, those not yet due do not. */
export function taskCredit(states: readonly NodeState[], policy: ScoringPolicy, fractions: ReadonlyArray<number | null> = []): number {
  let due = 0;
  let credit = 0;
  states.forEach((s, i) => {
    if (!DUE_STATES.has(s)) return;
    due++;
    if (s === 'done') credit += 1;
    else if (s === 'done_late') credit += policy.lateCredit;
    else if (policy.partialCredit) credit += fractions[i] ?? 0;
  });
  return due === 0 ? 1 : credit / due;
}

/** A veto item fails when one of its milestones is overdue (a status saying 滞后 counts as overdue). */
function vetoFailed(states: readonly NodeState[]): boolean {
  return states.some((s) => s === 'overdue');
}

export function scoreTable(
  table: TableReport,
  states: ReadonlyArray<readonly NodeState[]>,
  policy: ScoringPolicy,
  extras: ReadonlyArray<TaskExtras> = [],
): TableScores {
  const maxima = taskMaxima(table, policy);
  const tasks: Score[] = table.tasks.map((_task, i) => {
    const max = maxima[i] as number;
    const e = extras[i] ?? {};
    const earned = max * taskCredit(states[i] ?? [], policy, e.fractions) + (e.bonus ?? 0) - (e.deduction ?? 0);
    return { earned: Math.max(0, earned), max: max };
  });

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
    let earned = 0;
    let max = 0;
    // Direct tasks of this category, and the already computed direct sub-categories.
    table.tasks.forEach((t, i) => {
      if (key(t.category) === p) {
        earned += (tasks[i] as Score).earned;
        max += (tasks[i] as Score).max;
      }
    });
    for (const [q, s] of categories) {
      if (q.split('\u0000').length === depth + 1 && q.startsWith(`${p}\u0000`)) {
        earned += s.earned;
        max += s.max;
      }
    }
    const cap = declared.get(p);
    if (policy.capCategories && cap !== undefined) {
      earned = Math.min(earned, cap);
      max = cap;
    }
    if (policy.vetoScope === 'category' && vetoedPaths.has(p)) earned = 0;
    categories.set(p, { earned: earned, max: max });
  }

  let earned = 0;
  let max = 0;
  table.tasks.forEach((t, i) => {
    if (t.category.length === 0) {
      earned += (tasks[i] as Score).earned;
      max += (tasks[i] as Score).max;
    }
  });
  for (const [q, s] of categories) {
    if (q.split('\u0000').length === 1) {
      earned += s.earned;
      max += s.max;
    }
  }
  if (policy.vetoScope === 'total' && vetoed.length > 0) earned = 0;
  return { tasks, categories, table: { earned: earned, max: max }, notEligibleForExcellence: excellence, vetoed };
}
