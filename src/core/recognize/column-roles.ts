/**
 * Deciding each column's role from two kinds of evidence: the header words (header-match.ts) and
 * the cells below (column-stats.ts). A header word is evidence, not proof: contents that contradict
 * it lower it, and strong contents overrule it (a 完成标准 column full of `3月31日前，…` is node text).
 */
import { t, type Lang } from '../i18n';
import type { ColumnStats } from './column-stats';
import { matchHeader, isKnownWithoutRole, isPriorityHeader } from './header-match';
import type { Role } from '../contract';
import { pushAll } from '../arrays';

export interface ColumnEvidence {
  col: number;
  /** Labels above the column, top level first. */
  labels: string[];
  /** The label is a group label spanning several columns, so it says less about this one. */
  spanned: boolean;
  stats: ColumnStats;
  /** The column's stats relative to the table: the smallest rowsPerValue among non-empty columns. */
  minRowsPerValue: number;
  /** Another column's header already names the nodes: text opening with a deadline here is not node text. */
  nodeHeaderElsewhere?: boolean;
  /** The column's body cells are covered by merges from a column to its left: no values of its own. */
  coveredFromLeft?: boolean;
}

export interface RoleDecision {
  role: Role | null;
  confidence: number;
  why: string;
  /** Every role's score, for resolving conflicts between columns. */
  scores: Map<Role, number>;
  /** What kind of evidence decided the role: the bucket its confidence is calibrated in (calibration.ts). */
  evidence?: Evidence;
  /** The header names a period (第1季, Q2, 6月): one column of a series, one per period. */
  period?: boolean;
  /** The group label the column stands under in a two-level header (学校自评, 考核委员评鑑). */
  group?: string;
  /** The column's own header label, normalized (自评分, 考核分). */
  label?: string;
}

/**
 * `confirmed`: a header word that the cells say as well (a 权重 column of points);
 * `exact`: a whole header from the vocabulary, not contradicted by the cells;
 * `keyword`: a word inside the header; `group`: the label of a group over several columns;
 * `content`: the cells alone; `joint`: changed when the table's columns were decided together;
 * `empty`: a column with no values, named by its header.
 */
export type Evidence = 'confirmed' | 'exact' | 'keyword' | 'group' | 'content' | 'joint' | 'empty';

/** Roles of points that a group head can give the sub-columns under it. */
const POINTS_KINDS: ReadonlySet<Role> = new Set(['bonus', 'deduction']);

const TEXT_ROLES: ReadonlySet<Role> = new Set(['task', 'goal', 'node', 'criteria', 'evidence', 'progress', 'plan', 'remark']);
const PEOPLE_ROLES: ReadonlySet<Role> = new Set(['owner', 'lead', 'leader', 'partner']);

/**
 * How strongly a share of cells contradicts a header: a few odd cells say nothing (tables hold
 * mistakes, which is why people check them); most of the column saying otherwise says a lot.
 */
function contradiction(fraction: number): number {
  return Math.min(1, Math.max(0, (fraction - 0.3) / 0.5));
}

/** How well the contents fit a role the header proposes: 1 fits, near 0 contradicts. */
function compatibility(role: Role, s: ColumnStats, nodeHeaderElsewhere = false): number {
  if (s.count === 0) return 1;
  const nonText = contradiction(Math.max(s.deadline * (s.avgLength < 30 ? 1 : 0.3), s.rowKind, s.numbers, s.yesNo));
  // Progress is written as words, percentages or the figures achieved (`7356` against a target of `8950`).
  if (role === 'progress' && (s.percent >= 0.5 || s.numbers >= 0.5 || s.quantity >= 0.5)) return 1;
  // Amounts with their unit (`1300人`, `2所`) are targets or figures, not the text of items.
  if (role === 'goal' && (s.quantity >= 0.5 || s.numbers >= 0.5)) return 1;
  if (TEXT_ROLES.has(role)) {
    // A column of status words or ratings is no text of items, whatever its header.
    // Progress is told in words that may name a state; only short cells that are all states (已完工, 在建) are a status column.
    const states = role === 'progress' && s.avgLength > 12 ? 0 : contradiction(s.status);
    let c = 1 - 0.8 * Math.max(nonText, states, contradiction(s.quantity));
    if (role !== 'node' && role !== 'progress' && !nodeHeaderElsewhere) c = Math.min(c, 1 - 0.8 * contradiction(s.leadDeadline));
    if (role === 'task' && s.chineseOrdinal >= 0.8 && s.rowsPerValue >= 2) c *= 0.6;
    // Cells naming what the assessor looks at (`查阅文件材料`) are the evidence, not the rule or the item.
    if (role !== 'evidence') c = Math.min(c, 1 - 0.8 * contradiction(s.inspection));
    return Math.max(c, 0.05);
  }
  switch (role) {
    case 'deadline':
      // How often a check recurs is its deadline under a review header.
      return 0.25 + 0.75 * Math.max(s.deadline, recurrences(s) ? s.recurring : 0);
    case 'done_on':
      return 0.25 + 0.75 * s.deadline;
    case 'weight':
      return s.taskKey ? 0.1 : 0.25 + 0.75 * s.points;
    case 'score':
    case 'bonus':
    case 'deduction':
      return 0.25 + 0.75 * s.points;
    case 'seq':
      return (0.3 + 0.7 * s.seq) * (s.climbing >= 0.7 ? 1 : 0.6);
    case 'status': {
      // Under a status header, a few short labels repeated are a vocabulary this table keeps (达序推进, Open).
      // Repeated means some label comes back: two different sentences are no vocabulary.
      const vocabulary = s.sampled >= 2 && s.distinct < s.sampled && s.distinct <= Math.max(2, s.sampled / 2) && s.avgLength <= 24 ? 1 : 0;
      const figures = Math.min(1, s.percent + s.quantity + s.numbers);
      return (0.5 + 0.5 * Math.max(s.status, s.yesNo, vocabulary)) * (1 - 0.6 * contradiction(figures));
    }
    case 'row_kind':
      return 0.2 + 0.8 * s.rowKind;
    case 'category':
      return Math.max(0.3, 1 - 0.8 * contradiction(Math.max(s.deadline, s.numbers, s.rowKind)));
    default:
      if (PEOPLE_ROLES.has(role)) return Math.max(0.2, 1 - 0.8 * contradiction(Math.max(s.deadline, s.rowKind, s.leadDeadline, s.numbers)));
      return 1;
  }
}

function categoryScore(s: ColumnStats, minRowsPerValue: number): number {
  if (s.count === 0 || s.avgLength > 40 || s.avgLength < 2) return 0;
  const repeats = s.sampled > 1 ? 1 - s.distinct / s.sampled : 0;
  const spans = minRowsPerValue > 0 && s.rowsPerValue >= 2 * minRowsPerValue ? 1 : 0;
  const merged = s.count > 0 && s.mergedBlocks / s.count >= 0.5 ? 1 : 0;
  let score = 0.5 * Math.min(1, repeats * 2) + 0.3 * spans + 0.2 * merged * spans + 0.2 * s.declared;
  if (spans && s.chineseOrdinal >= 0.8) score += 0.4;
  else score += 0.2 * s.chineseOrdinal;
  return Math.min(1, score) * (1 - Math.max(s.seq, s.deadline, s.points, s.rowKind, s.phone, s.yesNo, s.status));
}

/** What the cells alone say, role by role (0 when they say nothing). */
function contentScores(s: ColumnStats, minRowsPerValue: number): Map<Role, number> {
  const m = new Map<Role, number>();
  if (s.count === 0) return m;
  const set = (r: Role, v: number): void => {
    if (v > (m.get(r) ?? 0)) m.set(r, v);
  };
  set('deadline', s.deadline);
  set('node', s.leadDeadline);
  set('row_kind', s.rowKind >= 0.9 ? 0.95 : s.rowKind * 0.7);
  set('owner', Math.max(s.phone, 0.6 * s.unit, 0.4 * s.person));
  // A 是/否 column is a lead flag when its header says so (是否为牵头单位); alone it could be any question.
  set('lead', Math.max(0.3 * s.yesNo, 0.4 * s.unit));
  set('partner', 0.4 * s.unit);
  set('leader', 0.6 * s.person);
  // A task key repeated on its node rows is no weight, however weight-like its numbers look.
  // One number on every row (評估體制 = 1 throughout) tells no item from another: weights do, or a header says so.
  const constant = s.sampled >= 4 && s.distinct === 1;
  // Shares (110%, 95.33%) are how far an item got far more often than what it weighs.
  set('weight', s.taskKey ? 0 : s.numbers >= 0.5 || s.points >= 0.8 ? 0.85 * s.points * (constant ? 0.3 : 1) * (s.percent >= 0.5 ? 0.5 : 1) * (s.largest > 100 ? 0.4 : 1) : 0);
  if (s.taskKey) set('seq', 0.85);
  // Several references to one item, a line each (`BOD 60/17(h)\nBOD 21/17 (b)`), are long cells of numbers all the same.
  set('seq', s.seq * (s.distinct >= 0.8 * s.sampled ? 1 : 0.5) * (s.avgLength <= 12 || s.seq >= 0.8 ? 1 : 0.5) * (s.climbing >= 0.7 ? 1 : 0.3));
  set('status', s.status * 0.9);
  // Percentages are how far a task has got: progress as a number, not a word from a short list.
  if (s.percent >= 0.5) set('progress', 0.85 * s.percent);
  // Figures achieved (`9.8%`, `4家`, `7356`) under a 完成情况 header are progress as well.
  const figures = Math.min(1, s.percent + s.quantity + s.numbers);
  if (figures >= 0.5 && s.percent >= 0.3) set('progress', 0.8 * figures);
  set('category', categoryScore(s, minRowsPerValue));
  if (s.avgLength >= 8) set('task', 0.25 + 0.25 * s.arabicOrdinal);
  // Short amounts with units (`1300人`, `7699套`) are what an item aims at.
  if (s.avgLength <= 12) set('goal', 0.6 * s.quantity);
  set('evidence', 0.8 * s.inspection);
  return m;
}

function pct(x: number): string {
  return x.toFixed(2);
}

const WHAT_KEYS: Array<[keyof ColumnStats, Role[], Parameters<typeof t>[1]]> = [
  ['deadline', ['deadline', 'done_on'], 'what.deadline'],
  ['leadDeadline', ['node'], 'what.lead-deadline'],
  ['rowKind', ['row_kind'], 'what.row-kind'],
  ['phone', ['owner'], 'what.phone'],
  ['unit', ['owner', 'lead', 'partner'], 'what.unit'],
  ['person', ['leader', 'owner'], 'what.person'],
  ['points', ['weight', 'score', 'bonus', 'deduction'], 'what.points'],
  ['seq', ['seq'], 'what.seq'],
  ['status', ['status'], 'what.status'],
  ['yesNo', ['lead', 'status'], 'what.yes-no'],
  ['chineseOrdinal', ['category'], 'what.ordinal'],
  ['declared', ['category'], 'what.declared'],
  ['arabicOrdinal', ['task'], 'what.numbered'],
];

function contentWhy(lang: Lang, role: Role | null, s: ColumnStats): string[] {
  const out: string[] = [];
  for (const [key, roles, what] of WHAT_KEYS) {
    const f = s[key] as number;
    if (role && roles.includes(role) && f > 0) {
      out.push(t(lang, 'why.cells', { count: Math.round(f * s.sampled), total: s.sampled, what: t(lang, what) }));
    }
  }
  if (role === 'category') {
    out.push(
      s.mergedBlocks > 0
        ? t(lang, 'why.merged-blocks', { count: s.mergedBlocks, distinct: s.distinct })
        : t(lang, 'why.repeats', { count: s.count, distinct: s.distinct }),
    );
  }
  if (out.length === 0 && role && TEXT_ROLES.has(role) && s.count > 0) {
    out.push(t(lang, 'why.long-text', { avg: Math.round(s.avgLength) }));
  }
  return out;
}

/** Short cells that say how often (`Annual`, `Reviewed at all Council Meetings`), not what is done each time. */
function recurrences(s: ColumnStats): boolean {
  return s.recurring >= 0.5 && s.avgLength <= 40;
}

/** Words of a periodic review, which names either when it happens or what it will do. */
const REVIEW_WORD = /\brevie?w|\bassess|\brevis/i;

export function decideRole(e: ColumnEvidence, lang: Lang): RoleDecision {
  const s = e.stats;
  const leaf = e.labels.at(-1) ?? '';
  const headerText = e.labels.join(' / ');
  // A start date is understood and has no role: its dates must not make it a second deadline.
  // A known column with no role of its own (`Likelihood`, `Impact`) whose cells are rating words is
  // the table's rating, its status, unless another column claims the status more strongly.
  const rating = s.count > 0 && s.status >= 0.8 && s.numbers < 0.2;
  if (isKnownWithoutRole(leaf) && (!rating || isPriorityHeader(leaf))) {
    return { role: null, confidence: 0.9, why: `${t(lang, 'why.header', { word: headerText })}; ${t(lang, 'why.known-no-role')}`, scores: new Map() };
  }
  // The most specific label that says something: the leaf, else its group label.
  let matches = matchHeader(leaf);
  let headerWeight = e.spanned ? 0.8 : 1;
  if (matches.length === 0 && e.labels.length > 1) {
    matches = matchHeader(e.labels[0] as string);
    headerWeight = 0.8;
  } else if (e.labels.length > 1 && (matches[0]?.role === 'weight' || matches[0]?.role === 'score')) {
    // Points under a group head that says which points (分值 under 增加分值 / 扣减分值, 得分 under
    // 加分): the head names the role, the leaf only the unit.
    const group = matchHeader(e.labels[0] as string)[0];
    if (group && POINTS_KINDS.has(group.role) && group.role !== matches[0]?.role) matches = [{ ...group, score: Math.min(group.score, matches[0]?.score ?? 1) }];
  }
  const scores = new Map<Role, number>();
  const headerScore = new Map<Role, number>();
  for (const m of matches) headerScore.set(m.role, m.score * headerWeight);
  // A 状态 / Status column of sentences rather than status words is a progress narrative.
  const statusHeader = headerScore.get('status');
  if (statusHeader !== undefined && !headerScore.has('progress') && s.count > 0 && s.status < 0.2 && s.yesNo < 0.2 && s.avgLength >= 15) {
    headerScore.set('progress', statusHeader * 0.85);
  }
  // A progress column (本月进展情况) whose cells are state words (已完工, 在建) is kept as a status.
  const progressHeader = headerScore.get('progress');
  if (progressHeader !== undefined && !headerScore.has('status') && s.count > 0 && s.status >= 0.6 && s.avgLength <= 12) {
    headerScore.set('status', progressHeader * 0.95);
  }
  // Figures under a 完成情况 header (4385 beds, 110%) are what was achieved: progress, not a state.
  if (statusHeader !== undefined && !headerScore.has('progress') && s.count > 0 && Math.min(1, s.percent + s.quantity + Math.max(s.numbers, s.points)) >= 0.6 && s.status < 0.2) {
    headerScore.set('progress', statusHeader * 0.9);
  }
  // A review column (`Review / Assess / Revise`, `Review and Action`) of what will be done rather than
  // dates or recurrences says what comes next: the plan.
  const deadlineHeader = headerScore.get('deadline');
  if (deadlineHeader !== undefined && REVIEW_WORD.test(leaf) && !headerScore.has('plan') && s.count > 0 && s.deadline < 0.3 && !recurrences(s) && s.avgLength >= 12) {
    headerScore.set('plan', deadlineHeader * 0.9);
  }
  // A lead column of people (initials, names) names the officer who owns the item, not a lead unit.
  const leadHeader = headerScore.get('lead');
  if (leadHeader !== undefined && s.count > 0 && s.person >= 0.6 && s.unit < 0.3) {
    headerScore.delete('lead');
    headerScore.set('owner', Math.max(headerScore.get('owner') ?? 0, leadHeader));
  }
  // `Action` over `Clerk`, `Cllr Stanley + Clerk`: who takes the action, as in "action by".
  const taskHeader = headerScore.get('task');
  if (taskHeader !== undefined && s.count > 0 && s.person >= 0.6 && s.avgLength <= 30) {
    headerScore.delete('task');
    headerScore.set('owner', Math.max(headerScore.get('owner') ?? 0, taskHeader * 0.9));
  }
  const content = contentScores(s, e.minRowsPerValue);
  const roles = new Set<Role>([...headerScore.keys(), ...content.keys()]);
  // One or two cells contradict a header weakly: a column barely filled in yet is named by its header.
  const sample = Math.min(1, s.sampled / 4);
  for (const r of roles) {
    const h = (headerScore.get(r) ?? 0) * (1 - (1 - compatibility(r, s, e.nodeHeaderElsewhere)) * sample);
    const c = (r === 'node' && e.nodeHeaderElsewhere ? 0 : (content.get(r) ?? 0)) * 0.9;
    scores.set(r, Math.max(h, c, 0.6 * h + 0.4 * (content.get(r) ?? 0) + 0.1 * Math.min(h, content.get(r) ?? 0)));
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [bestRole, best] = ranked[0] ?? [null, 0];
  const second = ranked[1]?.[1] ?? 0;

  if (s.count === 0) {
    // The text of the column to the left spills over this one (主要任务 merged over 全年目标任务 on every row).
    if (e.coveredFromLeft) return { role: null, confidence: 0.9, why: `${t(lang, 'why.header', { word: headerText })}; ${t(lang, 'why.merged-from-left')}`, scores };
    if (leaf !== '' && bestRole && (headerScore.get(bestRole) ?? 0) > 0) {
      return { role: bestRole, confidence: Math.min(0.9, headerScore.get(bestRole) ?? 0), why: `${t(lang, 'why.header', { word: headerText })}; ${t(lang, 'why.empty')}`, scores, evidence: 'empty' };
    }
    return { role: null, confidence: 1, why: leaf === '' ? t(lang, 'why.empty') : `${t(lang, 'why.header', { word: headerText })}; ${t(lang, 'why.empty')}`, scores };
  }
  if (!bestRole || best < 0.3) {
    const known = isKnownWithoutRole(leaf);
    const why = known
      ? `${t(lang, 'why.header', { word: headerText })}; ${t(lang, 'why.known-no-role')}`
      : leaf === ''
        ? t(lang, 'why.no-header')
        : t(lang, 'why.header', { word: headerText });
    return { role: null, confidence: known ? 0.9 : 0.4, why, scores };
  }
  const margin = best - second;
  const confidence = Math.max(0, Math.min(1, best * (margin >= 0.3 ? 1 : 0.7 + margin)));
  const parts: string[] = [];
  const hs = headerScore.get(bestRole);
  if (hs !== undefined) parts.push(t(lang, e.spanned ? 'why.header-group' : 'why.header', { word: headerText }));
  else if (leaf === '') parts.push(t(lang, 'why.no-header'));
  else {
    const overruled = matches[0];
    parts.push(t(lang, e.spanned ? 'why.header-group' : 'why.header', { word: headerText }));
    if (overruled) parts.push(t(lang, 'why.overruled', { word: leaf }));
  }
  pushAll(parts, contentWhy(lang, bestRole, s));
  const matched = matches.find((m) => m.role === bestRole);
  const said = (content.get(bestRole) ?? 0) >= 0.5;
  const evidence: Evidence =
    hs === undefined || !matched || hs < (content.get(bestRole) ?? 0) * 0.9
      ? 'content'
      : said
        ? 'confirmed'
        : e.spanned || headerWeight < 1
          ? 'group'
          : matched.score >= 1
            ? 'exact'
            : 'keyword';
  return { role: bestRole, confidence: Number(pct(confidence)), why: parts.join('; '), scores, evidence };
}

/** Words naming who gives a score: the school's own (自评, 自查, self) or the assessor's (考核, 审核, 复核). */
const ASSESSOR = /自评|自查|考核|考评|审核|复核|评审|核定|self|assess/i;

/** Roles a table has at most once; a second claimant falls back to its next best role. */
export const SINGLE_ROLES: ReadonlySet<Role> = new Set(['seq', 'task', 'row_kind', 'weight', 'score', 'status', 'done_on']);

export function resolveConflicts(decisions: RoleDecision[], lang: Lang): void {
  for (const role of SINGLE_ROLES) {
    const claim = decisions.map((d, i) => ({ d, i })).filter((x) => x.d.role === role);
    if (claim.length < 2) continue;
    // A column per period (第1季 … 第4季 of risk levels, Q1 … Q4 of statuses) repeats one role by design.
    if (claim.every((x) => x.d.period)) continue;
    // So do the scores of different assessors, each under its own group (学校自评 / 考核委员评鑑 得分).
    if (role === 'score' && claim.every((x) => x.d.group !== undefined) && new Set(claim.map((x) => x.d.group)).size === claim.length) continue;
    // Or each named for its assessor side by side (自评分 | 考核分): headers, not contents, say so.
    if (role === 'score' && claim.every((x) => x.d.label && ASSESSOR.test(x.d.label) && x.d.evidence !== 'content' && x.d.evidence !== 'joint') && new Set(claim.map((x) => x.d.label)).size === claim.length) continue;
    claim.sort((a, b) => (b.d.scores.get(role) ?? 0) - (a.d.scores.get(role) ?? 0) || a.i - b.i);
    for (const { d } of claim.slice(1)) {
      const next = [...d.scores.entries()]
        .filter(([r, v]) => r !== role && v >= 0.3 && !(SINGLE_ROLES.has(r) && decisions.some((o) => o.role === r)))
        .sort((a, b) => b[1] - a[1])[0];
      d.role = next ? next[0] : null;
      d.confidence = next ? Number(pct(next[1] * 0.8)) : 0.4;
      d.evidence = 'joint';
      d.why = `${d.why}; ${t(lang, 'why.overruled', { word: t(lang, `role.${role}`) })}`;
    }
  }
}
