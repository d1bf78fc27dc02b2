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
