/** Grid → responsibility tables, each column with a role and a reason, tasks with their nodes. */
import { gridDateIso } from '../dates';
import { columnLetters, rangeAddress, sheetCellAddress, type Grid } from '../grid';
import { t, type Lang, type MessageKey } from '../i18n';
const t_ = t;
import type { ColumnReport, Finding, SheetReport, TableReport } from '../contract';
import { columnOverrides, mappedYear, rangeOverrides, type Mapping } from '../settings/mapping';
import { columnStatsOf, type ColumnStats } from './column-stats';
import { confidenceCap } from './calibration';
import { decideRole, resolveConflicts, SINGLE_ROLES, type Evidence, type RoleDecision } from './column-roles';
import { matchHeader } from './header-match';
import { normalizeHeader } from './text';
import { withMappedSegments } from './manual-segment';
import { followsPeriod, isPeriodLabel, periodNamed } from './period-labels';
import type { HeaderBlock } from './header-rows';
import type { Role } from '../contract';
import { classifyRow, isTotalLabel } from './layout-rows';
import { preludeHeadings, segmentBody, segmentSheet, type TableSegment } from './segment';
import { SheetView } from './sheet-view';
import { buildTasks, type ColumnRole } from './tasks';
import { namesLongSpan, statedYear, withoutFormDates, yearFromCells, yearFromPrelude } from './year';
import { minOf } from '../arrays';

export interface RecognizeOptions {
  lang?: Lang;
  mapping?: Mapping;
}

/** Below this, a column's or a table's reading is reported as unsure. */
export const LOW_CONFIDENCE = 0.6;

export interface SheetRecognition {
  sheet: SheetReport;
  findings: Finding[];
  /** Per table, rows the recognizer could not place (for the validation rules). */
  details: Array<{
    orphanRows: number[];
    sectionRows: number[];
    /** Per column of the table, the kind of evidence its role rests on (calibration.ts); undefined when the user set it. */
    evidence: Array<Evidence | undefined>;
    byLayout: boolean;
  }>;
  /** The view the recognizer read, for later stages that read cells (rules). */
  view: SheetView;
}


/** Columns whose texts may name the plan's year; deadlines say when items are due, not the plan's year. */
const TEXT_YEAR_ROLES: ReadonlySet<Role> = new Set(['task', 'goal', 'node', 'criteria', 'evidence']);

function bodyRowsOf(segment: TableSegment): number[] {
  return segmentBody(segment);
}

function columnLabels(segment: TableSegment, col: number): { labels: string[]; spanned: boolean } {
  // The first block's header names the columns; a repeated header says the same.
  const h = (segment.blocks[0] as { header: HeaderBlock }).header;
  return { labels: h.labels.get(col) ?? [], spanned: h.spanned.get(col) ?? false };
}

function decideColumns(view: SheetView, segment: TableSegment, lang: Lang): { decisions: RoleDecision[]; stats: ColumnStats[] } {
  // A totals row (合计, 总分) and a section line (`Actions held over from…`) say nothing of what the columns hold.
  const body = bodyRowsOf(segment).filter((r) => {
    const first = view.rowCells(r)[0];
    return !(first && isTotalLabel(first.text)) && classifyRow(view, r, segment.left, segment.right) !== 'line';
  });
  const stats: ColumnStats[] = columnStatsOf(view, segment.left, segment.right, body);
  const nonEmpty = stats.filter((s) => s.count > 0).map((s) => s.rowsPerValue);
  const minRowsPerValue = nonEmpty.length > 0 ? minOf(nonEmpty) : 0;
  const nodeHeaders = stats.map((_, i) => {
    const leaf = columnLabels(segment, segment.left + i).labels.at(-1) ?? '';
    return matchHeader(leaf)[0]?.role === 'node';
  });
  const decisions = stats.map((s, i) => {
    const { labels, spanned } = columnLabels(segment, segment.left + i);
    const nodeHeaderElsewhere = nodeHeaders.some((n, j) => n && j !== i);
    const col = segment.left + i;
    const coveredFromLeft = s.count === 0 && body.length > 0 && body.filter((r) => view.anchor(r, col).col < col).length >= 0.8 * body.length;
    const d = decideRole({ col, labels, spanned, stats: s, minRowsPerValue, nodeHeaderElsewhere, coveredFromLeft }, lang);
    if (isPeriodLabel(labels.at(-1) ?? '')) d.period = true;
    if (labels.length > 1) d.group = labels[0];
    if (labels.length > 0) d.label = normalizeHeader(labels.at(-1) as string);
    return d;
  });
  coarseTaskIsCategory(decisions, stats, lang);
  numberedItemsUnderHeadings(decisions, stats, lang);
  itemLevelWeight(decisions, stats, lang);
  resolveConflicts(decisions, lang);
  splitGroupTwins(segment, decisions, stats, lang);
  partsUnderTaskGroup(segment, decisions, stats, lang);
  taskThatGroups(decisions, stats, lang);
  categoryPerTask(view, segment, decisions, lang);
  subjectAtRisk(segment, decisions, stats, lang);
  nodesUnderMergedTask(decisions, stats, lang);
  ensureTaskColumn(view, segment, decisions, stats, lang);
  // Once the task column is known, what stands left of it and what right.
  pointsUnderDeclaredGroups(decisions, stats, lang);
  seqOfItemsNotGroups(decisions, stats, lang);
  textThatGroupsTasks(decisions, stats, lang);
  noCategoryRightOfItems(decisions, stats, lang);
  nextPeriodIsPlan(segment, decisions, lang);
  leadAmongPartners(view, segment, decisions, lang);
  statusOfAnotherKind(decisions, stats, lang);
  valueReachedBesideTarget(decisions, lang);
  return { decisions, stats };
}

/**
 * Points at every level (权重 of the 一级指标, 分值 of the 二级, 分值 of each 三级指标): the finest,
 * with a value for each item, weighs the items; the coarser ones are their groups' totals.
 */
function itemLevelWeight(decisions: RoleDecision[], stats: ColumnStats[], lang: Lang): void {
  const claims = decisions.map((_, i) => i).filter((i) => (decisions[i] as RoleDecision).role === 'weight' && (stats[i] as ColumnStats).count > 0);
  if (claims.length < 2) return;
  const finest = claims.reduce((a, b) => ((stats[b] as ColumnStats).count > (stats[a] as ColumnStats).count ? b : a));
  for (const i of claims) {
    const st = stats[i] as ColumnStats;
    if (i === finest || st.count >= (stats[finest] as ColumnStats).count || st.mergedBlocks < 0.5 * st.count) continue;
    const d = decisions[i] as RoleDecision;
    joint(d, null, 0.6, t_(lang, 'why.group-points'));
  }
}

/**
 * Two columns read as the task, one merged over several rows of the other (项目 over its 考核指标):
 * the coarse one on the left groups the fine one's items, so it is their category.
 */
function coarseTaskIsCategory(decisions: RoleDecision[], stats: ColumnStats[], lang: Lang): void {
  const claims = decisions.map((_, i) => i).filter((i) => (decisions[i] as RoleDecision).role === 'task' && (stats[i] as ColumnStats).count > 0);
  if (claims.length < 2) return;
  // The finest claimant (fewest rows per value, the rightmost of equals) holds the items; every
  // claimant to its left merged over several of its rows is a level of category above them.
  let finest = claims[0] as number;
  for (const i of claims) if ((stats[i] as ColumnStats).rowsPerValue <= (stats[finest] as ColumnStats).rowsPerValue) finest = i;
  const fine = stats[finest] as ColumnStats;
  // Numbered texts alone (`1. Monitoring of…` under `Controls Required`) do not outrank a task header.
  if ((decisions[finest] as RoleDecision).evidence === 'content') return;
  for (const i of claims) {
    const st = stats[i] as ColumnStats;
    if (i >= finest || st.rowsPerValue < 1.5 * fine.rowsPerValue || st.mergedBlocks < 0.5 * st.count) continue;
    const d = decisions[i] as RoleDecision;
    joint(d, 'category', Math.min(d.confidence, 0.7), t_(lang, 'why.groups-items'));
  }
}

/**
 * A task column of `(一)`-numbered headings merged over rows that another text column numbers one by
 * one (`1.…`, `2.…`): the headings group the numbered items, which are the tasks.
 */
function numberedItemsUnderHeadings(decisions: RoleDecision[], stats: ColumnStats[], lang: Lang): void {
  const ti = decisions.findIndex((d) => d.role === 'task');
  if (ti < 0) return;
  const t = stats[ti] as ColumnStats;
  if (t.chineseOrdinal < 0.6) return;
  const xi = decisions.findIndex((d, i) => {
    const x = stats[i] as ColumnStats;
    return i > ti && (ITEM_CANDIDATES.has(d.role) || d.role === 'task') && x.arabicOrdinal >= 0.8 && oneValuePerRow(x) && x.count > t.count;
  });
  if (xi < 0) return;
  const d = decisions[ti] as RoleDecision;
  const x = decisions[xi] as RoleDecision;
  joint(d, 'category', Math.min(d.confidence, 0.7), t_(lang, 'why.groups-items'));
  joint(x, 'task', Math.min(Math.max(x.confidence, 0.6), 0.7), t_(lang, 'why.item-per-number'));
}

/**
 * Each value block of a column (top and bottom row of its merge, or its own row) in the body, as one
 * number per block (top × 2^26 + bottom: exact while rows stay under 2^26, sheets stop at 2^20), not a
 * string built for every row.
 */
function valueBlocks(view: SheetView, col: number, body: readonly number[]): number[] {
  const out: number[] = [];
  for (const r of body) {
    if (view.text(r, col) === '') continue;
    const m = view.merge(r, col);
    out.push(m ? m.top * 2 ** 26 + m.bottom : r * 2 ** 26 + r);
  }
  return out;
}

/**
 * A category groups several tasks. A column whose values are merged exactly over one item each
 * (an owner's initials, a criteria cell beside each item's nodes) says something of that item: it
 * is the item's attribute, and takes its next best role.
 */
function categoryPerTask(view: SheetView, segment: TableSegment, decisions: RoleDecision[], lang: Lang): void {
  const body = bodyRowsOf(segment);
  const anchor = decisions.findIndex((d) => d.role === 'seq') >= 0 ? decisions.findIndex((d) => d.role === 'seq') : decisions.findIndex((d) => d.role === 'task');
  if (anchor < 0) return;
  const items = new Set(valueBlocks(view, segment.left + anchor, body));
  if (items.size < 2) return;
  decisions.forEach((d, i) => {
    // A header that names the column a category is believed: a category may hold a single task.
    if (d.role !== 'category' || i === anchor || d.evidence !== 'content') return;
    const blocks = valueBlocks(view, segment.left + i, body);
    if (blocks.length < 2 || blocks.filter((b) => items.has(b)).length < 0.8 * blocks.length) return;
    const next = [...d.scores.entries()].filter(([r, v]) => r !== 'category' && v >= 0.3 && !(SINGLE_ROLES.has(r) && decisions.some((o) => o.role === r))).sort((a, b) => b[1] - a[1])[0];
    joint(d, next ? next[0] : null, next ? Math.min(0.7, next[1]) : 0.4, t_(lang, 'why.one-per-item'));
  });
}

/**
 * A numbering merged over blocks that each hold several tasks (一、二 over the 策略目标 and their
 * indicators) numbers the groups, not the tasks. The tasks' own numbers, when a column gives one on
 * each of their rows (一 … 六 under each 策略目标), are the seq; else the task texts carry them.
 */
function seqOfItemsNotGroups(decisions: RoleDecision[], stats: ColumnStats[], lang: Lang): void {
  const si = decisions.findIndex((d) => d.role === 'seq');
  const ti = decisions.findIndex((d) => d.role === 'task');
  if (si < 0 || ti < 0) return;
  const seq = stats[si] as ColumnStats;
  const task = stats[ti] as ColumnStats;
  if (seq.count < 2 || seq.mergedBlocks < 0.5 * seq.count || task.count < 1.5 * seq.count) return;
  const fi = decisions.findIndex((x, i) => i !== si && i < ti && x.role === null && (stats[i] as ColumnStats).seq >= 0.8 && (stats[i] as ColumnStats).count >= 0.8 * task.count);
  // Groups have names (a text merged beside the number: 策略績效目標) or numbers under them (1.1.1
  // under 1.1). A number merged over rows with neither numbers one item, the rows under it its parts.
  const named = decisions.some((x, i) => i !== si && i < ti && x.role !== 'seq' && (stats[i] as ColumnStats).count >= 2 && (stats[i] as ColumnStats).mergedBlocks >= 0.5 * (stats[i] as ColumnStats).count);
  if (!named && fi < 0) return;
  const d = decisions[si] as RoleDecision;
  // A group with no name beside it is known by its number (`1.1` over 1.1.1, 1.1.2): its category.
  joint(d, named ? null : 'category', 0.6, t_(lang, 'why.numbers-groups'));
  if (fi < 0) return;
  const f = decisions[fi] as RoleDecision;
  joint(f, 'seq', Math.min(Math.max(f.confidence, 0.6), 0.7), t_(lang, 'why.numbers-items'));
}

/**
 * A task column merged over several rows, each block declaring its points (`组织领导…（7分）`), over
 * a text column that declares points row by row (`…（2分）`): the blocks group scored items, which
 * are the tasks, not nodes of one task.
 */
function pointsUnderDeclaredGroups(decisions: RoleDecision[], stats: ColumnStats[], lang: Lang): void {
  const ti = decisions.findIndex((d) => d.role === 'task');
  if (ti < 0) return;
  const t = stats[ti] as ColumnStats;
  if (t.count < 2 || t.rowsPerValue < 1.5 || t.mergedBlocks < 0.5 * t.count || t.declared < 0.5) return;
  const xi = decisions.findIndex((d, i) => i > ti && (ITEM_CANDIDATES.has(d.role) || d.role === 'node') && oneValuePerRow(stats[i] as ColumnStats) && (stats[i] as ColumnStats).declared >= 0.5);
  if (xi < 0) return;
  const d = decisions[ti] as RoleDecision;
  const x = decisions[xi] as RoleDecision;
  joint(d, 'category', Math.min(d.confidence, 0.7), t_(lang, 'why.groups-items'));
  joint(x, 'task', Math.min(Math.max(x.confidence, 0.6), 0.7), t_(lang, 'why.item-per-number'));
}

/**
 * A text column left of the tasks, merged over several of their rows (策略績效目標 over its 衡量指標),
 * groups them whatever its header calls it: a category.
 */
function textThatGroupsTasks(decisions: RoleDecision[], stats: ColumnStats[], lang: Lang): void {
  const ti = decisions.findIndex((d) => d.role === 'task');
  if (ti < 0) return;
  const task = stats[ti] as ColumnStats;
  if (task.count < 2) return;
  decisions.forEach((d, i) => {
    const st = stats[i] as ColumnStats;
    if (i >= ti || !ITEM_CANDIDATES.has(d.role) || d.role === null || st.count < 2) return;
    if (st.avgLength < 4 || st.mergedBlocks < 0.5 * st.count || task.count < 1.5 * st.count) return;
    joint(d, 'category', Math.min(d.confidence, 0.7), t_(lang, 'why.groups-items'));
  });
}

/**
 * Categories stand left of the items (and milestones) they group. A few values repeated right of the task column and
 * never merged (評估方式: 統計數據, 完成工作項目) describe each item, whatever their repetition says.
 */
function noCategoryRightOfItems(decisions: RoleDecision[], stats: ColumnStats[], lang: Lang): void {
  // Items named by headings above the header leave their milestones as the leftmost thing a category could group.
  const task = decisions.findIndex((d) => d.role === 'task');
  const ti = task >= 0 ? task : decisions.findIndex((d) => d.role === 'node');
  if (ti < 0) return;
  decisions.forEach((d, i) => {
    const st = stats[i] as ColumnStats;
    if (i <= ti || d.role !== 'category' || st.mergedBlocks > 0) return;
    // A header that names a category (考核内容) right of the items, with a value of its own on every
    // item's row, groups nothing either: each value says what that item is about.
    const named = d.evidence !== 'content';
    if (named && !(st.count >= 3 && oneValuePerRow(st))) return;
    const floor = named ? 0.3 : 0.5;
    const next = [...d.scores.entries()].filter(([r, v]) => r !== 'category' && v >= floor && !(SINGLE_ROLES.has(r) && decisions.some((o) => o.role === r))).sort((a, b) => b[1] - a[1])[0];
    joint(d, next ? next[0] : null, next ? Math.min(0.6, next[1]) : 0.5, t_(lang, 'why.describes-item'));
  });
}

/**
 * A progress report for a period (`2023年10-12月份进展情况`) beside a schedule for the period after it
 * (`1-3月份进度安排`): the schedule is what comes next, the plan, not the task's milestones.
 */
function nextPeriodIsPlan(segment: TableSegment, decisions: RoleDecision[], lang: Lang): void {
  const header = (i: number): string => columnLabels(segment, segment.left + i).labels.join(' ');
  // The period the table reports on: its progress column's, else its items' (`Targets for 2012`).
  const of = (roles: ReadonlySet<Role | null>) => decisions.map((d, i) => (roles.has(d.role) ? periodNamed(header(i)) : null)).find((p) => p !== null);
  const reported = of(new Set<Role | null>(['progress'])) ?? of(new Set<Role | null>(['task', 'goal']));
  if (!reported) return;
  decisions.forEach((d, i) => {
    if (!(d.role === 'node' || d.role === null) || d.period) return;
    const planned = periodNamed(header(i));
    if (planned && followsPeriod(reported, planned)) joint(d, 'plan', Math.min(Math.max(d.confidence, 0.4), 0.7), t_(lang, 'why.next-period-plan'));
  });
}

/**
 * Who leads, when the same names stand among the partners (`CCC` leads here and partners there):
 * a body, not a person, so the lead unit. Initials read as a person's are a unit's acronym then.
 */
function leadAmongPartners(view: SheetView, segment: TableSegment, decisions: RoleDecision[], lang: Lang): void {
  if (decisions.some((d) => d.role === 'lead')) return;
  const partners = decisions.map((d, i) => (d.role === 'partner' ? segment.left + i : -1)).filter((c) => c >= 0);
  const oi = decisions.findIndex((d) => d.role === 'owner');
  if (oi < 0 || partners.length === 0) return;
  const body = bodyRowsOf(segment);
  // Each partner named, and the words it opens with (`CCC Gael Taca` names `CCC` too): one set, read once.
  const named = new Set<string>();
  for (const r of body) {
    for (const c of partners) {
      for (const part of view.text(r, c).split(PARTY_SEPARATOR)) {
        const words = normalizeParty(part).split(' ').filter((w) => w !== '');
        for (let k = 1; k <= words.length; k++) named.add(words.slice(0, k).join(' '));
      }
    }
  }
  const owners = body.map((r) => view.text(r, segment.left + oi)).filter((t) => t !== '');
  if (owners.length < 2) return;
  const shared = owners.filter((t) => t.split(PARTY_SEPARATOR).some((p) => named.has(normalizeParty(p))));
  if (shared.length < 0.5 * owners.length) return;
  const d = decisions[oi] as RoleDecision;
  joint(d, 'lead', Math.min(d.confidence, 0.6), t_(lang, 'why.lead-among-partners'));
}

const PARTY_SEPARATOR = /[,，、;；/\n]|\band\b|&/;
const normalizeParty = (t: string): string => t.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * A `Status` column of a few words none of which says how far an item got (New, Continued,
 * Revised: whether a goal is carried over) classes the items; it is not their state.
 */
/**
 * Two values of an indicator, one named the target (`目标值(标准)`) and one not (`指标值` right of
 * it, under the data collected): the second is the value reached, the progress. A table has one target.
 */
function valueReachedBesideTarget(decisions: RoleDecision[], lang: Lang): void {
  const goals = decisions.map((d, i) => (d.role === 'goal' ? i : -1)).filter((i) => i >= 0);
  if (goals.length < 2) return;
  const target = goals.find((i) => TARGET_WORDS.test((decisions[i] as RoleDecision).label ?? ''));
  if (target === undefined) return;
  for (const i of goals) {
    const d = decisions[i] as RoleDecision;
    if (i > target && !TARGET_WORDS.test(d.label ?? '')) joint(d, 'progress', Math.min(d.confidence, 0.6), t_(lang, 'why.value-beside-target'));
  }
}

const TARGET_WORDS = /目标|预期|计划|预设|target|expected|planned|intended/i;

const BARE_STATUS = /^(?:status|状态|current status|项目状态|任务状态)$/i;

function statusOfAnotherKind(decisions: RoleDecision[], stats: ColumnStats[], lang: Lang): void {
  decisions.forEach((d, i) => {
    const st = stats[i] as ColumnStats;
    // A header that names the states itself (`Proposed to Open/ Close`, 是否完成) is believed.
    if (d.role !== 'status' || !BARE_STATUS.test(d.label ?? '') || st.count < 3 || st.status > 0 || st.avgLength > 12 || st.distinct > 0.5 * st.sampled) return;
    joint(d, null, 0.4, t_(lang, 'why.status-of-another-kind'));
  });
}

/** A role given by reading columns together: marked as such, its reason said after the column's own. */
function joint(d: RoleDecision, role: Role | null, confidence: number, why: string): void {
  d.role = role;
  d.confidence = confidence;
  d.evidence = 'joint';
  d.why = `${d.why}; ${why}`;
}

/** Text columns that can hold the items when no column is named for them. */
const ITEM_CANDIDATES: ReadonlySet<Role | null> = new Set<Role | null>([null, 'goal', 'node', 'criteria']);

const oneValuePerRow = (s: ColumnStats): boolean => s.count > 0 && s.rowsPerValue <= 1.25 && s.distinct >= 0.8 * s.sampled;

/**
 * A task column whose merged cells each hold several numbered items is a category: a category groups
 * tasks, a task is one item. The text column beside it with one value per number is then the task.
 */
function taskThatGroups(decisions: RoleDecision[], stats: ColumnStats[], lang: Lang): void {
  const ti = decisions.findIndex((d) => d.role === 'task');
  const si = decisions.findIndex((d) => d.role === 'seq');
  if (ti < 0 || si < 0) return;
  const task = stats[ti] as ColumnStats;
  const seq = stats[si] as ColumnStats;
  if (!oneValuePerRow(seq) || task.mergedBlocks < 2 || task.rowsPerValue < 2 || task.mergedBlocks < 0.5 * task.count) return;
  const xi = decisions.findIndex((d, i) => i > ti && ITEM_CANDIDATES.has(d.role) && oneValuePerRow(stats[i] as ColumnStats) && (stats[i] as ColumnStats).avgLength >= 8);
  if (xi < 0) return;
  const t = decisions[ti] as RoleDecision;
  const x = decisions[xi] as RoleDecision;
  t.role = 'category';
  t.confidence = Math.min(t.confidence, 0.75);
  t.evidence = 'joint';
  x.evidence = 'joint';
  t.why = `${t.why}; ${t_(lang, 'why.groups-items')}`;
  x.role = 'task';
  x.confidence = Math.min(Math.max(x.confidence, 0.6), 0.75);
  x.why = `${x.why}; ${t_(lang, 'why.item-per-number')}`;
}

/**
 * Every table of tasks has one column of them. When no header named it, it is the finest level of
 * the categories when that level has one value per row (三级指标 under 一级/二级), else the first
 * text column with one value per row (a 主要工作目标 header need not make a goal of the items).
 * Tables whose items are named by headings above repeated headers keep them there.
 */
function ensureTaskColumn(view: SheetView, segment: TableSegment, decisions: RoleDecision[], stats: ColumnStats[], lang: Lang): void {
  if (decisions.some((d) => d.role === 'task')) return;
  // An item heading above the header (`Action 1: …`) names the task itself.
  if (segment.blocks.some((b) => preludeHeadings(view, b).heading !== null)) return;
  const cats = decisions.map((_, i) => i).filter((i) => (decisions[i] as RoleDecision).role === 'category');
  const finest = cats.at(-1);
  let pick: number | undefined;
  // A column named as a category (考核项目) that groups nothing, one value on each numbered row and
  // none merged, lists the items themselves.
  const seqCol = decisions.findIndex((d) => d.role === 'seq');
  const lone = cats.find((i) => {
    const st = stats[i] as ColumnStats;
    return seqCol >= 0 && seqCol < i && st.count >= 3 && st.mergedBlocks === 0 && oneValuePerRow(st) && st.distinct >= 0.9 * st.sampled && (stats[seqCol] as ColumnStats).count >= 0.8 * st.count;
  });
  if (lone !== undefined) pick = lone;
  const fs_ = finest !== undefined ? (stats[finest] as ColumnStats) : undefined;
  // The finest level names one item per row: all its values differ and few are merged.
  if (pick === undefined && finest !== undefined && fs_ && cats.length >= 2 && fs_.count > 0 && fs_.distinct >= 0.9 * fs_.sampled && fs_.mergedBlocks <= 0.2 * fs_.count) pick = finest;
  if (pick === undefined) {
    // The first text column with one value per row, named or not: a table of goals or of
    // milestones with no task column lists its items there (`Commitment Text`, `環保事務目標`).
    const first = decisions.findIndex((d, i) => {
      const st = stats[i] as ColumnStats;
      if (!ITEM_CANDIDATES.has(d.role) || !oneValuePerRow(st) || st.avgLength < 6 || st.seq > 0.5 || st.deadline > 0.5 || st.status > 0.5) return false;
      return st.numbers < 0.5 && st.unit < 0.5 && st.person < 0.5;
    });
    if (first < 0) return;
    pick = first;
  }
  const d = decisions[pick] as RoleDecision;
  joint(d, 'task', Math.min(d.confidence, 0.7), t_(lang, 'why.item-column'));
}

/**
 * A task merged over several rows has a node on each (DESIGN.md): with no column named for the
 * nodes, the text column that fills those rows one by one (`1. Monitoring of…`, `2. …`) holds them.
 */
function nodesUnderMergedTask(decisions: RoleDecision[], stats: ColumnStats[], lang: Lang): void {
  if (decisions.some((d) => d.role === 'node')) return;
  const ti = decisions.findIndex((d) => d.role === 'task');
  if (ti < 0) return;
  const task = stats[ti] as ColumnStats;
  if (task.count === 0 || task.rowsPerValue < 1.5 || task.mergedBlocks < 0.5 * task.count) return;
  const ni = decisions.findIndex((d, i) => {
    const st = stats[i] as ColumnStats;
    return i > ti && d.role === null && st.count >= 1.5 * task.count && st.avgLength >= 8 && st.numbers < 0.5 && st.status < 0.5 && st.deadline < 0.5 && st.distinct >= 0.8 * st.sampled;
  });
  if (ni < 0) return;
  const d = decisions[ni] as RoleDecision;
  joint(d, 'node', Math.min(Math.max(d.confidence, 0.5), 0.65), t_(lang, 'why.nodes-of-merged-task'));
}

/** Headers that name what can go wrong: a risk register's risk or hazard column. */
const RISK_HEADER = /\brisks?\b|hazard|风险|隐患|危险源/i;

/**
 * A risk register lists what is at risk and then its risk (`Precept` | `Precept not claimed…`): the
 * item is the subject, a short label on each row left of the risk column, and the risk describes it.
 * Without such a subject (or with one merged over several risks, a category) the risks are the items.
 * Another column read as the task by its action words (`Action Required to Minimise Risk`) holds
 * what is done about each item: its nodes, unless a column of measures already does.
 */
function subjectAtRisk(segment: TableSegment, decisions: RoleDecision[], stats: ColumnStats[], lang: Lang): void {
  const label = (i: number): string => columnLabels(segment, segment.left + i).labels.join(' ');
  const risk = decisions.findIndex((d, i) => RISK_HEADER.test(label(i)) && (stats[i] as ColumnStats).count > 0 && (stats[i] as ColumnStats).avgLength >= 8 && d.role !== 'category' && d.role !== 'status');
  if (risk < 0) return;
  const subject = decisions.findIndex((d, i) => {
    const st = stats[i] as ColumnStats;
    // A subject column named like a category (`Risk Area`) that names one thing per row is no grouping.
    const role = d.role === 'task' || (d.role === 'category' && st.mergedBlocks === 0) ? null : d.role;
    return i < risk && ITEM_CANDIDATES.has(role) && oneValuePerRow(st) && st.avgLength >= 3 && st.avgLength <= 80 && st.seq < 0.5 && st.numbers < 0.5 && st.unit < 0.5 && st.person < 0.5;
  });
  const item = subject >= 0 ? subject : risk;
  // An action header the cells did not bear out as the task (`Action required` over long texts) is still an action column.
  const actionHeader = (i: number): boolean => matchHeader(columnLabels(segment, segment.left + i).labels.at(-1) ?? '')[0]?.role === 'task';
  decisions.forEach((d, i) => {
    if (i === item || !(d.role === 'task' || (d.role === null && actionHeader(i)))) return;
    // Right of the risk, an action column says what is done about it: the controls already in place
    // when no other column lists them, else what is still to do beyond them (`Action required`).
    const nodeAt = decisions.findIndex((o) => o.role === 'node');
    const st = stats[i] as ColumnStats;
    joint(d, i <= risk ? null : nodeAt < 0 ? 'node' : i > nodeAt && st.avgLength >= 15 && !decisions.some((o) => o.role === 'plan') ? 'plan' : null, Math.min(d.confidence, 0.6), t_(lang, 'why.risk-item'));
  });
  const d = decisions[item] as RoleDecision;
  if (d.role !== 'task') {
    joint(d, 'task', Math.min(Math.max(d.confidence, 0.5), 0.7), t_(lang, subject >= 0 ? 'why.risk-subject' : 'why.risk-item'));
  }
  if (subject >= 0) {
    const r = decisions[risk] as RoleDecision;
    if (r.role === 'task' || r.role === null) {
      joint(r, null, 0.5, t_(lang, 'why.risk-describes'));
    }
  }
}

/** Text roles that a group header such as 考核细则 can give two columns at once. */
const TWIN_ROLES: ReadonlySet<Role> = new Set(['criteria', 'goal', 'node', 'evidence', 'remark']);

/**
 * A group header over two columns (考核细则 over an item and its scoring rule) gives both the same
 * role. In a table with no task column, the left one, with the longer and all different texts, is the
 * item: items come before what is said of them.
 */
function splitGroupTwins(segment: TableSegment, decisions: RoleDecision[], stats: ColumnStats[], lang: Lang): void {
  if (decisions.some((d) => d.role === 'task')) return;
  for (let i = 0; i + 1 < decisions.length; i++) {
    const a = decisions[i] as RoleDecision;
    const b = decisions[i + 1] as RoleDecision;
    const la = columnLabels(segment, segment.left + i);
    const lb = columnLabels(segment, segment.left + i + 1);
    if (!la.spanned || !lb.spanned || la.labels.join('/') !== lb.labels.join('/')) continue;
    if (!a.role || a.role !== b.role || !TWIN_ROLES.has(a.role)) continue;
    const sa = stats[i] as ColumnStats;
    const sb = stats[i + 1] as ColumnStats;
    if (sa.avgLength <= sb.avgLength || sa.distinct < 0.8 * sa.sampled) continue;
    a.role = 'task';
    a.confidence = Math.min(a.confidence, 0.7);
    a.why = `${a.why}; ${t(lang, 'why.group-item')}`;
    return;
  }
}

/**
 * A task header over two columns (项目名称 over an item and its parts): the column right of the
 * task, under the same label, lists the item's parts, its nodes — unless another column holds them.
 */
function partsUnderTaskGroup(segment: TableSegment, decisions: RoleDecision[], stats: ColumnStats[], lang: Lang): void {
  const ti = decisions.findIndex((d) => d.role === 'task');
  if (ti < 0 || ti + 1 >= decisions.length || decisions.some((d) => d.role === 'node')) return;
  const task = columnLabels(segment, segment.left + ti);
  const next = columnLabels(segment, segment.left + ti + 1);
  if (!task.spanned || !next.spanned || task.labels.join('/') !== next.labels.join('/')) return;
  const d = decisions[ti + 1] as RoleDecision;
  const st = stats[ti + 1] as ColumnStats;
  if (d.role !== null || st.count === 0 || st.avgLength < 4 || st.numbers > 0.5 || st.quantity > 0.5) return;
  joint(d, 'node', Math.min(0.6, d.confidence + 0.2), t_(lang, 'why.task-parts'));
}

function roleName(lang: Lang, role: Role | null): string {
  return t(lang, `role.${role ?? 'null'}` as MessageKey);
}

export function recognizeSheet(grid: Grid, options: RecognizeOptions = {}): SheetRecognition {
  const lang = options.lang ?? 'zh-CN';
  const view = new SheetView(grid);
  const tables: TableReport[] = [];
  const findings: Finding[] = [];
  const details: SheetRecognition['details'] = [];
  const sheetFinding = (f: Omit<Finding, 'sheet'>): void => {
    findings.push({ ...f, sheet: grid.name });
  };
  const placed = withMappedSegments(view, segmentSheet(view), options.mapping, grid.name, lang);
  const segments = placed.segments;
  placed.findings.forEach(sheetFinding);

  segments.forEach((segment, index) => {
    const { decisions } = decideColumns(view, segment, lang);
    const overrides = segment.mapped ? rangeOverrides(segment.mapped.entry) : columnOverrides(options.mapping, grid.name, index + 1);
    const first = segment.blocks[0] as (typeof segment.blocks)[number];
    const last = segment.blocks[segment.blocks.length - 1] as (typeof segment.blocks)[number];
    // The range starts at the header (expected/README.md): a section line straight above it
    // (`一、区长…牵头重点工作`) gives its tasks their category from outside the range.
    const top = first.header.rows[0] as number;
    const bottom = last.body.length > 0 ? (last.body[last.body.length - 1] as number) : (last.header.rows[last.header.rows.length - 1] as number);
    const range = segment.mapped?.range ?? rangeAddress({ top, left: segment.left, bottom, right: segment.right });
    const columns: ColumnReport[] = [];
    const evidence: Array<Evidence | undefined> = [];
    const roles: ColumnRole[] = [];
    let categoryLevel = 0;
    decisions.forEach((d, i) => {
      const col = segment.left + i;
      const letters = columnLetters(col);
      const { labels } = columnLabels(segment, col);
      const override = overrides.get(letters);
      const header = labels.length > 0 ? labels.join(' / ') : null;
      const cap = confidenceCap(d.evidence, d.role, first.header.byLayout === true);
      const report: ColumnReport = override
        ? { column: letters, header, role: override.role, confidence: 1, why: t(lang, 'why.user') }
        : { column: letters, header, role: d.role, confidence: Number(Math.min(d.confidence, cap).toFixed(2)), why: d.why };
      evidence.push(override ? undefined : d.evidence);
      if (report.role === 'category') report.level = override?.level ?? ++categoryLevel;
      columns.push(report);
      const cr: ColumnRole = { col, role: report.role };
      if (report.level !== undefined) cr.level = report.level;
      const leaf = labels.at(-1);
      if (report.role === 'node' && leaf !== undefined && isPeriodLabel(leaf)) {
        const headerRows = first.header.rows;
        const labelRow = [...headerRows].reverse().find((r) => view.shownText(r, col) === leaf) ?? (headerRows[headerRows.length - 1] as number);
        cr.period = { label: leaf, row: view.anchor(labelRow, col).row };
      }
      roles.push(cr);
    });
    for (const col of overrides.keys()) {
      if (!columns.some((c) => c.column === col)) {
        sheetFinding({
          rule: 'recognize.mapping-column-outside',
          severity: 'warning',
          message: t(lang, 'recognize.mapping-column-outside', { column: col, range }),
        });
      }
    }

    const built = buildTasks(view, segment, roles);
    const titleRows = [...new Set(segment.titleRows)].sort((a, b) => a - b);
    const titles = titleRows.map((r) => view.rowText(r));
    const headerRows = segment.blocks.flatMap((b) => b.header.rows);

    let year = (segment.mapped ? segment.mapped.entry.year : mappedYear(options.mapping, grid.name, index + 1)) ?? null;
    let yearFrom: TableReport['yearFrom'] = year !== null ? 'settings' : undefined;
    const preludeLines = (segment.blocks[0]?.prelude ?? []).filter((r) => !titleRows.includes(r)).map((r) => view.rowText(r));
    // A plan of several years (`Council Plan Action Plan 2025 to 2027`) has no one plan year: unless
    // a line names the year this sheet covers, its deadlines carry their own years.
    const severalYears = [...titles, ...preludeLines].some(namesLongSpan);
    if (year === null) {
      year = statedYear(titles.map(withoutFormDates));
      if (year !== null) yearFrom = 'title';
    }
    // A header that names its year (`2017-18年度環保事務目標`, `103年 年度目標值`) says the plan's.
    if (year === null && !severalYears) {
      year = statedYear(segment.blocks[0]?.header.rows.flatMap((r) => view.rowCells(r).map((c) => c.text)) ?? []);
      if (year !== null) yearFrom = 'title';
    }
    if (year === null) {
      year = yearFromPrelude(preludeLines, severalYears);
      if (year !== null) yearFrom = 'title';
    }
    if (year === null && !severalYears) {
      // The lines and the sheet's own dates say the year. The items' texts are heard only when the
      // deadlines need a year they do not give (`3月31日前` beside `发布2019年上半年…报告`): where
      // deadlines carry their years, `在 1996 年年底前，完成…` dates one pledge, not the plan.
      const needsYear = built.tasks.some((t) => t.nodes.some((n) => n.deadline && !/(?:19|20)\d{2}/.test(n.deadline.text)));
      const texts: string[] = [];
      const lines: string[] = [];
      const dateYears: number[] = [];
      for (const b of segment.blocks) {
        for (const r of [...b.prelude, ...b.body]) {
          for (const c of view.rowCells(r)) {
            const role = roles.find((x) => x.col === c.col)?.role;
            // Lines above the header and section lines inside the body (`May 2012`) date the table too.
            if (b.prelude.includes(r) || built.sectionRows.includes(r)) lines.push(c.text);
            else if (needsYear && role && TEXT_YEAR_ROLES.has(role)) texts.push(c.text);
            const cell = view.cell(r, c.col);
            const date = cell?.value.kind === 'date' ? gridDateIso(cell.value.value) : null;
            // A deadline says when an item is due, not which year the plan is for.
            if (date && role !== 'deadline') dateYears.push(Number(date.slice(0, 4)));
          }
        }
      }
      year = yearFromCells(texts, dateYears, lines);
      if (year !== null) yearFrom = 'cells';
    }

    const known = columns.filter((c) => c.role !== null);
    // Tasks must come from somewhere: a task, seq, goal or node column, or headings above the blocks.
    const hasTasks =
      built.tasks.length > 0 &&
      (known.some((c) => ['task', 'seq', 'goal', 'node'].includes(c.role as string)) || built.tasks.some((k) => k.title !== null));
    const hasSubstance = known.some((c) => ['node', 'deadline', 'weight', 'owner', 'goal', 'criteria', 'lead'].includes(c.role as string));
    const mean = known.length > 0 ? known.reduce((s, c) => s + c.confidence, 0) / known.length : 0;
    const confidence = Number((mean * (hasTasks ? 1 : 0.6) * (hasSubstance ? 1 : 0.7)).toFixed(2));

    const table: TableReport = {
      range,
      titleRows,
      headerRows,
      title: titles.at(-1) ?? null,
      year,
      confidence,
      columns,
      tasks: built.tasks,
      categories: built.categories,
    };
    if (yearFrom) table.yearFrom = yearFrom;
    if (segment.mapped) table.rangeFrom = 'settings';
    tables.push(table);
    details.push({ orphanRows: built.orphanRows, sectionRows: built.sectionRows, evidence, byLayout: first.header.byLayout === true });

    const headerRow = first.header.rows[first.header.rows.length - 1] as number;
    for (const c of columns) {
      if (c.confidence >= LOW_CONFIDENCE) continue;
      const cell = sheetCellAddress(grid.name, headerRow, segment.left + columns.indexOf(c));
      const header = c.header ?? t(lang, 'why.no-header');
      sheetFinding(
        c.role === null
          ? { rule: 'recognize.low-confidence', severity: 'warning', cell, found: header,
              message: t(lang, 'recognize.low-confidence.unknown', { column: c.column, header }) }
          : { rule: 'recognize.low-confidence', severity: 'warning', cell, found: header,
              expected: roleName(lang, c.role),
              message: t(lang, 'recognize.low-confidence.column', { column: c.column, header, role: roleName(lang, c.role),
                confidence: c.confidence.toFixed(2), why: c.why }) },
      );
    }
    if (confidence < LOW_CONFIDENCE) {
      const missing = !hasTasks ? roleName(lang, 'task') : roleName(lang, 'node');
      sheetFinding({
        rule: 'recognize.low-confidence',
        severity: 'warning',
        cell: sheetCellAddress(grid.name, top, segment.left),
        message: t(lang, 'recognize.low-confidence.table', { range, confidence: confidence.toFixed(2), missing }),
      });
    }
  });

  for (const m of options.mapping?.tables ?? []) {
    if (m.range === undefined && m.sheet === grid.name && m.table > segments.length) {
      sheetFinding({ rule: 'recognize.mapping-unused', severity: 'warning', message: t(lang, 'recognize.mapping-unused', { sheet: m.sheet, table: m.table }) });
    }
  }
  if (tables.length === 0) {
    sheetFinding({ rule: 'recognize.no-table', severity: 'info', message: t(lang, 'recognize.no-table', { sheet: grid.name }) });
  }
  const sheet: SheetReport = { name: grid.name, tables };
  if (grid.visibility && grid.visibility !== 'visible') sheet.hidden = true;
  return { sheet, findings, details, view };
}
