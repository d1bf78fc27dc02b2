/**
 * 序时进度: the share of a node's time window elapsed as of a date, against its progress, and the
 * light a policy gives for the two. The workbook computes the same with formulas (plan/lights.ts);
 * every step here is written so that the formula can follow it exactly:
 * - a node's window runs from the previous node of its task's due date (or, for a task's first node,
 *   one after a node without a due date or one due on or after its own, 1 January of the plan year)
 *   to its own due date;
 * - elapsed = (as-of − start) / (due − start), in days, at most 1 and at least 0; a window of no
 *   days or less counts as one day (a node due on the day its window opens is elapsed at once);
 * - progress: a number cell as written (a number above 1 is a percentage: 80 is 80%), a word for
 *   done is 100%, a text opening with a percentage (`80%`, `22%(严重滞后)`) that percentage;
 *   anything else is no progress and gets no light.
 * A task's window runs from the plan year's start to its last due date, and its progress is the
 * mean of its nodes' (when every node has one).
 */
import { dayNumber } from '../dates';
import type { Light } from '../contract';
import type { LightRules } from '../settings/lights-policy';

/** The share elapsed, 0–1, of the window `start`..`due` (ISO dates) as of `asOf`. */
export function elapsedShare(start: string, due: string, asOf: string): number {
  const s = dayNumber(start);
  return Math.max(0, Math.min(1, (dayNumber(asOf) - s) / Math.max(1, dayNumber(due) - s)));
}

/** A progress cell as the workbook's formula reads it; null when it says no percentage. */
export function progressFraction(cell: { number?: number | null; text: string | null }, isDoneWord: (text: string) => boolean): number | null {
  if (typeof cell.number === 'number' && Number.isFinite(cell.number)) return cell.number > 1 ? Math.min(1, cell.number / 100) : cell.number;
  const text = cell.text ?? '';
  if (text === '') return null;
  if (isDoneWord(text)) return 1;
  const at = text.indexOf('%');
  if (at < 0) return null;
  const head = text.slice(0, at);
  return /^\s*\d+(?:\.\d+)?\s*$/.test(head) ? Math.min(1, Number(head) / 100) : null;
}

export interface LightInput {
  elapsed: number;
  progress: number;
  due: string;
  asOf: string;
  /** The status cell says done. */
  done: boolean;
}

/** Points behind the elapsed share, rounded as the formula rounds them (so that 0.1 + 0.2 compares as 30). */
export function pointsBehind(elapsed: number, progress: number): number {
  return Math.round((elapsed - progress) * 100 * 1e6) / 1e6;
}

export function lightOf(rules: LightRules, x: LightInput): Light {
  if (x.done || x.progress >= 1) return 'green';
  const behind = pointsBehind(x.elapsed, x.progress);
  const yellow = behind > 0 && behind >= rules.yellowBehind;
  if (rules.preset === 'yinchuan') {
    if (behind > rules.redBehind) return 'red';
    return yellow ? 'yellow' : 'green';
  }
  const days = dayNumber(x.due) - dayNumber(x.asOf);
  if (days < 0) return 'red';
  if (yellow) return 'yellow';
  if (days <= rules.nearDays) return 'blue';
  return 'green';
}
