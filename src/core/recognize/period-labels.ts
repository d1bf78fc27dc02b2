/**
 * Column labels that name a period (一季度, 第二季度, 上半年, 6月, Q3): in a 推进计划表 whose milestones
 * stand in one column per period, each such column is a node column, due at the end of its period.
 * Whole labels only: a data cell such as `一季度完成调研` is node text, not a label.
 */
import { normalizeHeader } from './text';

const PERIOD_LABELS: readonly RegExp[] = [
  /^第?[一二三四1-4]季度?(?:末|底)?(?:前)?$/,
  /^q[1-4]$/,
  /^[上下]半年$/,
  /^(?:1[0-2]|[1-9])月(?:份|底|末)?(?:前)?$/,
  /^(?:十[一二]?|[一二三四五六七八九])月(?:份|底|末)?(?:前)?$/,
];

export function isPeriodLabel(text: string): boolean {
  // Labels are short; a data cell is rejected before any normalizing.
  if (text.length > 12) return false;
  const h = normalizeHeader(text);
  return h.length <= 6 && PERIOD_LABELS.some((re) => re.test(h));
}

const CN_QUARTER: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * The months a header names, as a first and last month (`2023年10-12月份进展情况` → 10–12,
 * `一季度工作安排` → 1–3, `6月进度` → 6–6), or null. Read from anywhere in the header: it says
 * which period the column reports on or plans for.
 */
export function monthsNamed(header: string): { first: number; last: number } | null {
  const h = normalizeHeader(header);
  const range = /(?<!\d)(1[0-2]|0?[1-9])\s*(?:月份?)?\s*[-—–~至到]\s*(1[0-2]|0?[1-9])\s*月/.exec(h);
  if (range) return { first: Number(range[1]), last: Number(range[2]) };
  const quarter = /第?([一二三四1-4])季度/.exec(h);
  if (quarter) {
    const q = CN_QUARTER[quarter[1] as string] as number;
    return { first: 3 * q - 2, last: 3 * q };
  }
  const half = /([上下])半年/.exec(h);
  if (half) return half[1] === '上' ? { first: 1, last: 6 } : { first: 7, last: 12 };
  const month = /(?<!\d)(1[0-2]|0?[1-9])\s*月/.exec(h);
  return month ? { first: Number(month[1]), last: Number(month[1]) } : null;
}

/**
 * The period a header names: its months, and its year where it says one (`Targets for 2012` is the
 * whole of 2012; `2023年10-12月份进展情况` is October to December 2023), or null.
 */
export function periodNamed(header: string): { year: number | null; first: number; last: number } | null {
  const months = monthsNamed(header);
  const years = [...header.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => Number(m[1]));
  // A span of years (`2023-2027`) names no one period.
  const year = years.length === 1 ? (years[0] as number) : null;
  if (months) return { year, ...months };
  return year !== null ? { year, first: 1, last: 12 } : null;
}

/** The second period starts the month after the first ends (December runs into January, or the next year where both say theirs). */
export function followsPeriod(done: { year?: number | null; last: number }, next: { year?: number | null; first: number }): boolean {
  if (done.year != null && next.year != null) return next.year * 12 + next.first === done.year * 12 + done.last + 1;
  return next.first === (done.last % 12) + 1;
}
