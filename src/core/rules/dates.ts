/** Dates: impossible, unreadable, yearless, outside the plan year, out of order, after the task's own deadline. */
import { parseDeadlineText } from '../dates';
import { reasonText } from '../i18n';
import { leadingDeadline } from '../recognize/content-signals';
import type { Deadline, TaskReport } from '../contract';
import { localAddress } from '../grid';
import { columnOf } from './cells';
import type { Hit, Rule, RuleContext } from './rule';

interface DueNode {
  task: TaskReport;
  deadline: Deadline;
}

/** Per rule context (one per table and check): what `deadlineCells` found; every date rule asks. */
const deadlineCellsOf = new WeakMap<RuleContext, readonly DueNode[]>();

/** Each deadline cell once, with the first task and node that uses it. */
function deadlineCells(ctx: RuleContext): readonly DueNode[] {
  const kept = deadlineCellsOf.get(ctx);
  if (kept) return kept;
  // Cell → the texts already taken from it (nearly always one): no key string made per node.
  const seen = new Map<string, string | string[]>();
  const out: DueNode[] = [];
  for (const task of ctx.table.tasks) {
    for (const n of task.nodes) {
      const d = n.deadline;
      if (!d) continue;
      const texts = seen.get(d.cell);
      if (texts === undefined) seen.set(d.cell, d.text);
      else if (texts === d.text || (Array.isArray(texts) && texts.includes(d.text))) continue;
      else if (Array.isArray(texts)) texts.push(d.text);
      else seen.set(d.cell, [texts, d.text]);
      out.push({ task, deadline: d });
    }
  }
  Object.freeze(out);
  deadlineCellsOf.set(ctx, out);
  return out;
}

function hitAt(ctx: RuleContext, d: Deadline, found: string, params: Record<string, string | number> = {}): Hit {
  return { cell: localAddress(d.cell), found, params: { column: ctx.header(columnOf(d.cell)), found, ...params } };
}

/** Whether an ISO date lies outside the year (no date, nothing outside). */
function outside(iso: string | undefined, year: number): boolean {
  return iso !== undefined && Number(iso.slice(0, 4)) !== year;
}

/** A stand-in year when the table has none: a leap year, so that 2月29日 is not called impossible. */
const LEAP_YEAR = 2024;

export const dateRules: Rule[] = [
  {
    id: 'date.invalid',
    family: 'dates',
    severity: 'error',
    check(ctx) {
      const hits: Hit[] = [];
      for (const { deadline: d } of deadlineCells(ctx)) {
        for (const p of d.parts ?? []) {
          if (!p.invalid) continue;
          // The report keeps the reason's code; its numbers come from reading the part again.
          const again = parseDeadlineText(p.text, { year: ctx.table.year ?? LEAP_YEAR }).parts[0]?.invalid;
          const params: Record<string, number> = again && 'month' in again ? { month: again.month } : {};
          if (again?.code === 'day-out-of-range') params.days = again.days;
          hits.push(hitAt(ctx, d, p.text, { reason: reasonText(ctx.lang, p.invalid, params) }));
        }
      }
      return hits;
    },
  },
  {
    id: 'date.unparseable',
    family: 'dates',
    severity: 'warning',
    check(ctx) {
      return deadlineCells(ctx)
        .filter(({ deadline: d }) => d.kind === 'text' && /\d/.test(d.text))
        .map(({ deadline: d }) => hitAt(ctx, d, d.text));
    },
  },
  {
    id: 'date.no-year',
    family: 'dates',
    severity: 'warning',
    check(ctx) {
      // One finding for the table: the cause is the missing plan year, not each cell.
      const first = deadlineCells(ctx).find(({ deadline: d }) => d.noYear);
      return first ? [hitAt(ctx, first.deadline, first.deadline.text)] : [];
    },
  },
  {
    id: 'date.outside-year',
    family: 'dates',
    severity: 'warning',
    check(ctx) {
      const year = ctx.table.year;
      if (year === null) return [];
      return deadlineCells(ctx)
        .filter(({ deadline: d }) => (d.parts ?? [d]).some((p) => outside(p.start, year) || outside(p.end, year)))
        .map(({ deadline: d }) => hitAt(ctx, d, d.text, { year }));
    },
  },
  {
    id: 'date.out-of-order',
    family: 'dates',
    severity: 'warning',
    check(ctx) {
      const hits: Hit[] = [];
      for (const task of ctx.table.tasks) {
        const dues = task.nodes.filter((n) => n.deadline?.end).map((n) => n.deadline as Deadline & { end: string });
        const first = dues[0]?.end;
        for (let i = 1; i < dues.length; i++) {
          const prev = dues[i - 1] as Deadline & { end: string };
          const cur = dues[i] as Deadline & { end: string };
          // Going back to the first deadline or before starts a new round (sub-items by quarter), not a mistake.
          if (cur.end < prev.end && first !== undefined && cur.end > first && cur.cell !== prev.cell) {
            hits.push(hitAt(ctx, cur, cur.text, { seq: ctx.seqOf(task), previous: prev.text }));
          }
        }
      }
      return hits;
    },
  },
  {
    id: 'date.after-task',
    family: 'dates',
    severity: 'warning',
    check(ctx) {
      const hits: Hit[] = [];
      for (const task of ctx.table.tasks) {
        const phrase = leadingDeadline(task.goal ?? '') ?? leadingDeadline(task.title ?? '');
        if (!phrase) continue;
        const due = parseDeadlineText(phrase, { year: ctx.table.year });
        if (!due.end) continue;
        for (const n of task.nodes) {
          if (n.deadline?.end && n.deadline.end > due.end) {
            hits.push(hitAt(ctx, n.deadline, n.deadline.text, { seq: ctx.seqOf(task), taskDue: phrase, taskEnd: due.end }));
          }
        }
      }
      return hits;
    },
  },
];
