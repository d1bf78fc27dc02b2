/**
 * What the workbench's grid draws for one sheet: an ExcelJS worksheet → the rows, cells, merges,
 * widths and looks to render, as plain data (no DOM), with the overlay's colours and computed values
 * laid over the cells the plan wrote.
 */
import type ExcelJS from 'exceljs';
import { cellAddress, columnLetters, MergeIndex, parseRange, sheetCellAddress, splitAddress, type RangeRef } from '../core/grid';
import { maxOf } from '../core/arrays';
import { displayText, inputText } from './format';
import { CF_LOOK, overlayKey, type CfState, type ComputedKind, type Overlay } from './overlay';
import { LIGHT_LOOK } from '../core/plan';
import type { Light } from '../core/contract';
import { markKey, type FindingMark } from './finding-marks';


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
  /** The last check's findings in this cell (or in any cell of its merge), for the corner mark. */
  finding?: FindingMark;
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

export function mergesOf(ws: ExcelJS.Worksheet): RangeRef[] {
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
export function sheetView(
  wb: ExcelJS.Workbook,
  name: string,
  overlay: Overlay | null,
  limits: ViewLimits = DEFAULT_LIMITS,
  /** This sheet's finding marks by `row,col` (./finding-marks). */
  marks?: ReadonlyMap<string, FindingMark>,
): SheetView | null {
  const ws = wb.getWorksheet(name);
  if (!ws) return null;
  const merges = mergesOf(ws);
  const mergeIndex = new MergeIndex({ merges, colCount: maxOf(merges.map((m) => m.right), 0) });
  const markAt = marksByShownCell(marks, mergeIndex);
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
        const computed = overlay?.computed.get(overlayKey(name, a1));
        if (computed) {
          view.text = computed.text;
          view.computed = computed.kind;
        } else if (value && typeof value === 'object' && (value as ExcelJS.CellFormulaValue).result === undefined) {
          // No cached result and nothing the core knows: the formula itself is the honest display.
          view.text = view.input;
        }
      }
      const mark = markAt.get(markKey(area.top, area.left));
      if (mark) view.finding = mark;
      const st = stateAt(area.top, area.left);
      if (st) {
        view.state = st;
        look.background = CF_LOOK[st].fill;
        look.color = CF_LOOK[st].font;
      }
      const light = overlay?.lightCells?.get(overlayKey(name, cellAddress(area.top, area.left)));
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

/** The marks by the cell that shows them: a finding in a merged cell marks the merge's top-left. */
function marksByShownCell(marks: ReadonlyMap<string, FindingMark> | undefined, mergeIndex: MergeIndex): Map<string, FindingMark> {
  const out = new Map<string, FindingMark>();
  if (!marks) return out;
  for (const [key, m] of marks) {
    const [row, col] = key.split(',').map(Number) as [number, number];
    const merge = mergeIndex.at(row, col);
    const at = merge ? markKey(merge.top, merge.left) : key;
    const had = out.get(at);
    if (!had) out.set(at, m);
    else {
      const first = had.severity === 'error' || (had.severity === 'warning' && m.severity !== 'error') ? had : m;
      const second = first === had ? m : had;
      out.set(at, { severity: first.severity, count: had.count + m.count, messages: [...first.messages, ...second.messages] });
    }
  }
  return out;
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

export function nextVisible(from: number, to: number, hidden: (i: number) => boolean): number {
  for (let i = from; i <= to; i++) if (!hidden(i)) return i;
  return from;
}

function countVisible(from: number, to: number, hidden: (i: number) => boolean): number {
  let n = 0;
  for (let i = from; i <= to; i++) if (!hidden(i)) n++;
  return Math.max(n, 1);
}

interface ValidationModel {
  type?: string;
  formulae?: unknown[];
}

/** A list validation's formula → its choices: a literal list (`"a,b,c"`) or a range of cells on a sheet. */
function listChoices(wb: ExcelJS.Workbook, sheet: string, formula: unknown): string[] | null {
  const f = String(formula ?? '').replace(/^=/, '');
  const literal = /^"(.*)"$/s.exec(f);
  if (literal) return (literal[1] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  const at = splitAddress(f);
  const ws = wb.getWorksheet(at.sheet ?? sheet);
  let r: RangeRef;
  try {
    r = parseRange(at.cell);
  } catch {
    return null;
  }
  if (!ws || (r.bottom - r.top + 1) * (r.right - r.left + 1) > 1000) return null;
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) {
    const cell = ws.findCell(row, col);
    const text = cell ? displayText(cell.value ?? undefined, cell.numFmt) : '';
    if (text !== '') out.push(text);
  }
  return out;
}

/**
 * The choices a cell's list validation offers (the status cells the plan adds, or the user's own),
 * for the grid's dropdown; null when the cell has no list validation.
 */
export function choicesAt(wb: ExcelJS.Workbook, sheet: string, row: number, col: number): string[] | null {
  const ws = wb.getWorksheet(sheet);
  if (!ws) return null;
  const model = (ws as unknown as { dataValidations?: { model?: Record<string, ValidationModel | undefined> } }).dataValidations?.model ?? {};
  let found = model[cellAddress(row, col)];
  if (!found) {
    // ExcelJS keeps a validation over a range under a range key (`range:A2:A9` or `A2:A9`).
    for (const [k, v] of Object.entries(model)) {
      if (!v || !k.includes(':')) continue;
      try {
        const r = parseRange(k.replace(/^range:/, '').split(/\s+/)[0] ?? '');
        if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) {
          found = v;
          break;
        }
      } catch {
        continue;
      }
    }
  }
  if (!found || found.type !== 'list') return null;
  return listChoices(wb, sheet, found.formulae?.[0]);
}
