/**
 * What the workbench's workbook view shows: an ExcelJS workbook → the rows, cells, merges, widths and
 * looks to render, as plain data (no DOM), so that it can be tested on its own.
 *
 * The browser cannot evaluate the formulas the add-in writes (conditional formats over status and due
 * cells, score formulas), so those are shown from the core instead (`computeOverlay`): each row of a
 * highlight range takes the colour of the state the core gives its node as of the plan's date, and
 * each score cell the score the core gives its task. The LibreOffice tests check that Excel's
 * recalculation agrees with the core, which is what makes this a faithful preview.
 */
import type ExcelJS from 'exceljs';
import { cellAddress, columnLetters, MergeIndex, parseCell, parseRange, sheetCellAddress, type Grid, type RangeRef } from '../core/grid';
import { t, type Lang } from '../core/i18n';
import type { EditPlan, Journal } from '../core/plan';
import { checkWorkbook, type FileReport, type NodeReport, type TaskReport } from '../core/report';
import { nodeBasis } from '../core/scoring';
import { DEFAULT_POLICY } from '../core/settings/scoring-policy';
import { LIGHT_LOOK, LIGHT_PRIORITY } from '../core/plan/lights';
import type { Light } from '../core/settings/lights-policy';
import { displayText, formatNumberCode, inputText } from './format';
import { maxOf } from '../core/arrays';

/** The colours the plan's conditional formats give, in their priority order. */
export type CfState = 'done' | 'overdue' | 'due_soon';
export const CF_LOOK: Record<CfState, { fill: string; font: string }> = {
  done: { fill: '#C6EFCE', font: '#006100' },
  overdue: { fill: '#FFC7CE', font: '#9C0006' },
  due_soon: { fill: '#FFEB9C', font: '#9C5700' },
};

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

const key = (sheet: string, a1: string) => `${sheet}\u0000${a1}`;

export interface OverlayInput {
  /** The journal of the applied plan (null: nothing applied, no overlay). */
  journal: Journal | null;
  /** The sheets as the user keeps them (what the host's read() gives), the core's input. */
  grids: readonly Grid[];
  file: string;
  /** Today (ISO), for a plan that follows TODAY(). */
  today: string;
}

function planLang(journal: Journal): Lang {
  return journal.settings?.lang ?? 'zh-CN';
}

/** The core's reading of an applied workbook, as the view needs it; null when nothing is applied. */
export function computeOverlay(input: OverlayInput): Overlay | null {
  const { journal } = input;
  if (!journal) return null;
  const plan: EditPlan = journal.plan;
  const asOf = plan.asOf ?? input.today;
  const lang = planLang(journal);
  const policy = journal.settings?.policy ?? DEFAULT_POLICY;
  const mapping = journal.settings?.mapping;
  const lights = journal.settings?.lights;
  const report: FileReport = checkWorkbook(input.file, input.grids, { lang, asOf, policy, ...(mapping ? { mapping } : {}), ...(lights ? { lights } : {}) });

  const nodeStates = new Map<string, Map<number, CfState>>();
  report.sheets.forEach((s) => {
    const m = nodeStates.get(s.name) ?? new Map<number, CfState>();
    for (const table of s.tables) for (const task of table.tasks) for (const n of task.nodes) {
      const st = cfStateOf(n.state);
      if (st) m.set(n.row, st);
    }
    nodeStates.set(s.name, m);
  });

  const rowStates = new Map<string, Map<number, CfState>>();
  const ranges = new Map<string, RangeRef[]>();
  const counts: Record<CfState, number> = { done: 0, overdue: 0, due_soon: 0 };
  for (const e of plan.edits) {
    // The lights' formats colour by the node's light, not its state (below).
    if (e.kind !== 'highlight' || e.priority >= LIGHT_PRIORITY) continue;
    const r = parseRange(e.range);
    const list = ranges.get(e.sheet) ?? [];
    // A table's three highlights share one range; one entry is enough.
    if (!list.some((x) => x.top === r.top && x.left === r.left && x.bottom === r.bottom && x.right === r.right)) list.push(r);
    ranges.set(e.sheet, list);
  }
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

  const computed = new Map<string, { text: string; kind: ComputedKind }>();
  const summary = plan.edits.find((e) => e.kind === 'sheet')?.sheet;
  const cellEdits = plan.edits.filter((e): e is Extract<EditPlan['edits'][number], { kind: 'cell' }> => e.kind === 'cell');

  // Task scores: the one formula the plan writes on a table's sheet, on the task's first row.
  report.sheets.forEach((s) => {
    const byRow = new Map<number, number | null>();
    for (const table of s.tables) for (const task of table.tasks) if (task.score) byRow.set(task.rows[0], task.score.earned);
    for (const e of cellEdits) {
      if (e.sheet !== s.name || e.formula === undefined) continue;
      const earned = byRow.get(parseCell(e.cell).row);
      // A task with nothing decided shows no points: its formula gives empty text.
      if (earned !== undefined) computed.set(key(e.sheet, e.cell), { text: earned === null ? '' : formatNumberCode(earned, e.numFmt), kind: 'score' });
    }
  });

  if (summary) {
    const at = new Map(cellEdits.filter((e) => e.sheet === summary).map((e) => [e.cell, e]));
    const valueAt = (cell: string) => {
      const v = at.get(cell)?.value;
      return typeof v === 'string' ? v : undefined;
    };
    for (const e of at.values()) {
      if (e.formula === 'TODAY()') computed.set(key(summary, e.cell), { text: formatNumberCode(isoToSerial(asOf), e.numFmt ?? 'yyyy-mm-dd'), kind: 'as-of' });
    }
    // The task list: each row's score cell reads a task's score cell (`Sheet1!$M$5`); the row shows
    // that task's score and its nodes decided / open / unscorable as the core counts them.
    const tasksByCell = new Map<string, { sheet: string; task: TaskReport }>();
    for (const s of report.sheets) for (const table of s.tables) for (const task of table.tasks) tasksByCell.set(`${s.name}\u0000${task.rows[0]}`, { sheet: s.name, task });
    for (const e of at.values()) {
      const m = /^O(\d+)$/.exec(e.cell);
      const ref = e.formula !== undefined && m ? /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)$/.exec(e.formula) : null;
      if (!m || !ref) continue;
      const sheet = ref[1] !== undefined ? ref[1].replace(/''/g, "'") : (ref[2] as string);
      const found = tasksByCell.get(`${sheet}\u0000${ref[4]}`);
      if (!found) continue;
      const copied = computed.get(key(sheet, `${ref[3]}${ref[4]}`));
      if (copied) computed.set(key(summary, e.cell), { text: copied.text, kind: 'score' });
      const count = (b: string) => String(found.task.nodes.filter((n) => n.state !== undefined && nodeBasis(n.state) === b).length);
      const row = m[1] as string;
      computed.set(key(summary, `P${row}`), { text: count('decided'), kind: 'score' });
      computed.set(key(summary, `Q${row}`), { text: count('open'), kind: 'score' });
      computed.set(key(summary, `R${row}`), { text: count('unscorable'), kind: 'score' });
      if (at.get(`S${row}`)?.formula !== undefined) {
        computed.set(key(summary, `S${row}`), { text: found.task.nodes.some((n) => n.state === 'overdue') ? '1' : '0', kind: 'score' });
      }
    }
    // The summary lists each table's categories, then its total, titled by the table: the same order
    // the core reports them in, so the n-th total of a title is the n-th table of that title.
    const tables = report.sheets.flatMap((s) => s.tables.map((table) => ({ title: table.title ?? `${s.name}!${table.range}`, table })));
    const seen = new Map<string, number>();
    const scoreRows = [...at.values()]
      .filter((e) => e.formula !== undefined && /^D\d+$/.test(e.cell))
      .sort((a, b) => parseCell(a.cell).row - parseCell(b.cell).row);
    for (const e of scoreRows) {
      const row = parseCell(e.cell).row;
      const title = valueAt(`A${row}`);
      const label = valueAt(`B${row}`);
      if (title === undefined || label === undefined) continue;
      const n = seen.get(title) ?? 0;
      const table = tables.filter((x) => x.title === title)[n]?.table;
      if (!table) continue;
      let earned: number | null | undefined;
      // Nothing decided: a category shows empty text and the total the reason, as their formulas do.
      let none = '';
      if (label === t(lang, 'plan.total')) {
        earned = table.score?.earned;
        if (table.noScore) none = t(lang, `score.none.${table.noScore}`);
        seen.set(title, n + 1);
      } else {
        earned = table.categories.find((c) => c.path.join(' / ') === label)?.score?.earned;
      }
      if (earned !== undefined) computed.set(key(summary, e.cell), { text: earned === null ? none : formatNumberCode(earned, e.numFmt), kind: 'total' });
    }
  }
  const lightCells = lightsOverlay(plan, report, computed);
  return { asOf, rowStates, ranges, computed, counts, lightCells };
}

/**
 * The lights as the core computes them: the colour of each progress and light cell the light formats
 * cover, and the values of the elapsed, progress-read and light formulas (the light column is the one
 * of a light format's columns that holds the plan's formulas; elapsed and progress read are the two
 * before it).
 */
function lightsOverlay(plan: EditPlan, report: FileReport, computed: Map<string, { text: string; kind: ComputedKind }>): Map<string, Light> {
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
      if (n?.light) out.set(key(e.sheet, `${columnLetters(r.left)}${row}`), n.light);
      if (!isLightCol || !n) continue;
      const light = n.light ? t(planLangOf(plan), `light.${n.light}`) : '';
      computed.set(key(e.sheet, `${columnLetters(r.left)}${row}`), { text: light, kind: 'score' });
      computed.set(key(e.sheet, `${columnLetters(r.left - 1)}${row}`), { text: pct(n.progress), kind: 'score' });
      // A node without a due date has no elapsed share (its formula gives empty text).
      computed.set(key(e.sheet, `${columnLetters(r.left - 2)}${row}`), { text: pct(n.elapsed), kind: 'score' });
    }
  }
  return out;
}

/** The plan's language, from the labels it wrote (the light words are in it). */
function planLangOf(plan: EditPlan): Lang {
  return plan.edits.some((e) => e.kind === 'cell' && e.value === t('en-US', 'plan.light')) ? 'en-US' : 'zh-CN';
}

function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

// ---- The sheet view ----

export interface Borders {
  right?: string;
  bottom?: string;
}

export interface CellLook {
  background?: string;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  /** Font size in points, when not the default 11. */
  sizePt?: number;
  wrap: boolean;
  hAlign: 'left' | 'center' | 'right' | 'justify';
  vAlign: 'top' | 'middle' | 'bottom';
  indent?: number;
  borders: Borders;
}

export interface CellView {
  row: number;
  col: number;
  /** `G42` */
  a1: string;
  /** `Sheet1!G42`, quoted as Excel writes sheet names. */
  ref: string;
  text: string;
  /** What the formula bar shows. */
  input: string;
  rowSpan: number;
  colSpan: number;
  look: CellLook;
  state?: CfState;
  /** The 序时进度 light the cell shows. */
  light?: Light;
  computed?: ComputedKind;
  /**
   * Width (px) of the empty cells to the right that this cell's text may run over, as Excel lets
   * unwrapped left-aligned text do; 0 or absent: the text is clipped at the cell's edge.
   */
  spillPx?: number;
}

export interface RowView {
  row: number;
  /** Explicit height in px; undefined: as tall as its text (Excel auto-fits such rows). */
  heightPx?: number;
  cells: CellView[];
}

export interface ColumnView {
  col: number;
  letter: string;
  widthPx: number;
}

export interface SheetView {
  name: string;
  columns: ColumnView[];
  rows: RowView[];
  /** Extent of the sheet's content, before padding and limits. */
  usedRows: number;
  usedCols: number;
  truncated: boolean;
  gridlines: boolean;
}

export interface TabView {
  name: string;
  /** Tab colour (#RRGGBB) when the sheet has one. */
  color?: string;
}

export interface ViewLimits {
  maxRows: number;
  maxCols: number;
  /** Empty rows and columns shown around the content, as Excel does. */
  minRows: number;
  minCols: number;
}

export const DEFAULT_LIMITS: ViewLimits = { maxRows: 2000, maxCols: 80, minRows: 40, minCols: 16 };

/** Visible sheets, in order: hidden and very hidden sheets get no tab. */
export function tabsOf(wb: ExcelJS.Workbook): TabView[] {
  return wb.worksheets
    .filter((ws) => (ws.state ?? 'visible') === 'visible')
    .map((ws) => {
      const argb = (ws.properties as { tabColor?: { argb?: string } } | undefined)?.tabColor?.argb;
      return argb ? { name: ws.name, color: `#${argb.slice(-6)}` } : { name: ws.name };
    });
}

/** Excel's default 2013+ theme, in the order cells index it (light 1 and dark 1 come first). */
const THEME = ['FFFFFF', '000000', 'E7E6E6', '44546A', '4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];
/** The legacy indexed palette (indexes 0–63); 64 is the system foreground. */
const INDEXED = [
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
  '800000', '008000', '000080', '808000', '800080', '008080', 'C0C0C0', '808080',
  '9999FF', '993366', 'FFFFCC', 'CCFFFF', '660066', 'FF8080', '0066CC', 'CCCCFF',
  '000080', 'FF00FF', 'FFFF00', '00FFFF', '800080', '800000', '008080', '0000FF',
  '00CCFF', 'CCFFFF', 'CCFFCC', 'FFFF99', '99CCFF', 'FF99CC', 'CC99FF', 'FFCC99',
  '3366FF', '33CCCC', '99CC00', 'FFCC00', 'FF9900', 'FF6600', '666699', '969696',
  '003366', '339966', '003300', '333300', '993300', '993366', '333399', '333333',
];

export type Color = Partial<ExcelJS.Color> & { indexed?: number; tint?: number };

export function cssColor(c: Color | undefined): string | undefined {
  if (!c) return undefined;
  let hex: string | undefined;
  if (typeof c.argb === 'string' && /^[0-9A-Fa-f]{6,8}$/.test(c.argb)) hex = c.argb.slice(-6);
  else if (typeof c.theme === 'number') hex = THEME[c.theme];
  else if (typeof c.indexed === 'number') hex = c.indexed === 64 ? '000000' : INDEXED[c.indexed];
  if (!hex) return undefined;
  const tint = c.tint ?? 0;
  if (tint !== 0) {
    const ch = [0, 2, 4].map((i) => parseInt(hex!.slice(i, i + 2), 16));
    // Excel tints in HSL; scaling each channel towards white or black is close enough to read.
    const mixed = ch.map((v) => Math.round(tint < 0 ? v * (1 + tint) : v + (255 - v) * tint));
    hex = mixed.map((v) => v.toString(16).padStart(2, '0')).join('');
  }
  return `#${hex.toUpperCase()}`;
}

const BORDER_CSS: Record<string, string> = {
  thin: '1px solid',
  hair: '1px dotted',
  dotted: '1px dotted',
  dashed: '1px dashed',
  dashDot: '1px dashed',
  dashDotDot: '1px dashed',
  medium: '2px solid',
  mediumDashed: '2px dashed',
  mediumDashDot: '2px dashed',
  mediumDashDotDot: '2px dashed',
  slantDashDot: '2px dashed',
  thick: '3px solid',
  double: '3px double',
};

function borderCss(b: Partial<ExcelJS.Border> | undefined): string | undefined {
  if (!b || !b.style) return undefined;
  const css = BORDER_CSS[b.style];
  return css ? `${css} ${cssColor(b.color as Color) ?? '#000000'}` : undefined;
}

/** Excel's column width unit (characters of the default font) → pixels, as Excel converts it at 96 dpi. */
export function columnWidthPx(width: number | undefined): number {
  const w = width ?? 8.43;
  return Math.max(0, Math.round(w * 7 + 5));
}

function fillColor(fill: ExcelJS.Fill | undefined): string | undefined {
  if (!fill || fill.type !== 'pattern' || fill.pattern === 'none') return undefined;
  return cssColor((fill.fgColor ?? fill.bgColor) as Color);
}

function lookOf(cell: ExcelJS.Cell, value: ExcelJS.CellValue | undefined): Omit<CellLook, 'borders'> {
  const font = cell.font ?? {};
  const al = cell.alignment ?? {};
  const result = value && typeof value === 'object' && 'formula' in value ? (value as ExcelJS.CellFormulaValue).result : value;
  // Excel's General alignment: numbers and dates right, booleans and errors centred, text left.
  const general: CellLook['hAlign'] =
    typeof result === 'number' || result instanceof Date ? 'right' : typeof result === 'boolean' || (result && typeof result === 'object' && 'error' in result) ? 'center' : 'left';
  const h = al.horizontal;
  const hAlign: CellLook['hAlign'] = h === 'center' || h === 'centerContinuous' ? 'center' : h === 'right' ? 'right' : h === 'justify' || h === 'distributed' ? 'justify' : h === 'left' || h === 'fill' ? 'left' : general;
  const v = al.vertical;
  const vAlign: CellLook['vAlign'] = v === 'top' ? 'top' : v === 'middle' || v === 'distributed' || v === 'justify' ? 'middle' : 'bottom';
  const look: Omit<CellLook, 'borders'> = { wrap: Boolean(al.wrapText), hAlign, vAlign };
  const bg = fillColor(cell.fill);
  if (bg) look.background = bg;
  const color = cssColor(font.color as Color);
  // Theme colour 1 (dark 1) is the default text colour: leave it to the page.
  if (color && color !== '#000000') look.color = color;
  if (font.bold) look.bold = true;
  if (font.italic) look.italic = true;
  if (font.underline) look.underline = true;
  if (font.strike) look.strike = true;
  if (font.size && font.size !== 11) look.sizePt = font.size;
  if (al.indent) look.indent = al.indent;
  return look;
}

interface WorksheetInternals {
  _merges?: Record<string, { model?: RangeRef; range?: string }>;
}

function mergesOf(ws: ExcelJS.Worksheet): RangeRef[] {
  const index = (ws as unknown as WorksheetInternals)._merges;
  if (index) return Object.values(index).map((m) => m.model ?? parseRange(String(m.range)));
  return ws.model.merges.map((r) => parseRange(r));
}

/** Rows and columns the sheet's content reaches (values, styles that show, merges). */
function extentOf(ws: ExcelJS.Worksheet, merges: RangeRef[], overlay: Overlay | null): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.value === null || cell.value === undefined) {
        if (!fillColor(cell.fill) && !cell.border?.top && !cell.border?.bottom && !cell.border?.left && !cell.border?.right) return;
      }
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    });
  });
  for (const m of merges) {
    rows = Math.max(rows, m.bottom);
    cols = Math.max(cols, m.right);
  }
  for (const r of overlay?.ranges.get(ws.name) ?? []) {
    rows = Math.max(rows, r.bottom);
    cols = Math.max(cols, r.right);
  }
  return { rows, cols };
}

/** The view of one sheet: what to render, with merges, looks and the core's colours and values. */
export function sheetView(wb: ExcelJS.Workbook, name: string, overlay: Overlay | null, limits: ViewLimits = DEFAULT_LIMITS): SheetView | null {
  const ws = wb.getWorksheet(name);
  if (!ws) return null;
  const merges = mergesOf(ws);
  const mergeIndex = new MergeIndex({ merges, colCount: maxOf(merges.map((m) => m.right), 0) });
  const used = extentOf(ws, merges, overlay);
  const lastRow = Math.min(Math.max(used.rows + 10, limits.minRows), limits.maxRows);
  const lastCol = Math.min(Math.max(used.cols + 3, limits.minCols), limits.maxCols);
  const truncated = used.rows > limits.maxRows || used.cols > limits.maxCols;

  const hiddenCol = (c: number) => Boolean(ws.getColumn(c).hidden);
  const hiddenRow = (r: number) => Boolean(ws.findRow(r)?.hidden);
  const columns: ColumnView[] = [];
  for (let c = 1; c <= lastCol; c++) {
    if (hiddenCol(c)) continue;
    columns.push({ col: c, letter: columnLetters(c), widthPx: columnWidthPx(ws.getColumn(c).width) });
  }

  const states = overlay?.rowStates.get(name);
  const ranges = overlay?.ranges.get(name) ?? [];
  const stateAt = (row: number, col: number): CfState | undefined => {
    const st = states?.get(row);
    return st && ranges.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) ? st : undefined;
  };

  // A border belongs to the edge between two cells: a cell draws its right and bottom edges, taking
  // its own border there or its neighbour's facing one (the row and column headers draw the outer).
  const ownBorder = (row: number, col: number, side: 'top' | 'left' | 'bottom' | 'right'): string | undefined => {
    const m = mergeIndex.at(row, col);
    const r = m ? m.top : row;
    const c = m ? m.left : col;
    if (m) {
      const onEdge = side === 'top' ? row === m.top : side === 'bottom' ? row === m.bottom : side === 'left' ? col === m.left : col === m.right;
      if (!onEdge) return undefined;
    }
    const cell = ws.findCell(r, c);
    return borderCss(cell?.border?.[side]);
  };

  const rows: RowView[] = [];
  for (let r = 1; r <= lastRow; r++) {
    if (hiddenRow(r)) continue;
    const rowObj = ws.findRow(r);
    const cells: CellView[] = [];
    for (const { col: c } of columns) {
      const m = mergeIndex.at(r, c);
      if (m && (m.top !== r || m.left !== c)) {
        // Covered by a merge. When the merge's top-left is hidden, the first visible cell stands in.
        const masterHidden = hiddenRow(m.top) || hiddenCol(m.left);
        if (!masterHidden) continue;
        const firstRow = nextVisible(m.top, m.bottom, hiddenRow);
        const firstCol = nextVisible(m.left, m.right, hiddenCol);
        if (r !== firstRow || c !== firstCol) continue;
      }
      const area = m ?? { top: r, left: c, bottom: r, right: c };
      const cell = ws.findCell(area.top, area.left);
      const value = cell?.value ?? undefined;
      const numFmt = cell?.numFmt;
      // ExcelJS translates a shared formula for each cell it covers.
      const formula = cell?.formula || undefined;
      const a1 = cellAddress(area.top, area.left);
      const look: CellLook = {
        ...(cell ? lookOf(cell, value) : { wrap: false, hAlign: 'left' as const, vAlign: 'bottom' as const }),
        borders: {},
      };
      const right = ownBorder(area.top, area.right, 'right') ?? ownBorder(area.top, area.right + 1, 'left');
      const bottom = ownBorder(area.bottom, area.left, 'bottom') ?? ownBorder(area.bottom + 1, area.left, 'top');
      if (right) look.borders.right = right;
      if (bottom) look.borders.bottom = bottom;
      const view: CellView = {
        // Where the cell is drawn: the merge's top-left, or its first visible cell when that is hidden.
        row: r,
        col: c,
        a1,
        ref: sheetCellAddress(name, area.top, area.left),
        text: displayText(value, numFmt),
        input: inputText(value, formula, numFmt),
        rowSpan: countVisible(Math.max(area.top, r), area.bottom, hiddenRow),
        colSpan: countVisible(Math.max(area.left, c), area.right, hiddenCol),
        look,
      };
      if (formula) {
        const computed = overlay?.computed.get(key(name, a1));
        if (computed) {
          view.text = computed.text;
          view.computed = computed.kind;
        } else if (value && typeof value === 'object' && (value as ExcelJS.CellFormulaValue).result === undefined) {
          // No cached result and nothing the core knows: the formula itself is the honest display.
          view.text = view.input;
        }
      }
      const st = stateAt(area.top, area.left);
      if (st) {
        view.state = st;
        look.background = CF_LOOK[st].fill;
        look.color = CF_LOOK[st].font;
      }
      const light = overlay?.lightCells?.get(key(name, cellAddress(area.top, area.left)));
      if (light) {
        view.light = light;
        look.background = `#${LIGHT_LOOK[light].fill}`;
        look.color = `#${LIGHT_LOOK[light].font}`;
      }
      cells.push(view);
    }
    spill(cells, columns);
    const row: RowView = { row: r, cells };
    if (rowObj?.height) row.heightPx = Math.round((rowObj.height * 4) / 3);
    rows.push(row);
  }
  const showGrid = (ws.views?.[0] as { showGridLines?: boolean } | undefined)?.showGridLines;
  return { name, columns, rows, usedRows: used.rows, usedCols: used.cols, truncated, gridlines: showGrid !== false };
}

/** Unwrapped left-aligned text runs over the empty cells to its right, up to the first that holds something. */
function spill(cells: CellView[], columns: ColumnView[]): void {
  const index = new Map(columns.map((c, i) => [c.col, i]));
  cells.forEach((c, i) => {
    if (c.text === '' || c.look.wrap || c.look.hAlign !== 'left' || c.colSpan > 1 || c.rowSpan > 1) return;
    let px = 0;
    let at = index.get(c.col) ?? -1;
    for (let j = i + 1; j < cells.length; j++) {
      const n = cells[j] as CellView;
      // A merge from a row above leaves a gap in this row's cells: the text stops there.
      if (index.get(n.col) !== at + 1 || n.text !== '' || n.colSpan > 1 || n.rowSpan > 1) break;
      at++;
      px += columns[at]?.widthPx ?? 0;
    }
    if (px > 0) c.spillPx = px;
  });
}

function nextVisible(from: number, to: number, hidden: (i: number) => boolean): number {
  for (let i = from; i <= to; i++) if (!hidden(i)) return i;
  return from;
}

function countVisible(from: number, to: number, hidden: (i: number) => boolean): number {
  let n = 0;
  for (let i = from; i <= to; i++) if (!hidden(i)) n++;
  return Math.max(n, 1);
}

/** Where a sheet-qualified address points (`Sheet1!G42`, `'My Sheet'!A1`). */
export function splitAddress(address: string): { sheet: string | null; cell: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: null, cell: address.replace(/\$/g, '') };
  const raw = address.slice(0, bang);
  const sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  return { sheet, cell: address.slice(bang + 1).replace(/\$/g, '') };
}

/** The cell the view shows for an address: the merge that covers it is shown by its top-left cell. */
export function displayedCellOf(wb: ExcelJS.Workbook, sheet: string, a1: string): { row: number; col: number } | null {
  const ws = wb.getWorksheet(sheet);
  if (!ws) return null;
  let ref: { row: number; col: number };
  try {
    const first = a1.split(':')[0] ?? a1;
    ref = parseCell(first);
  } catch {
    return null;
  }
  const m = mergesOf(ws).find((x) => ref.row >= x.top && ref.row <= x.bottom && ref.col >= x.left && ref.col <= x.right);
  if (!m) return ref;
  // A merge whose top-left is hidden is drawn at its first visible cell (see sheetView).
  const hiddenRow = (r: number) => Boolean(ws.findRow(r)?.hidden);
  const hiddenCol = (c: number) => Boolean(ws.getColumn(c).hidden);
  if (!hiddenRow(m.top) && !hiddenCol(m.left)) return { row: m.top, col: m.left };
  return { row: nextVisible(m.top, m.bottom, hiddenRow), col: nextVisible(m.left, m.right, hiddenCol) };
}

/** The drawn cell that covers (row, col): the cell itself, or the merge it lies in. */
export function cellCovering(view: SheetView, row: number, col: number): CellView | undefined {
  // Spans count the visible rows and columns only, so coverage is reckoned in view positions.
  const rowAt = new Map(view.rows.map((r, i) => [r.row, i]));
  const colAt = new Map(view.columns.map((c, i) => [c.col, i]));
  const ri = rowAt.get(row);
  const ci = colAt.get(col);
  if (ri === undefined || ci === undefined) return undefined;
  for (let i = ri; i >= 0; i--) {
    for (const c of view.rows[i]?.cells ?? []) {
      const cc = colAt.get(c.col) ?? -1;
      if (cc <= ci && ci < cc + c.colSpan && i + c.rowSpan > ri) return c;
    }
  }
  return undefined;
}

export type Step = 'up' | 'down' | 'left' | 'right' | 'home';

/** Where an arrow key takes the selection from `from`, as Excel moves it (out of a merge, by its edge). */
export function stepFrom(view: SheetView, from: CellView, step: Step): CellView | undefined {
  const rows = view.rows.map((r) => r.row);
  const cols = view.columns.map((c) => c.col);
  if (step === 'home') return cellCovering(view, rows[0] ?? 1, cols[0] ?? 1);
  const ri = rows.indexOf(from.row);
  const ci = cols.indexOf(from.col);
  if (ri < 0 || ci < 0) return undefined;
  const target =
    step === 'down'
      ? [rows[ri + from.rowSpan], cols[ci]]
      : step === 'up'
        ? [rows[ri - 1], cols[ci]]
        : step === 'right'
          ? [rows[ri], cols[ci + from.colSpan]]
          : [rows[ri], cols[ci - 1]];
  const [r, c] = target;
  return r === undefined || c === undefined ? undefined : cellCovering(view, r, c);
}
