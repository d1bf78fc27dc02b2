/**
 * What the workbench shows for the cells the browser cannot evaluate: the plan's conditional formats
 * (status and due colours) and its formula cells (scores, node counts, the as-of date). Each is a
 * lookup of the core's report by what the plan says the cell computes (`computes` on its cell edits)
 * or by the rows its highlights cover. The LibreOffice tests check that Excel's recalculation agrees
 * with the core, which is what makes this a faithful preview.
 */
import { isoToSerial } from '../core/dates';
import { columnLetters, formatNumberCode, parseRange, type Grid, type RangeRef } from '../core/grid';
import { t, type Lang } from '../core/i18n';
import { STATE_LOOK, type Computes, type Edit, type Journal, type Look } from '../core/plan';
import { type FileReport, type NodeReport, type TableReport, type TaskReport } from '../core/contract';
import { checkWorkbook } from '../core/check';
import { nodeBasis } from '../core/scoring';
import { DEFAULT_POLICY } from '../core/settings/scoring-policy';
import { LIGHT_PRIORITY } from '../core/plan/lights';
import type { Light } from '../core/contract';

/** The colours the plan's conditional formats give, in their priority order. */
export type CfState = 'done' | 'overdue' | 'due_soon';
const css = (l: Look): Look => ({ fill: `#${l.fill}`, font: `#${l.font}` });
export const CF_LOOK: Record<CfState, Look> = { done: css(STATE_LOOK.done), overdue: css(STATE_LOOK.overdue), due_soon: css(STATE_LOOK.dueSoon) };

/** A node's state → the colour its row takes (done late is still done for the colours). */
export function cfStateOf(state: NodeReport['state']): CfState | undefined {
  if (state === 'done' || state === 'done_late') return 'done';
  if (state === 'overdue' || state === 'due_soon') return state;
  return undefined;
}

export type ComputedKind = 'score' | 'total' | 'as-of';

export interface Overlay {
  asOf: string;
  /** Sheet → row → state, for the rows inside the plan's highlight ranges. */
  rowStates: Map<string, Map<number, CfState>>;
  /** Sheet → the highlight ranges (their columns bound where the colours go). */
  ranges: Map<string, RangeRef[]>;
  /** `sheet\0A1` → what the core computes for that formula cell. */
  computed: Map<string, { text: string; kind: ComputedKind }>;
  /** Rows per state over the whole workbook. */
  counts: Record<CfState, number>;
  /** `sheet\0A1` → the 序时进度 light the core gives the cell's node, for the cells the light formats colour. */
  lightCells?: Map<string, Light>;
}

export const overlayKey = (sheet: string, a1: string) => `${sheet}\u0000${a1}`;

export interface OverlayInput {
  /** The journal of the applied plan, as the host gives it (null: nothing applied, no overlay). */
  journal: Journal | null;
  /** The sheets as the user keeps them (what the host's read() gives), the core's input. */
  grids: readonly Grid[];
  file: string;
  /** Today (ISO), for a plan that follows TODAY(). */
  today: string;
}

type CellEdit = Extract<Edit, { kind: 'cell' }>;

/** The report's tasks and tables by the names the plan's `computes` gives them. */
interface ReportIndex {
  tasks: Map<string, TaskReport>;
  tables: Map<string, TableReport>;
}

function indexReport(report: FileReport): ReportIndex {
  const tasks = new Map<string, TaskReport>();
  const tables = new Map<string, TableReport>();
  for (const s of report.sheets) {
    for (const table of s.tables) {
      tables.set(`${s.name}\u0000${table.range}`, table);
      for (const task of table.tasks) tasks.set(`${s.name}\u0000${task.rows[0]}`, task);
    }
  }
  return { tasks, tables };
}

const points = (earned: number | null | undefined, numFmt: string | undefined, none = ''): string | undefined =>
  earned === undefined ? undefined : earned === null ? none : formatNumberCode(earned, numFmt);

/** The text a formula cell shows, as the core computes it; undefined when the core does not know it. */
function computedText(c: Computes, e: CellEdit, at: ReportIndex, asOf: string, lang: Lang): { text: string; kind: ComputedKind } | undefined {
  if (c.what === 'as-of') return { text: formatNumberCode(isoToSerial(asOf), e.numFmt ?? 'yyyy-mm-dd'), kind: 'as-of' };
  if (c.what === 'task') {
    const task = at.tasks.get(`${c.sheet}\u0000${c.row}`);
    if (!task) return undefined;
    if (c.part === undefined) {
      // A task with nothing decided shows no points: its formula gives empty text.
      const text = points(task.score?.earned, e.numFmt);
      return text === undefined ? undefined : { text, kind: 'score' };
    }
    if (c.part === 'veto') return { text: task.nodes.some((n) => n.state === 'overdue') ? '1' : '0', kind: 'score' };
    const basis = c.part;
    return { text: String(task.nodes.filter((n) => n.state !== undefined && nodeBasis(n.state) === basis).length), kind: 'score' };
  }
  const table = at.tables.get(`${c.sheet}\u0000${c.table}`);
  if (!table) return undefined;
  if (c.what === 'total') {
    // Nothing decided: the total shows the reason, as its formula does.
    const text = points(table.score?.earned, e.numFmt, table.noScore ? t(lang, `score.none.${table.noScore}`) : '');
    return text === undefined ? undefined : { text, kind: 'total' };
  }
  const path = c.path.join('\u0000');
  const text = points(table.categories.find((x) => x.path.join('\u0000') === path)?.score?.earned, e.numFmt);
  return text === undefined ? undefined : { text, kind: 'total' };
}

/** The core's reading of an applied workbook, as the view needs it; null when nothing is applied. */
export function computeOverlay(input: OverlayInput): Overlay | null {
  const { journal } = input;
  if (!journal) return null;
  const plan = journal.plan;
  const asOf = plan.asOf ?? input.today;
  const lang: Lang = journal.settings?.lang ?? 'zh-CN';
  const policy = journal.settings?.policy ?? DEFAULT_POLICY;
  const mapping = journal.settings?.mapping;
  const lights = journal.settings?.lights;
  const report = checkWorkbook(input.file, input.grids, { lang, asOf, policy, ...(mapping ? { mapping } : {}), ...(lights ? { lights } : {}) });

  const nodeStates = new Map<string, Map<number, CfState>>();
  for (const s of report.sheets) {
    const m = nodeStates.get(s.name) ?? new Map<number, CfState>();
    for (const table of s.tables) for (const task of table.tasks) for (const n of task.nodes) {
      const st = cfStateOf(n.state);
      if (st) m.set(n.row, st);
    }
    nodeStates.set(s.name, m);
  }

  const ranges = new Map<string, RangeRef[]>();
  for (const e of plan.edits) {
    // The lights' formats colour by the node's light, not its state (lightsOverlay).
    if (e.kind !== 'highlight' || e.priority >= LIGHT_PRIORITY) continue;
    const r = parseRange(e.range);
    const list = ranges.get(e.sheet) ?? [];
    // A table's three highlights share one range; one entry is enough.
    if (!list.some((x) => x.top === r.top && x.left === r.left && x.bottom === r.bottom && x.right === r.right)) list.push(r);
    ranges.set(e.sheet, list);
  }
  const rowStates = new Map<string, Map<number, CfState>>();
  const counts: Record<CfState, number> = { done: 0, overdue: 0, due_soon: 0 };
  for (const [sheet, list] of ranges) {
    const states = nodeStates.get(sheet);
    const out = new Map<number, CfState>();
    for (const r of list) for (let row = r.top; row <= r.bottom; row++) {
      const st = states?.get(row);
      if (st && !out.has(row)) out.set(row, st);
    }
    for (const st of out.values()) counts[st]++;
    rowStates.set(sheet, out);
  }

  const index = indexReport(report);
  const computed = new Map<string, { text: string; kind: ComputedKind }>();
  for (const e of plan.edits) {
    if (e.kind !== 'cell' || !e.computes) continue;
    const c = computedText(e.computes, e, index, asOf, lang);
    if (c) computed.set(overlayKey(e.sheet, e.cell), c);
  }
  const lightCells = lightsOverlay(plan, report, computed, lang);
  return { asOf, rowStates, ranges, computed, counts, lightCells };
}

/**
 * The lights as the core computes them: the colour of each progress and light cell the light formats
 * cover, and the values of the elapsed, progress-read and light formulas (the light column is the one
 * of a light format's columns that holds the plan's formulas; elapsed and progress read are the two
 * before it).
 */
function lightsOverlay(plan: Journal['plan'], report: FileReport, computed: Map<string, { text: string; kind: ComputedKind }>, lang: Lang): Map<string, Light> {
  const out = new Map<string, Light>();
  const nodes = new Map<string, NodeReport>();
  for (const s of report.sheets) for (const table of s.tables) for (const task of table.tasks) for (const n of task.nodes) nodes.set(`${s.name}\u0000${n.row}`, n);
  const formulaCols = new Set(plan.edits.flatMap((e) => (e.kind === 'cell' && e.formula !== undefined ? [`${e.sheet}\u0000${e.cell.replace(/\d+/g, '')}`] : [])));
  const pct = (x: number | undefined) => (x === undefined ? '' : `${(x * 100).toFixed(1)}%`);
  for (const e of plan.edits) {
    if (e.kind !== 'highlight' || e.priority < LIGHT_PRIORITY) continue;
    const r = parseRange(e.range);
    const isLightCol = formulaCols.has(`${e.sheet}\u0000${columnLetters(r.left)}`);
    for (let row = r.top; row <= r.bottom; row++) {
      const n = nodes.get(`${e.sheet}\u0000${row}`);
      if (n?.light) out.set(overlayKey(e.sheet, `${columnLetters(r.left)}${row}`), n.light);
      if (!isLightCol || !n) continue;
      const light = n.light ? t(lang, `light.${n.light}`) : '';
      computed.set(overlayKey(e.sheet, `${columnLetters(r.left)}${row}`), { text: light, kind: 'score' });
      computed.set(overlayKey(e.sheet, `${columnLetters(r.left - 1)}${row}`), { text: pct(n.progress), kind: 'score' });
      // A node without a due date has no elapsed share (its formula gives empty text).
      computed.set(overlayKey(e.sheet, `${columnLetters(r.left - 2)}${row}`), { text: pct(n.elapsed), kind: 'score' });
    }
  }
  return out;
}
