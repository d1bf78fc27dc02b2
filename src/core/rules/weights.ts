/** Weights and points: not numbers, negative, categories and the table not adding up, ambiguous veto items. */
import { cellAddress, columnNumber } from '../grid';
import type { CategoryReport, TaskReport } from '../contract';
import { localAddress } from '../grid';
import type { Hit, Rule, RuleContext } from './rule';

const EPSILON = 1e-9;

function weightCell(ctx: RuleContext, row: number): string | null {
  const col = ctx.columns('weight')[0]?.column;
  if (!col) return null;
  const a = ctx.view.anchor(row, columnNumber(col));
  return cellAddress(a.row, a.col);
}

function fmt(n: number): string {
  return String(Number(n.toFixed(6)));
}

/** One finding per task whose weight cell `found` says is wrong (null: fine). */
function taskWeightHits(ctx: RuleContext, found: (t: TaskReport) => string | null | undefined): Hit[] {
  const hits: Hit[] = [];
  for (const t of ctx.table.tasks) {
    const f = found(t);
    const cell = f ? weightCell(ctx, t.rows[0]) : null;
    if (f && cell) hits.push({ cell, found: f, params: { column: ctx.header(cell.replace(/\d+$/, '')), found: f } });
  }
  return hits;
}

/** The table's total and what it should be: the declared totals of its top categories, else 100. */
export function expectedTotal(categories: readonly CategoryReport[]): { expected: number; declared: boolean } {
  const top = categories.filter((c) => c.path.length === 1);
  if (top.length > 0 && top.every((c) => c.declared !== undefined)) {
    return { expected: top.reduce((s, c) => s + (c.declared as number), 0), declared: true };
  }
  return { expected: 100, declared: false };
}

export const weightRules: Rule[] = [
  {
    id: 'weight.not-number',
    family: 'weights',
    severity: 'error',
    check: (ctx) => taskWeightHits(ctx, (t) => (t.weight === null && t.weightText && !t.veto ? t.weightText : null)),
  },
  {
    id: 'weight.negative',
    family: 'weights',
    severity: 'error',
    check: (ctx) => taskWeightHits(ctx, (t) => (typeof t.weight === 'number' && t.weight < 0 ? fmt(t.weight) : null)),
  },
  {
    id: 'weight.category-sum',
    family: 'weights',
    severity: 'warning',
    check(ctx) {
      if (ctx.columns('weight').length === 0) return [];
      return ctx.table.categories
        .filter((c) => c.declared !== undefined && Math.abs((c.weightSum ?? 0) - (c.declared as number)) > EPSILON)
        .map((c) => {
          const sum = c.weightSum ?? 0;
          return {
            cell: localAddress(c.cell),
            found: fmt(sum),
            params: { category: c.label, declared: fmt(c.declared as number), sum: fmt(sum), diff: fmt(Math.abs(sum - (c.declared as number))) },
          };
        });
    },
  },
  {
    id: 'weight.total',
    family: 'weights',
    severity: 'warning',
    check(ctx) {
      const col = ctx.columns('weight')[0]?.column;
      if (!col) return [];
      const weights = ctx.table.tasks.map((t) => t.weight).filter((w): w is number => typeof w === 'number');
      if (weights.length === 0) return [];
      const { expected, declared } = expectedTotal(ctx.table.categories);
      // A single declared top category is already checked by its own sum.
      if (declared && ctx.table.categories.filter((c) => c.path.length === 1).length === 1) return [];
      const sum = weights.reduce((s, w) => s + w, 0);
      if (Math.abs(sum - expected) <= EPSILON) return [];
      const header = ctx.table.headerRows[ctx.table.headerRows.length - 1] as number;
      return [{ cell: cellAddress(header, columnNumber(col)), found: fmt(sum), params: { sum: fmt(sum), expected: fmt(expected), diff: fmt(Math.abs(sum - expected)) } }];
    },
  },
  {
    id: 'weight.veto-ambiguous',
    family: 'weights',
    severity: 'warning',
    check(ctx) {
      const hits: Hit[] = [];
      for (const t of ctx.table.tasks) {
        if (!t.veto || typeof t.weight !== 'number') continue;
        const cell = weightCell(ctx, t.rows[0]);
        if (cell) {
          hits.push({ cell, found: t.weightText ?? '', params: { column: ctx.header(cell.replace(/\d+$/, '')), found: (t.weightText ?? '').replace(/\s+/g, ' '), points: fmt(t.weight) } });
        }
      }
      return hits;
    },
  },
];
