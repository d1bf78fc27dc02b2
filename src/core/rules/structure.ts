/** Structure: tasks and nodes missing what the table's own columns ask for. */
import { cellAddress, columnNumber } from '../grid';
import { cleanText } from '../recognize/text';
import type { Rule, RuleContext } from './rule';

function firstColumn(ctx: RuleContext, role: Parameters<RuleContext['columns']>[0]): string | undefined {
  return ctx.columns(role)[0]?.column;
}

/** The cell a task's value lives in: its first row in that column, or the top of the merge there. */
function taskCell(ctx: RuleContext, row: number, column: string): string {
  const a = ctx.view.anchor(row, columnNumber(column));
  return cellAddress(a.row, a.col);
}

function short(text: string | null | undefined, n = 20): string {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n)}…` : t;
}

export const structureRules: Rule[] = [
  {
    id: 'structure.task-title',
    family: 'structure',
    severity: 'error',
    check(ctx) {
      const col = firstColumn(ctx, 'task');
      if (!col) return [];
      return ctx.table.tasks
        .filter((t) => cleanText(t.title ?? undefined) === null)
        .map((t) => ({ cell: taskCell(ctx, t.rows[0], col), found: '', params: { seq: ctx.seqOf(t), column: ctx.header(col) } }));
    },
  },
  {
    id: 'structure.node-text',
    family: 'structure',
    severity: 'warning',
    check(ctx) {
      const col = firstColumn(ctx, 'node');
      if (!col) return [];
      return ctx.table.tasks.flatMap((t) =>
        t.nodes
          .filter((n) => n.text === null)
          .map((n) => ({
            cell: cellAddress(n.row, columnNumber(col)),
            found: '',
            params: { seq: ctx.seqOf(t), column: ctx.header(col), deadline: n.deadline?.text ?? '—' },
          })),
      );
    },
  },
  {
    id: 'structure.node-deadline',
    family: 'structure',
    severity: 'warning',
    check(ctx) {
      const col = firstColumn(ctx, 'deadline');
      if (!col) return [];
      return ctx.table.tasks.flatMap((t) =>
        t.nodes
          .filter((n) => n.deadline === null)
          .map((n) => ({
            cell: cellAddress(n.row, columnNumber(col)),
            found: '',
            params: { seq: ctx.seqOf(t), column: ctx.header(col), node: short(n.text) || '—' },
          })),
      );
    },
  },
  {
    id: 'structure.task-owner',
    family: 'structure',
    severity: 'warning',
    check(ctx) {
      const col = firstColumn(ctx, 'owner');
      if (!col) return [];
      return ctx.table.tasks
        .filter((t) => t.owner === null || t.owner === undefined)
        .map((t) => ({ cell: taskCell(ctx, t.rows[0], col), found: '', params: { seq: ctx.seqOf(t), title: short(t.title), column: ctx.header(col) } }));
    },
  },
  {
    id: 'structure.task-weight',
    family: 'structure',
    severity: 'warning',
    check(ctx) {
      const col = firstColumn(ctx, 'weight');
      if (!col) return [];
      return ctx.table.tasks
        .filter((t) => (t.weight === null || t.weight === undefined) && !t.veto && !t.weightText)
        .map((t) => ({ cell: taskCell(ctx, t.rows[0], col), found: '', params: { seq: ctx.seqOf(t), title: short(t.title), column: ctx.header(col) } }));
    },
  },
  {
    id: 'structure.row-outside-task',
    family: 'structure',
    severity: 'warning',
    check(ctx) {
      const first = ctx.table.columns[0]?.column ?? 'A';
      return ctx.orphanRows.map((r) => ({ cell: cellAddress(r, columnNumber(first)), found: ctx.view.rowText(r), params: { row: r } }));
    },
  },
];
