/** Statistics of a column's body cells: the content evidence for its role. */
import {
  isInspection,
  mentionsRecurrence,
  isQuantity,
  declaredPoints, hasArabicOrdinal, hasChineseOrdinal, hasPhone, isDeadlineLike, isPersonName, isPointsLike,
  isPercent, isSeqLike, isStatusWord, isUnitList, isYesNo, leadingDeadline, rowKindOf,
} from './content-signals';
import type { SheetView } from './sheet-view';
import { removeSpaceBetweenHan } from './text';

export interface ColumnStats {
  /** Non-empty cells that hold their own value (merge top-left cells included, covered cells not). */
  count: number;
  /** Cells the content detectors looked at (all of them unless the column is long). */
  sampled: number;
  /** Distinct values among the sampled cells. */
  distinct: number;
  /** Cells merged over more than one row. */
  mergedBlocks: number;
  /** Body rows per value: high for a grouping column. */
  rowsPerValue: number;
  avgLength: number;
  deadline: number;
  leadDeadline: number;
  rowKind: number;
  phone: number;
  unit: number;
  person: number;
  points: number;
  numbers: number;
  seq: number;
  status: number;
  /** Percentages (`54%`, a number formatted as a percentage): progress as a share done. */
  percent: number;
  yesNo: number;
  chineseOrdinal: number;
  arabicOrdinal: number;
  declared: number;
  /** Amounts with their unit (`1300人`, `2所`): targets or figures achieved. */
  quantity: number;
  /** How an assessor checks (`查阅文件材料`): evidence to look at. */
  inspection: number;
  /**
   * Whole numbers that repeat down the rows and step up by one (200, 200, 201, 201, 201, 202): the
   * key of the task each row belongs to, written on every node row. 1 when they do, else 0.
   */
  taskKey: number;
  /**
   * Of the plain numbers in the column, the share that climb from the row before (1, 2, 3 … or
   * 200, 200, 201): item numbers climb, counts and amounts (4385, 810, 3210) go up and down.
   */
  climbing: number;
  /** Cells that say how often something recurs (`Annual`, `Reviewed at all Council Meetings`). */
  recurring: number;
  /** The largest plain number in the column (0 when none): weights and points rarely pass 100. */
  largest: number;
}

/** Each `fraction` field counts cells matching; divided by `count` at the end. */
const FRACTIONS = [
  'deadline', 'leadDeadline', 'rowKind', 'phone', 'unit', 'person', 'points', 'numbers', 'seq', 'status', 'percent', 'yesNo',
  'chineseOrdinal', 'arabicOrdinal', 'declared', 'quantity', 'inspection', 'recurring',
] as const;

/**
 * Evidence from a few hundred cells is as good as from all of them; on long tables the detectors run
 * on an evenly spread sample and the fractions are those of the sample.
 */
export const SAMPLE_LIMIT = 400;

/** The stats of each column from `left` to `right`, the body's cells read in one pass for all of them. */
export function columnStatsOf(view: SheetView, left: number, right: number, bodyRows: readonly number[]): ColumnStats[] {
  const filled = filledCells(view, bodyRows, left, right);
  const out: ColumnStats[] = [];
  for (let c = left; c <= right; c++) out.push(statsOf(view, c, bodyRows, filled.get(c) ?? EMPTY));
  return out;
}

/** A column's filled body cells: their rows in body order, their total length, how many are merged over rows. */
interface Filled {
  rows: number[];
  length: number;
  mergedBlocks: number;
}

const EMPTY: Filled = { rows: [], length: 0, mergedBlocks: 0 };

function filledCells(view: SheetView, bodyRows: readonly number[], left: number, right: number): Map<number, Filled> {
  const out = new Map<number, Filled>();
  for (const r of bodyRows) {
    // A row's cells are its filled cells not covered by a merge, one per column.
    for (const cell of view.rowCells(r)) {
      if (cell.col < left || cell.col > right) continue;
      let f = out.get(cell.col);
      if (!f) out.set(cell.col, (f = { rows: [], length: 0, mergedBlocks: 0 }));
      f.rows.push(r);
      f.length += cell.text.length;
      const m = view.merge(r, cell.col);
      if (m && m.bottom > m.top) f.mergedBlocks++;
    }
  }
  return out;
}

function statsOf(view: SheetView, col: number, bodyRows: readonly number[], f: Filled): ColumnStats {
  const s: ColumnStats = {
    count: 0, sampled: 0, distinct: 0, mergedBlocks: 0, rowsPerValue: 0, avgLength: 0, deadline: 0, leadDeadline: 0, rowKind: 0,
    phone: 0, unit: 0, person: 0, points: 0, numbers: 0, seq: 0, status: 0, percent: 0, yesNo: 0, chineseOrdinal: 0,
    arabicOrdinal: 0, declared: 0, quantity: 0, inspection: 0, taskKey: 0, climbing: 1, largest: 0, recurring: 0,
  };
  const values = new Set<string>();
  const length = f.length;
  const filled = f.rows;
  s.mergedBlocks = f.mergedBlocks;
  const stride = Math.max(1, Math.ceil(filled.length / SAMPLE_LIMIT));
  let sampled = 0;
  let previous: number | null = null;
  let steps = 0;
  let climbs = 0;
  for (let i = 0; i < filled.length; i += stride) {
    const r = filled[i] as number;
    const text = view.text(r, col);
    const cell = view.cell(r, col);
    sampled++;
    // Extraction and hand-wrapping leave spaces inside Chinese text; they do not make a new value.
    values.add(removeSpaceBetweenHan(text));
    if (isDeadlineLike(cell, text)) s.deadline++;
    if (leadingDeadline(text)) s.leadDeadline++;
    if (rowKindOf(text)) s.rowKind++;
    if (hasPhone(text)) s.phone++;
    if (isUnitList(text)) s.unit++;
    if (isPersonName(text)) s.person++;
    if (isPointsLike(cell, text)) s.points++;
    if (cell?.value.kind === 'number') s.numbers++;
    if (isSeqLike(cell, text)) s.seq++;
    const n = cell?.value.kind === 'number' ? cell.value.value : /^\d{1,6}$/.test(text.trim()) ? Number(text) : null;
    if (n !== null) {
      if (n > s.largest) s.largest = n;
      if (previous !== null) {
        steps++;
        if (n >= previous) climbs++;
      }
      previous = n;
    }
    if (isPercent(cell, text)) s.percent++;
    else if (isStatusWord(text)) s.status++;
    if (isYesNo(text)) s.yesNo++;
    if (hasChineseOrdinal(text)) s.chineseOrdinal++;
    if (hasArabicOrdinal(text)) s.arabicOrdinal++;
    if (declaredPoints(text) !== null) s.declared++;
    if (isQuantity(cell, text)) s.quantity++;
    if (isInspection(text)) s.inspection++;
    if (mentionsRecurrence(text)) s.recurring++;
  }
  s.taskKey = isTaskKey(view, col, filled) ? 1 : 0;
  if (steps >= 2) s.climbing = climbs / steps;
  s.count = filled.length;
  s.sampled = sampled;
  if (sampled > 0) for (const k of FRACTIONS) s[k] /= sampled;
  if (s.count > 0) s.avgLength = length / s.count;
  // Distinct values of the sample: as telling as all of them for "few repeated labels" against "all different".
  s.distinct = values.size;
  s.rowsPerValue = s.count > 0 ? bodyRows.length / s.count : 0;
  return s;
}

function isTaskKey(view: SheetView, col: number, rows: readonly number[]): boolean {
  if (rows.length < 3) return false;
  let repeats = 0;
  let steps = 0;
  let previous: number | null = null;
  for (const r of rows) {
    if (view.merges.isCovered(r, col)) return false;
    const cell = view.cell(r, col);
    const v = cell?.value.kind === 'number' ? cell.value.value : Number(view.text(r, col));
    if (!Number.isInteger(v) || v < 0) return false;
    if (previous !== null) {
      if (v === previous) repeats++;
      else if (v === previous + 1) steps++;
      else if (v > previous) return false;
    }
    previous = v;
  }
  return repeats >= 1 && steps >= 2 && repeats + steps >= 0.9 * (rows.length - 1);
}
