/**
 * A node's state as of a date. What each deadline kind means:
 * - date, range, period: due at its end (`第二季度` is due on 30 June).
 * - several dates in one cell (`2018-6-30 2018-9-30 2018-12-31`, or `5月30日前完成调研，7月1日-8月30日…`):
 *   due at the first of them. One status cell cannot tell the instalments apart, so a node is overdue
 *   as soon as its first date passes undone, and done when its status says so.
 * - recurring (`每月`, `每季度第一个月`): due at the end of the current period, so it can be due soon
 *   but is never overdue from an earlier period (one status cell cannot say which month was missed).
 * - text without a date, an impossible date, or a date with no year: `no_deadline`.
 * - a table with no deadline column at all and a plan year (a 考核细则 of yearly items, 003): every
 *   node is due at the end of the plan year (`impliedDue` in the report, written into the due column
 *   by apply), so it is open until then and decided after — never full marks before anything is done.
 * A node due on the as-of date is due soon, not yet overdue. A status saying the node is behind
 * (滞后, 延期, 未完成) makes it overdue whatever the date. Done after the due date is `done_late`
 * when the completion date is known; without one, done is done.
 */
import { dayNumber, dayNumberIso, iso, monthEnd, parseIso } from '../dates';
import type { Deadline } from '../contract';
import { readStatus } from './status';

export type NodeState = 'done' | 'done_late' | 'overdue' | 'due_soon' | 'pending' | 'no_deadline';

export interface StateInput {
  deadline: Deadline | null;
  status: string | null;
  /** Completion date (ISO), from a 实际完成时间 column. */
  doneOn?: string | null;
}

/** The due date of a deadline as of a date, or null when it has none. */
export function dueDate(d: Deadline | null, asOf: string): string | null {
  if (!d || d.noYear) return null;
  if (d.kind === 'recurring') return currentPeriodEnd(d.every, asOf);
  if (d.kind === 'invalid' || d.kind === 'text' || !d.end) return null;
  if (d.kind === 'dates') {
    const ends = (d.parts ?? []).map((p) => p.end).filter((e): e is string => e !== undefined).sort();
    return ends[0] ?? d.end;
  }
  return d.end;
}

function currentPeriodEnd(every: Deadline['every'], asOf: string): string | null {
  const { y, m } = parseIso(asOf);
  switch (every) {
    case 'month':
    case 'month-end':
      return monthEnd(y, m);
    case 'quarter':
      return monthEnd(y, Math.ceil(m / 3) * 3);
    case 'quarter-first-month': {
      // Due in the first month of each quarter: this quarter's first month, or the next one's.
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return m === first ? monthEnd(y, first) : first + 3 > 12 ? monthEnd(y + 1, 1) : monthEnd(y, first + 3);
    }
    case 'half-year':
      return m <= 6 ? iso(y, 6, 30) : iso(y, 12, 31);
    case 'year':
      return iso(y, 12, 31);
    case 'week': {
      const day = new Date(Date.UTC(y, m - 1, parseIso(asOf).d)).getUTCDay();
      const sunday = dayNumber(asOf) + ((7 - day) % 7);
      return dayNumberIso(sunday);
    }
    default:
      return null;
  }
}

export function nodeState(input: StateInput, asOf: string, dueSoonDays = 7): NodeState {
  const status = readStatus(input.status);
  const due = dueDate(input.deadline, asOf);
  // A completion date says done unless the status cell says otherwise in words.
  const done = status?.kind === 'done' || (!!input.doneOn && (status === null || status.kind === 'unknown'));
  if (done) {
    if (due && input.doneOn && input.doneOn > due) return 'done_late';
    return 'done';
  }
  // The unit's own word that it is behind counts, whatever the date says.
  if (status?.kind === 'delayed') return 'overdue';
  if (!due) return 'no_deadline';
  const days = dayNumber(due) - dayNumber(asOf);
  if (days < 0) return 'overdue';
  if (days <= dueSoonDays) return 'due_soon';
  return 'pending';
}
