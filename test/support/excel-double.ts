/**
 * An in-memory double of the Excel JavaScript API that keeps the rules of the real one: a property
 * read before it was loaded and synced throws; loads and writes are queued and run, in order, only
 * at `sync()`, so a loaded proxy shows the workbook as it was when its batch ran, not what was
 * written after. It counts `sync()` calls, the bytes each batch sends (writes) and brings back
 * (loads), and can give its state back as Grids, as an ExcelJS workbook, and as a `Comparable`
 * snapshot that an ExcelJS workbook gives too (`comparableWorkbook`). Only what the hosts use is here.
 *
 * It is as strict as Excel where the host could fail for real users, each rule with its source:
 * - an API level (`apiLevel`, the minor version of ExcelApi 1.x): a member above it fails the batch
 *   with `ApiNotFound` at sync, as an older Excel does; the member → set map is
 *   src/hosts/excel/api-sets.json, written from @types/office-js by scripts/write-office-api-sets.ts;
 * - 5 MB per request and per response (Excel on the web), and 5,000,000 cells per range read
 *   ("Resource limits and performance optimization for Office Add-ins", Excel add-ins section:
 *   https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins);
 * - `getMergedAreasOrNullObject` fails over 512 merged areas (its reference page: "if the merged
 *   areas count in this range is more than 512, then this method will fail to return the result");
 * - `getRowProperties`/`getColumnProperties` return only the keys asked for in their load options
 *   (`rowIndex`, `columnIndex` included: https://learn.microsoft.com/javascript/api/excel/excel.rowpropertiesloadoptions);
 * - `ConditionalFormatCollection.add` puts the new format at the top (priority 0) and priorities
 *   are positions, renumbered on every change; `ConditionalFormat.getRange` throws for a format on
 *   several ranges (https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-getrange-member(1));
 * - a protected sheet refuses every edit of its cells, formats, rules and validations
 *   (https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection);
 * - a list validation typed as a list is at most 255 characters (Excel's data validation dialog
 *   and `ListDataValidation.source` reject longer: https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 * - `Excel.run({ mergeUndoGroup: true }, …)` (ExcelApi 1.20, Excel.RunOptions) makes all the syncs
 *   of one run that write one step of Excel's undo (`undoSteps`); otherwise each such sync is one
 *   (and below 1.20 the option is a member above the level: recorded in `missing`);
 * - data validations of every type over areas, read back as Office.js's DataValidation tells them
 *   (formulas as `=…` strings, MixedCriteria and Inconsistent over mixed ranges): ./double-validations.
 *
 * Cell styles are kept in the OOXML shape of ExcelJS, so what Office.js cannot see (borders,
 * alignment, font name) survives a round trip; the API shows and changes the parts it can.
 */
import ExcelJS from 'exceljs';
import { cellAddress, columnLetters, columnNumber, parseRange, type Cell, type CellValue, type Grid, type RangeRef } from '../../src/core/grid';
import { charsToPoints, pointsToChars, STANDARD_WIDTH_CHARS } from '../../src/hosts/excel/widths';
import { formatNumber } from '../../src/core/grid/display';
import { dateToSerial } from '../../src/core/dates';
import { gridsFromWorkbook } from '../../src/hosts/xlsx/read-grid';
import API_SETS from '../../src/hosts/excel/api-sets.json';
import { areasOfKey, changeAreas, comparableOf, comparableRuns, DvError, fromFile, newValidation, readAreas, toFile, type ComparableValidation, type DvArea, type DValidation, type FileValidation } from './double-validations';

/** Excel's limits the double enforces (see the header for the sources). */
export const EXCEL_LIMITS = { payloadBytes: 5 * 1024 * 1024, readCells: 5_000_000, mergedAreas: 512, listSource: 255 } as const;

export interface DoubleOptions {
  /** The minor version of the newest ExcelApi 1.x this Excel has; Infinity (the default) is the newest. */
  apiLevel?: number;
}

const MEMBERS = (API_SETS as { members: Record<string, string> }).members;

/** Whether an Excel at `level` has the member (`Range.getMergedAreasOrNullObject`); unknown members are the double's own. */
export function memberAvailable(key: string, level: number): boolean {
  const set = MEMBERS[key];
  if (set === undefined || level === Infinity) return true;
  return set.startsWith('1.') && Number(set.split('.')[1]) <= level;
}

export class PropertyNotLoaded extends Error {}
/** What the real API rejects when the batch runs (a name taken, an item that does not exist). */
export class DoubleApiError extends Error {
  constructor(readonly code: string, message: string) {
    super(`${code}: ${message}`);
  }
}

type Style = Record<string, unknown> & { numFmt?: string; font?: Record<string, unknown>; fill?: Record<string, unknown> };
type OfficeValue = number | string | boolean;
type ValueType = 'Empty' | 'Double' | 'String' | 'Boolean' | 'Error';

interface DCell {
  value: OfficeValue;
  type: ValueType;
  /** With its `=`. */
  formula?: string;
  text: string;
  style: Style;
}


interface DFormat {
  id: number;
  range: string;
  /** With its `=`. */
  formula: string;
  fill: string | null;
  font: string | null;
  priority: number;
}

interface DSheet {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<number, Map<number, DCell>>;
  merges: RangeRef[];
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  /** Points, for columns with a width set. */
  widths: Map<number, number>;
  /** Disjoint areas, each with its rule (./double-validations). */
  validations: DvArea[];
  /** In priority order: Office.js priorities are positions in this list. */
  formats: DFormat[];
  protected: boolean;
}

const bytes = (v: unknown): number => Buffer.byteLength(JSON.stringify(v ?? null), 'utf8');
const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const f = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[yd]|m{1,4}(?![^;]*[hs])/i.test(f) && !/^[#0.,%\s]+$/.test(f);
}

function solid(style: Style): string | null {
  const fill = style.fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return null;
  return fill.fgColor?.argb ? fill.fgColor.argb.slice(-6).toUpperCase() : null;
}

function textOf(c: DCell): string {
  if (c.type === 'Double') return isDateFormat(c.style.numFmt) ? String(c.value) : formatNumber(c.value as number, c.style.numFmt);
  if (c.type === 'Boolean') return c.value ? 'TRUE' : 'FALSE';
  return String(c.value);
}

export class DoubleContext {
  readonly workbook: Workbook;
  readonly state: { sheets: DSheet[]; names: Map<string, string>; active: string | null; selection: string | null };
  syncs = 0;
  /** Bytes of loaded data each sync brought back. */
  readonly payloads: number[] = [];
  /** Bytes of written data each sync sent. */
  readonly requests: number[] = [];
  /** How often each kind of write was queued (`fill.color`, `font.bold`, `getRanges`, …). */
  readonly calls: Record<string, number> = {};
  /** Members asked for above the API level, in order (each failed its batch). */
  readonly missing: string[] = [];
  readonly apiLevel: number;
  /** Syncs (counted from 1) that fail before running anything, as a dropped session or closed pane would. */
  readonly failAt = new Set<number>();
  /** Steps of Excel's undo history the add-in's writes made. */
  undoSteps = 0;
  /** Within a run with mergeUndoGroup: whether its step is counted yet. */
  private group: { counted: boolean } | null = null;
  private ops: Array<{ run: () => number; request: number }> = [];
  private nextFormat = 1;

  constructor(grids: Grid[], opts: DoubleOptions = {}) {
    this.apiLevel = opts.apiLevel ?? Infinity;
    this.state = { sheets: grids.map(sheetFromGrid), names: new Map(), active: grids[0]?.name ?? null, selection: null };
    this.workbook = new Workbook(this);
  }

  /** A member used above the API level: the batch fails with ApiNotFound when it runs. */
  requireApi(cls: string, member: string): void {
    const key = `${cls}.${member}`;
    if (memberAvailable(key, this.apiLevel)) return;
    this.missing.push(key);
    this.queue(() => {
      throw new DoubleApiError('ApiNotFound', `${key} is not in ExcelApi 1.${this.apiLevel}`);
    });
  }

  /** `Excel.run(options, batch)` over this context. */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: { mergeUndoGroup?: boolean }): Promise<T> {
    const merged = options?.mergeUndoGroup === true;
    if (merged && this.apiLevel < 20) this.missing.push('RunOptions.mergeUndoGroup');
    this.group = merged && this.apiLevel >= 20 ? { counted: false } : null;
    try {
      return await batch(this as unknown as Excel.RequestContext);
    } finally {
      this.group = null;
    }
  }

  /** A workbook as Excel would hold it after opening the file: values, styles, widths, rules, names. */
  static fromWorkbook(wb: ExcelJS.Workbook, opts: DoubleOptions = {}): DoubleContext {
    const ctx = new DoubleContext(gridsFromWorkbook(wb), opts);
    wb.worksheets.forEach((ws, i) => {
      const s = ctx.state.sheets[i] as DSheet;
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          if (cell.type === ExcelJS.ValueType.Merge) return;
          const style = clone(cell.style ?? {}) as Style;
          const existing = s.cells.get(r)?.get(c);
          if (existing) existing.style = style;
          else if (Object.keys(style).length > 0) setCell(s, r, c, { value: '', type: 'Empty', text: '', style });
        });
      });
      (ws.columns ?? []).forEach((col, j) => {
        if (col?.width !== undefined) s.widths.set(j + 1, charsToPoints(col.width));
      });
      const model = (ws as unknown as { dataValidations: { model: Record<string, FileValidation | undefined> } }).dataValidations.model;
      for (const [key, m] of Object.entries(model)) {
        const v = m ? fromFile(m) : null;
        if (v) s.validations = changeAreas(s.validations, areasOfKey(key), () => v);
      }
      s.protected = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet === true;
      for (const cf of (ws as unknown as { conditionalFormattings: ExcelJsFormatting[] }).conditionalFormattings) {
        for (const rule of cf.rules) {
          s.formats.push({
            id: ctx.nextFormat++,
            range: cf.ref,
            formula: `=${rule.formulae?.[0] ?? ''}`,
            fill: rule.style?.fill?.bgColor?.argb?.slice(-6) ?? null,
            font: rule.style?.font?.color?.argb?.slice(-6) ?? null,
            priority: rule.priority ?? 1,
          });
        }
      }
      // Office keeps formats as a list in priority order (stable for equal priorities).
      s.formats.sort((a, b) => a.priority - b.priority);
    });
    for (const n of wb.definedNames.model as Array<{ name: string; ranges: string[] }>) ctx.state.names.set(n.name, `=${n.ranges.join(',')}`);
    return ctx;
  }

  count(what: string): void {
    this.calls[what] = (this.calls[what] ?? 0) + 1;
  }

  queue(run: () => number, request = 0): void {
    this.ops.push({ run, request });
  }

  /**
   * Runs the batch in order, as Excel does: an operation that fails stops the batch, and what ran
   * before it stays done. A request over 5 MB is refused whole; a response over 5 MB fails after
   * the batch ran.
   */
  async sync(): Promise<void> {
    this.syncs++;
    const ops = this.ops;
    this.ops = [];
    const sent = ops.reduce((n, op) => n + op.request, 0);
    this.requests.push(sent);
    if (this.failAt.has(this.syncs)) {
      this.payloads.push(0);
      throw new DoubleApiError('GeneralException', `sync ${this.syncs} failed (injected)`);
    }
    if (sent > EXCEL_LIMITS.payloadBytes) {
      this.payloads.push(0);
      throw new DoubleApiError('RequestPayloadSizeLimitExceeded', `a request of ${sent} bytes`);
    }
    let size = 0;
    try {
      for (const op of ops) size += op.run();
    } finally {
      this.payloads.push(size);
      // What ran stays done, and is a step of the undo history.
      if (sent > 0) {
        if (!this.group) this.undoSteps++;
        else if (!this.group.counted) {
          this.undoSteps++;
          this.group.counted = true;
        }
      }
    }
    if (size > EXCEL_LIMITS.payloadBytes) throw new DoubleApiError('ResponsePayloadSizeLimitExceeded', `a response of ${size} bytes`);
  }

  formatId(): number {
    return this.nextFormat++;
  }

  sheet(name: string): DSheet | undefined {
    return this.state.sheets.find((s) => s.name === name);
  }

  /** Every sheet as a Grid, the add-in's own sheets included: what a host would read of the whole workbook. */
  toGrids(): Grid[] {
    return this.state.sheets.map(gridOfSheet);
  }

  /** The workbook as an ExcelJS one, as if Excel had saved it. */
  toWorkbook(): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    for (const s of this.state.sheets) {
      const ws = wb.addWorksheet(s.name, { state: s.visibility === 'Visible' ? 'visible' : s.visibility === 'Hidden' ? 'hidden' : 'veryHidden' });
      for (const [r, line] of s.cells) {
        for (const [c, d] of line) {
          const cell = ws.getCell(r, c);
          if (d.formula) cell.value = { formula: d.formula.slice(1), ...(d.type !== 'Empty' ? { result: d.value } : {}) } as ExcelJS.CellFormulaValue;
          else if (d.type === 'Error') cell.value = { error: d.value } as ExcelJS.CellErrorValue;
          else if (d.type !== 'Empty') cell.value = d.value;
          cell.style = clone(d.style) as Partial<ExcelJS.Style>;
        }
      }
      for (const [c, w] of s.widths) ws.getColumn(c).width = pointsToChars(w);
      for (const r of s.hiddenRows) ws.getRow(r).hidden = true;
      for (const c of s.hiddenCols) ws.getColumn(c).hidden = true;
      for (const m of s.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
      const dv = (ws as unknown as { dataValidations: { add(a: string, v: unknown): void } }).dataValidations;
      for (const { area, v } of s.validations) dv.add(`${cellAddress(area.top, area.left)}:${cellAddress(area.bottom, area.right)}`, toFile(v));
      for (const f of s.formats) {
        ws.addConditionalFormatting({
          ref: f.range,
          rules: [{
            type: 'expression',
            priority: f.priority,
            formulae: [f.formula.replace(/^=/, '')],
            style: {
              ...(f.fill ? { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${f.fill}` } } } : {}),
              ...(f.font ? { font: { color: { argb: `FF${f.font}` } } } : {}),
            },
          } as ExcelJS.ConditionalFormattingRule],
        });
      }
    }
    for (const [name, formula] of this.state.names) for (const r of formula.slice(1).split(',')) wb.definedNames.add(r, name);
    return wb;
  }

  comparable(): Comparable {
    return {
      sheets: this.state.sheets.map((s) => {
        const cells: Record<string, ComparableCell> = {};
        for (const [r, line] of s.cells) {
          for (const [c, d] of line) {
            const value = d.type === 'Empty' ? null : d.type === 'Error' ? { error: d.value } : d.value;
            const cell = comparableCell(value, d.formula?.slice(1), d.style);
            if (cell) cells[cellAddress(r, c)] = cell;
          }
        }
        const widths: Record<string, number> = {};
        for (const [c, w] of s.widths) {
          const chars = pointsToChars(w);
          if (Math.abs(chars - STANDARD_WIDTH_CHARS) > 0.01) widths[columnLetters(c)] = chars;
        }
        const validations = comparableRuns(
          s.validations.flatMap(({ area, v }) => {
            const c = comparableOf(toFile(v));
            return Array.from({ length: area.right - area.left + 1 }, (_, i) => ({ col: area.left + i, top: area.top, bottom: area.bottom, v: c }));
          }),
        );
        return {
          name: s.name,
          visibility: s.visibility === 'Visible' ? 'visible' : s.visibility === 'Hidden' ? 'hidden' : 'veryHidden',
          merges: s.merges.map((m) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`).sort(),
          hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
          hiddenCols: [...s.hiddenCols].sort((a, b) => a - b),
          widths,
          validations: sortKeys(validations),
          highlights: ranked(s.formats.map((f) => ({ ref: f.range, formula: f.formula.slice(1), fill: f.fill, font: f.font, priority: f.priority }))),
          cells: sortKeys(cells),
        };
      }),
      names: sortKeys(Object.fromEntries([...this.state.names].map(([n, f]) => [n, f.slice(1).split(',').map(unquoteSheet)]))),
    };
  }
}

// ---- state helpers ----------------------------------------------------------------------------

function sheetFromGrid(g: Grid): DSheet {
  const s: DSheet = {
    name: g.name,
    visibility: g.visibility === 'veryHidden' ? 'VeryHidden' : g.visibility === 'hidden' ? 'Hidden' : 'Visible',
    cells: new Map(),
    merges: g.merges.map((m) => ({ ...m })),
    hiddenRows: new Set(g.hiddenRows),
    hiddenCols: new Set(g.hiddenCols),
    widths: new Map(),
    validations: [],
    formats: [],
    protected: false,
  };
  g.rows.forEach((line, r) =>
    line?.forEach((c, j) => {
      if (!c) return;
      const v = c.value;
      const value = v.kind === 'date' ? v.serial : v.value;
      const type: ValueType = v.kind === 'error' ? 'Error' : v.kind === 'string' ? 'String' : v.kind === 'boolean' ? 'Boolean' : 'Double';
      setCell(s, r + 1, j + 1, {
        value,
        type,
        text: c.text,
        style: { ...(c.format ? { numFmt: c.format } : {}), ...(c.emphasis ? { font: { bold: true, size: 10 + c.emphasis } } : {}) },
        ...(c.formula !== undefined ? { formula: `=${c.formula}` } : {}),
      });
    }),
  );
  return s;
}

function setCell(s: DSheet, r: number, c: number, cell: DCell): void {
  let line = s.cells.get(r);
  if (!line) s.cells.set(r, (line = new Map()));
  line.set(c, cell);
}

function cellAt(s: DSheet, r: number, c: number): DCell | undefined {
  return s.cells.get(r)?.get(c);
}

/** Every edit of a protected sheet fails, as Excel's does. */
function editable(s: DSheet): DSheet {
  if (s.protected) throw new DoubleApiError('AccessDenied', `the sheet "${s.name}" is protected`);
  return s;
}

/** Office.js priorities are positions; ExcelJS's, which the snapshots show, count from 1. */
function renumber(s: DSheet): void {
  s.formats.forEach((f, i) => (f.priority = i + 1));
}

/** The cell to write into, made when absent (an empty cell keeps the style Excel shows there). */
function writable(s: DSheet, r: number, c: number): DCell {
  editable(s);
  let cell = cellAt(s, r, c);
  if (!cell) setCell(s, r, c, (cell = { value: '', type: 'Empty', text: '', style: {} }));
  return cell;
}

function gridOfSheet(s: DSheet): Grid {
  const rows: Grid['rows'] = [];
  let rowCount = 0;
  let colCount = 0;
  for (const [r, line] of [...s.cells].sort((a, b) => a[0] - b[0])) {
    for (const [c, d] of line) {
      const cell = gridCell(d);
      if (!cell) continue;
      (rows[r - 1] ??= [])[c - 1] = cell;
      rowCount = Math.max(rowCount, r);
      colCount = Math.max(colCount, c);
    }
  }
  for (const m of s.merges) {
    rowCount = Math.max(rowCount, m.bottom);
    colCount = Math.max(colCount, m.right);
  }
  const grid: Grid = { name: s.name, rowCount, colCount, rows, merges: s.merges.map((m) => ({ ...m })), hiddenRows: [...s.hiddenRows].sort((a, b) => a - b), hiddenCols: [...s.hiddenCols].sort((a, b) => a - b) };
  if (s.visibility !== 'Visible') grid.visibility = s.visibility === 'Hidden' ? 'hidden' : 'veryHidden';
  return grid;
}

function gridCell(d: DCell): Cell | undefined {
  if (d.type === 'Empty' && !d.formula) return undefined;
  const fmt = d.style.numFmt && d.style.numFmt !== 'General' ? d.style.numFmt : undefined;
  let v: CellValue;
  if (d.type === 'Error') v = { kind: 'error', value: String(d.value) };
  else if (d.type === 'Boolean') v = { kind: 'boolean', value: Boolean(d.value) };
  else if (d.type === 'Double') v = { kind: 'number', value: Number(d.value) };
  else v = { kind: 'string', value: String(d.value) };
  const out: Cell = { value: v, text: d.text };
  if (fmt) out.format = fmt;
  if (d.formula) out.formula = d.formula.slice(1);
  return out;
}

/** The used range of values, as Excel reports it (merged areas count, as they hold a value). */
function usedArea(s: DSheet): RangeRef | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const [r, line] of s.cells) {
    for (const [c, d] of line) {
      if (d.type === 'Empty' && !d.formula) continue;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
  }
  if (top === Infinity) return null;
  for (const m of s.merges) {
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  return { top, left, bottom, right };
}

function unquoteSheet(ref: string): string {
  return ref.replace(/^'((?:[^']|'')*)'!/, (_, n: string) => `${n.replace(/''/g, "'")}!`);
}

/** `Sheet1!A1:B2` → sheet name and local address. */
function splitAddress(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { local: address };
  const raw = address.slice(0, bang);
  return { sheet: raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw, local: address.slice(bang + 1) };
}

function areaOf(local: string): RangeRef {
  const a = local.replace(/\$/g, '');
  // A whole column (`K:K`) reaches to the last row Excel has.
  const col = /^([A-Z]+):([A-Z]+)$/i.exec(a);
  if (col) return { top: 1, bottom: 1_048_576, left: columnNumber(col[1] as string), right: columnNumber(col[2] as string) };
  return parseRange(a);
}

// ---- the comparable snapshot ------------------------------------------------------------------

export interface ComparableCell {
  value: unknown;
  formula?: string;
  numFmt?: string;
  fill?: string;
  bold?: true;
  /** The rest of the style, which neither host changes. */
  style?: unknown;
}

export interface Comparable {
  sheets: Array<{
    name: string;
    visibility: string;
    merges: string[];
    hiddenRows: number[];
    hiddenCols: number[];
    widths: Record<string, number>;
    /** By maximal runs of rows in each column (`K3:K56`), whatever areas a host split them into. */
    validations: Record<string, ComparableValidation>;
    highlights: Array<{ ref: string; formula: string; fill: string | null; font: string | null; priority: number }>;
    cells: Record<string, ComparableCell>;
  }>;
  names: Record<string, string[]>;
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Priorities as ranks on their sheet, 1 first: Excel renumbers them as positions on every change and
 * on save, so only their order tells two workbooks apart.
 */
function ranked<T extends { ref: string; priority: number; formula: string }>(list: T[]): T[] {
  return list
    .map((h, i) => ({ h, i }))
    .sort((a, b) => a.h.priority - b.h.priority || a.i - b.i)
    .map(({ h }, rank) => ({ ...h, priority: rank + 1 }))
    .sort(byHighlight);
}

function byHighlight(a: { ref: string; priority: number; formula: string }, b: { ref: string; priority: number; formula: string }): number {
  return a.ref.localeCompare(b.ref) || a.priority - b.priority || a.formula.localeCompare(b.formula);
}

function comparableCell(value: unknown, formula: string | undefined, style: Style): ComparableCell | undefined {
  const rest = clone(style) as Style;
  const numFmt = rest.numFmt && rest.numFmt !== 'General' ? rest.numFmt : undefined;
  delete rest.numFmt;
  const fill = solid(rest) ?? undefined;
  delete rest.fill;
  const bold = rest.font?.bold === true;
  if (rest.font) {
    delete rest.font.bold;
    if (Object.keys(rest.font).length === 0) delete rest.font;
  }
  const out: ComparableCell = { value };
  if (formula !== undefined) out.formula = formula;
  if (numFmt) out.numFmt = numFmt;
  if (fill) out.fill = fill;
  if (bold) out.bold = true;
  // An empty cell's borders and font are what its row or column lends it, or a cell ExcelJS made
  // when it was read; only what the hosts change (number format, fill, bold) tells empty cells apart.
  if (Object.keys(rest).length > 0 && (value !== null || formula !== undefined)) out.style = rest;
  return value === null && Object.keys(out).length === 1 ? undefined : out;
}

function comparableValue(raw: unknown): { value: unknown; formula?: string } {
  if (raw === null || raw === undefined || raw === '') return { value: null };
  if (raw instanceof Date) return { value: dateToSerial(raw) };
  if (typeof raw !== 'object') return { value: raw };
  const o = raw as Record<string, unknown>;
  if (Array.isArray(o.richText)) return { value: (o.richText as Array<{ text?: string }>).map((p) => p.text ?? '').join('') };
  if ('error' in o) return { value: { error: o.error } };
  if (typeof o.formula === 'string') return { value: comparableValue(o.result).value, formula: o.formula };
  if ('text' in o) return comparableValue(o.text);
  return { value: JSON.parse(JSON.stringify(raw)) };
}

interface ExcelJsFormatting {
  ref: string;
  rules: Array<{ priority?: number; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } }; font?: { color?: { argb?: string } } } }>;
}

/** What Office.js can tell of an ExcelJS workbook, in the shape `DoubleContext.comparable()` gives. */
export function comparableWorkbook(wb: ExcelJS.Workbook): Comparable {
  return {
    sheets: wb.worksheets.map((ws) => {
      const cells: Record<string, ComparableCell> = {};
      const hiddenRows: number[] = [];
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        if (row.hidden) hiddenRows.push(r);
        row.eachCell({ includeEmpty: true }, (cell) => {
          if (cell.type === ExcelJS.ValueType.Merge) return;
          const { value, formula } = comparableValue(cell.value);
          const c = comparableCell(value, formula ?? (cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined), (cell.style ?? {}) as Style);
          if (c) cells[cell.address] = c;
        });
      });
      const widths: Record<string, number> = {};
      const hiddenCols: number[] = [];
      (ws.columns ?? []).forEach((col, j) => {
        if (col?.hidden) hiddenCols.push(j + 1);
        if (col?.width !== undefined && Math.abs(col.width - STANDARD_WIDTH_CHARS) > 0.01) widths[columnLetters(j + 1)] = pointsToChars(charsToPoints(col.width));
      });
      const model = (ws as unknown as { dataValidations: { model: Record<string, FileValidation | undefined> } }).dataValidations.model;
      const validations = comparableRuns(
        Object.entries(model).flatMap(([key, v]) =>
          !v || v.type === 'any'
            ? []
            : areasOfKey(key).flatMap((a) => Array.from({ length: a.right - a.left + 1 }, (_, i) => ({ col: a.left + i, top: a.top, bottom: a.bottom, v: comparableOf(v) }))),
        ),
      );
      const highlights = (ws as unknown as { conditionalFormattings: ExcelJsFormatting[] }).conditionalFormattings.flatMap((cf) =>
        cf.rules.map((rule) => ({
          ref: cf.ref,
          formula: rule.formulae?.[0] ?? '',
          fill: rule.style?.fill?.bgColor?.argb?.slice(-6) ?? null,
          font: rule.style?.font?.color?.argb?.slice(-6) ?? null,
          priority: rule.priority ?? 1,
        })),
      );
      return {
        name: ws.name,
        visibility: ws.state ?? 'visible',
        merges: Object.values((ws as unknown as { _merges: Record<string, { model: RangeRef }> })._merges).map(({ model: m }) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`).sort(),
        hiddenRows,
        hiddenCols,
        widths,
        validations: sortKeys(validations),
        highlights: ranked(highlights),
        cells: sortKeys(cells),
      };
    }),
    names: sortKeys(Object.fromEntries((wb.definedNames.model as Array<{ name: string; ranges: string[] }>).map((n) => [n.name, n.ranges.map(unquoteSheet)]))),
  };
}

// ---- proxies ----------------------------------------------------------------------------------

/**
 * A client object: `load` queues a capture of the named properties (paths like `items/name` load
 * into children); `get` answers from the capture only.
 */
class Proxy {
  private readonly captured = new Map<string, unknown>();
  constructor(protected readonly ctx: DoubleContext) {
    // Below the newest level, every method call and property write is checked against the map.
    if (ctx.apiLevel !== Infinity) return guarded(this, ctx);
  }

  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? '').split(',')).map((p) => p.trim()).filter(Boolean);
    for (const p of list) this.ctx.requireApi(this.constructor.name, p.split('/')[0] as string);
    this.ctx.queue(() => this.capture(list));
    return this;
  }

  /** Runs at sync: reads the properties now; returns their size. */
  capture(paths: string[]): number {
    const groups = new Map<string, string[]>();
    for (const p of paths) {
      const [head, ...rest] = p.split('/');
      const g = groups.get(head as string) ?? [];
      if (rest.length > 0) g.push(rest.join('/'));
      groups.set(head as string, g);
    }
    let size = 0;
    for (const [prop, rest] of groups) {
      const v = this.raw(prop);
      if (Array.isArray(v) && v.every((x) => x instanceof Proxy)) {
        this.captured.set(prop, v);
        for (const child of v as Proxy[]) size += child.capture(rest.length > 0 ? rest : child.scalars());
      } else if (v instanceof Proxy) {
        this.captured.set(prop, v);
        size += v.capture(rest.length > 0 ? rest : v.scalars());
      } else {
        const copy = clone(v);
        this.captured.set(prop, copy);
        size += bytes(copy) + prop.length + 3;
      }
    }
    return size;
  }

  /** What `load()` without names would bring. */
  protected scalars(): string[] {
    return [];
  }

  protected get<T>(prop: string): T {
    if (!this.captured.has(prop)) throw new PropertyNotLoaded(`${prop} read before load() and sync()`);
    return this.captured.get(prop) as T;
  }

  protected raw(_prop: string): unknown {
    return undefined;
  }

  /** Queues a write; it runs at sync with what earlier operations of the batch did. */
  protected write(payload: unknown, run: () => void): void {
    this.ctx.queue(() => {
      run();
      return 0;
    }, bytes(payload));
  }
}

function hasSetter(o: object, prop: string): boolean {
  for (let p: object | null = o; p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, prop);
    if (d) return d.set !== undefined;
  }
  return false;
}

/** An ES proxy over a double object that asks the API level of each method and setter used. */
function guarded<T extends object>(obj: T, ctx: DoubleContext): T {
  const cls = obj.constructor.name;
  return new globalThis.Proxy(obj, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if (typeof prop === 'string' && typeof v === 'function' && prop !== 'constructor') ctx.requireApi(cls, prop);
      return v;
    },
    set(target, prop, value, receiver) {
      if (typeof prop === 'string' && hasSetter(target, prop)) ctx.requireApi(cls, prop);
      return Reflect.set(target, prop, value, receiver);
    },
  });
}

class ClientResult<T> {
  private ready = false;
  private v: T | undefined;
  constructor(ctx: DoubleContext, compute: () => T) {
    ctx.queue(() => {
      this.v = compute();
      this.ready = true;
      return bytes(this.v);
    });
  }
  get value(): T {
    if (!this.ready) throw new PropertyNotLoaded('ClientResult read before sync()');
    return this.v as T;
  }
}

class Workbook {
  readonly worksheets: WorksheetCollection;
  readonly names: NamedItemCollection;
  constructor(private readonly ctx: DoubleContext) {
    this.worksheets = new WorksheetCollection(ctx);
    this.names = new NamedItemCollection(ctx);
  }
  getSelectedRange(): Range {
    return new Range(this.ctx, () => this.ctx.sheet(this.ctx.state.active ?? '') ?? null, () => areaOf(this.ctx.state.selection ?? 'A1'));
  }
}

class WorksheetCollection extends Proxy {
  get items(): Worksheet[] {
    return this.get('items');
  }
  protected override raw(prop: string): unknown {
    return prop === 'items' ? this.ctx.state.sheets.map((s) => new Worksheet(this.ctx, () => s)) : undefined;
  }
  getItem(name: string): Worksheet {
    return new Worksheet(this.ctx, () => {
      const s = this.ctx.sheet(name);
      if (!s) throw new DoubleApiError('ItemNotFound', `no sheet "${name}"`);
      return s;
    });
  }
  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.ctx, () => this.ctx.sheet(name) ?? null);
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.ctx, () => this.ctx.sheet(this.ctx.state.active ?? '') ?? null);
  }
  add(name: string): Worksheet {
    this.write({ add: name }, () => {
      if (this.ctx.sheet(name)) throw new DoubleApiError('ItemAlreadyExists', `a sheet "${name}" exists`);
      this.ctx.state.sheets.push(sheetFromGrid({ name, rowCount: 0, colCount: 0, rows: [], merges: [], hiddenRows: [], hiddenCols: [] }));
    });
    return this.getItem(name);
  }
}

class WorksheetProtection extends Proxy {
  constructor(ctx: DoubleContext, private readonly at: () => DSheet) {
    super(ctx);
  }
  get protected(): boolean { return this.get('protected'); }
  protect(): void {
    this.write({ protect: true }, () => {
      this.at().protected = true;
    });
  }
  unprotect(): void {
    this.write({ unprotect: true }, () => {
      this.at().protected = false;
    });
  }
  protected override scalars(): string[] {
    return ['protected'];
  }
  protected override raw(prop: string): unknown {
    return prop === 'protected' ? this.at().protected : undefined;
  }
}

class Worksheet extends Proxy {
  readonly protection: WorksheetProtection;
  constructor(ctx: DoubleContext, private readonly resolve: () => DSheet | null) {
    super(ctx);
    this.protection = new WorksheetProtection(ctx, () => this.sheet());
  }
  private sheet(): DSheet {
    const s = this.resolve();
    if (!s) throw new DoubleApiError('ItemNotFound', 'a null object was used');
    return s;
  }
  protected override scalars(): string[] {
    return ['name', 'visibility', 'standardWidth'];
  }
  protected override raw(prop: string): unknown {
    const s = this.resolve();
    if (prop === 'isNullObject') return s === null;
    if (!s) return null;
    switch (prop) {
      case 'name': return s.name;
      case 'visibility': return s.visibility;
      case 'standardWidth': return STANDARD_WIDTH_CHARS;
      case 'protection': return this.protection;
      default: return undefined;
    }
  }
  get isNullObject(): boolean { return this.get('isNullObject'); }
  get name(): string { return this.get('name'); }
  get visibility(): string { return this.get('visibility'); }
  set visibility(v: string) {
    this.write({ visibility: v }, () => {
      this.sheet().visibility = v as DSheet['visibility'];
    });
  }
  get standardWidth(): number { return this.get('standardWidth'); }

  delete(): void {
    this.write({ delete: true }, () => {
      const s = this.sheet();
      this.ctx.state.sheets.splice(this.ctx.state.sheets.indexOf(s), 1);
      if (this.ctx.state.active === s.name) this.ctx.state.active = this.ctx.state.sheets[0]?.name ?? null;
    });
  }
  activate(): void {
    this.write({ activate: true }, () => {
      this.ctx.state.active = this.sheet().name;
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    void valuesOnly;
    let memo: RangeRef | null | undefined;
    return new Range(this.ctx, this.resolve, () => {
      const s = this.resolve();
      return memo === undefined ? (memo = s ? usedArea(s) : null) : memo;
    });
  }
  /** Of an empty sheet, A1, as Excel gives it. */
  getUsedRange(valuesOnly?: boolean): Range {
    void valuesOnly;
    return new Range(this.ctx, this.resolve, () => usedArea(this.sheet()) ?? { top: 1, left: 1, bottom: 1, right: 1 });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): Range {
    const area = { top: row + 1, left: col + 1, bottom: row + rows, right: col + cols };
    return new Range(this.ctx, this.resolve, () => area);
  }
  getCell(row: number, col: number): Range {
    return this.getRangeByIndexes(row, col, 1, 1);
  }
  getRange(address?: string): Range {
    const area = address ? areaOf(splitAddress(address).local) : { top: 1, left: 1, bottom: 1_048_576, right: 16_384 };
    return new Range(this.ctx, this.resolve, () => area);
  }
  getRanges(address: string): RangeAreas {
    this.ctx.count('getRanges');
    const parts = address.split(',').map((a) => a.trim()).filter(Boolean);
    return new RangeAreas(this.ctx, this.resolve, parts.map((p) => areaOf(p)));
  }
}

type AreaOf = () => RangeRef | null;

class Range extends Proxy {
  readonly format: RangeFormat;
  readonly dataValidation: DataValidation;
  readonly conditionalFormats: ConditionalFormatCollection;
  constructor(ctx: DoubleContext, private readonly resolveSheet: () => DSheet | null, private readonly areaOf: AreaOf) {
    super(ctx);
    this.format = new RangeFormat(ctx, () => this.cells(), () => this.target());
    this.dataValidation = new DataValidation(ctx, () => {
      const { sheet, area } = this.target();
      return { sheet, areas: [area] };
    });
    this.conditionalFormats = new ConditionalFormatCollection(ctx, () => this.target());
  }
  private target(): { sheet: DSheet; area: RangeRef } {
    const sheet = this.resolveSheet();
    const area = this.areaOf();
    if (!sheet || !area) throw new DoubleApiError('InvalidReference', 'a null range was used');
    return { sheet, area };
  }
  private cells(): Array<{ sheet: DSheet; r: number; c: number }> {
    const { sheet, area } = this.target();
    const out: Array<{ sheet: DSheet; r: number; c: number }> = [];
    for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) out.push({ sheet, r, c });
    return out;
  }
  private matrix<T>(f: (cell: DCell | undefined) => T): T[][] {
    const { sheet, area } = this.target();
    const out: T[][] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      const line: T[] = [];
      for (let c = area.left; c <= area.right; c++) line.push(f(cellAt(sheet, r, c)));
      out.push(line);
    }
    return out;
  }

  get isNullObject(): boolean { return this.get('isNullObject'); }
  get address(): string { return this.get('address'); }
  get rowIndex(): number { return this.get('rowIndex'); }
  get columnIndex(): number { return this.get('columnIndex'); }
  get rowCount(): number { return this.get('rowCount'); }
  get columnCount(): number { return this.get('columnCount'); }
  get values(): unknown[][] { return this.get('values'); }
  set values(m: unknown) { this.setEach(m, 'values'); }
  get text(): string[][] { return this.get('text'); }
  get numberFormat(): string[][] { return this.get('numberFormat'); }
  set numberFormat(m: unknown) { this.setEach(m, 'numberFormat'); }
  get formulas(): unknown[][] { return this.get('formulas'); }
  set formulas(m: unknown) { this.setEach(m, 'formulas'); }
  get valueTypes(): string[][] { return this.get('valueTypes'); }

  /** A scalar is written to every cell, a matrix cell by cell; its shape must match the range's. */
  private setEach(m: unknown, what: 'values' | 'formulas' | 'numberFormat'): void {
    this.ctx.count(what);
    this.write(m, () => {
      const { sheet, area } = this.target();
      const rows = area.bottom - area.top + 1;
      const cols = area.right - area.left + 1;
      if (Array.isArray(m) && (m.length !== rows || m.some((l) => !Array.isArray(l) || l.length !== cols))) {
        throw new DoubleApiError('InvalidArgument', `${what}: a ${m.length}-row matrix for a ${rows}×${cols} range`);
      }
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          const v = Array.isArray(m) ? (m[i] as unknown[])[j] : m;
          const cell = writable(sheet, area.top + i, area.left + j);
          if (what === 'numberFormat') {
            if (v === 'General' || v === '' || v === null) delete cell.style.numFmt;
            else cell.style = { ...cell.style, numFmt: String(v) };
          } else writeValue(cell, v);
          cell.text = cell.type === 'Empty' ? '' : textOf(cell);
        }
      }
    });
  }

  getMergedAreasOrNullObject(): RangeAreas {
    return new RangeAreas(this.ctx, this.resolveSheet, null, () => {
      // Of a null range, a null RangeAreas.
      if (!this.resolveSheet() || !this.areaOf()) return [];
      const { sheet, area: a } = this.target();
      // Excel gives the merged areas whose top-left cell is in the range, whole (office-js#3611:
      // https://github.com/OfficeDev/office-js/issues/3611), so bands of rows part them without overlap.
      const found = sheet.merges.filter((m) => m.top >= a.top && m.top <= a.bottom && m.left >= a.left && m.left <= a.right);
      if (found.length > EXCEL_LIMITS.mergedAreas) throw new DoubleApiError('GeneralException', `${found.length} merged areas (over ${EXCEL_LIMITS.mergedAreas})`);
      return found;
    });
  }

  getCellProperties(o: { format?: { fill?: { color?: boolean; pattern?: boolean }; font?: { bold?: boolean } } }): ClientResult<unknown[][]> {
    return new ClientResult(this.ctx, () => {
      tooManyCells(this.target().area);
      return this.matrix((cell) => {
        const style = cell?.style ?? {};
        const fill = solid(style);
        const format: Record<string, unknown> = {};
        if (o.format?.fill) format.fill = { ...(o.format.fill.color ? { color: fill ? `#${fill}` : '#FFFFFF' } : {}), ...(o.format.fill.pattern ? { pattern: fill ? 'Solid' : 'None' } : {}) };
        if (o.format?.font?.bold) format.font = { bold: style.font?.bold === true };
        return { format };
      });
    });
  }

  /** Only the keys asked for come back, `rowIndex` included, as in Excel. */
  getRowProperties(o: { rowIndex?: boolean; rowHidden?: boolean }): ClientResult<Array<{ rowIndex?: number; rowHidden?: boolean }>> {
    return new ClientResult(this.ctx, () => {
      const { sheet, area } = this.target();
      const out: Array<{ rowIndex?: number; rowHidden?: boolean }> = [];
      for (let r = area.top; r <= area.bottom; r++) out.push({ ...(o.rowIndex ? { rowIndex: r - 1 } : {}), ...(o.rowHidden ? { rowHidden: sheet.hiddenRows.has(r) } : {}) });
      return out;
    });
  }

  getColumnProperties(o: { columnIndex?: boolean; columnHidden?: boolean; format?: { columnWidth?: boolean } }): ClientResult<Array<{ columnIndex?: number; columnHidden?: boolean; format?: { columnWidth: number } }>> {
    return new ClientResult(this.ctx, () => {
      const { sheet, area } = this.target();
      const out: Array<{ columnIndex?: number; columnHidden?: boolean; format?: { columnWidth: number } }> = [];
      for (let c = area.left; c <= area.right; c++) {
        out.push({
          ...(o.columnIndex ? { columnIndex: c - 1 } : {}),
          ...(o.columnHidden ? { columnHidden: sheet.hiddenCols.has(c) } : {}),
          ...(o.format?.columnWidth ? { format: { columnWidth: sheet.widths.get(c) ?? charsToPoints(STANDARD_WIDTH_CHARS) } } : {}),
        });
      }
      return out;
    });
  }

  select(): void {
    this.write({ select: true }, () => {
      const { sheet, area } = this.target();
      this.ctx.state.active = sheet.name;
      this.ctx.state.selection = area.top === area.bottom && area.left === area.right ? cellAddress(area.top, area.left) : `${cellAddress(area.top, area.left)}:${cellAddress(area.bottom, area.right)}`;
    });
  }

  protected override scalars(): string[] {
    return ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'values', 'text', 'numberFormat', 'formulas', 'valueTypes'];
  }

  protected override raw(prop: string): unknown {
    const a = this.resolveSheet() ? this.areaOf() : null;
    if (prop === 'isNullObject') return a === null;
    if (!a) return undefined;
    if (['values', 'text', 'numberFormat', 'formulas', 'valueTypes'].includes(prop)) tooManyCells(a);
    switch (prop) {
      case 'address': return `${quote(this.target().sheet.name)}!${cellAddress(a.top, a.left)}:${cellAddress(a.bottom, a.right)}`;
      case 'rowIndex': return a.top - 1;
      case 'columnIndex': return a.left - 1;
      case 'rowCount': return a.bottom - a.top + 1;
      case 'columnCount': return a.right - a.left + 1;
      case 'values': return this.matrix((c) => (c && c.type !== 'Empty' ? c.value : ''));
      case 'text': return this.matrix((c) => c?.text ?? '');
      case 'numberFormat': return this.matrix((c) => c?.style.numFmt ?? 'General');
      case 'formulas': return this.matrix((c) => (c?.formula ?? (c && c.type !== 'Empty' ? c.value : '')));
      case 'valueTypes': return this.matrix((c) => c?.type ?? 'Empty');
      default: return undefined;
    }
  }
}

/** Excel reads at most 5,000,000 cells of a range in one get. */
function tooManyCells(a: RangeRef): void {
  const n = (a.bottom - a.top + 1) * (a.right - a.left + 1);
  if (n > EXCEL_LIMITS.readCells) throw new DoubleApiError('GeneralException', `a read of ${n} cells (over ${EXCEL_LIMITS.readCells})`);
}

function quote(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function writeValue(cell: DCell, v: unknown): void {
  delete cell.formula;
  if (v === '' || v === null || v === undefined) {
    cell.value = '';
    cell.type = 'Empty';
  } else if (typeof v === 'string' && v.startsWith('=')) {
    // The double does not calculate: a formula's value stays empty until Excel would compute it.
    cell.formula = v;
    cell.value = '';
    cell.type = 'Empty';
  } else if (typeof v === 'number') {
    cell.value = v;
    cell.type = 'Double';
  } else if (typeof v === 'boolean') {
    cell.value = v;
    cell.type = 'Boolean';
  } else if (typeof v === 'string' && /^#(REF!|VALUE!|DIV\/0!|NAME\?|N\/A|NUM!|NULL!)$/.test(v)) {
    cell.value = v;
    cell.type = 'Error';
  } else if (typeof v === 'string' && v.startsWith("'")) {
    // As typed: a leading apostrophe keeps the rest as text and is not part of it.
    cell.value = v.slice(1);
    cell.type = 'String';
  } else if (typeof v === 'string' && cell.style.numFmt !== '@' && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(v)) {
    // As typed: what reads as a number becomes one, unless the cell is formatted as text.
    cell.value = Number(v);
    cell.type = 'Double';
  } else if (typeof v === 'string' && cell.style.numFmt !== '@' && /^(true|false)$/i.test(v.trim())) {
    cell.value = v.trim().toLowerCase() === 'true';
    cell.type = 'Boolean';
  } else {
    cell.value = String(v);
    cell.type = 'String';
  }
}

type Cells = () => Array<{ sheet: DSheet; r: number; c: number }>;

class RangeFormat extends Proxy {
  readonly fill: RangeFill;
  readonly font: RangeFont;
  constructor(ctx: DoubleContext, cells: Cells, private readonly target: () => { sheet: DSheet; area: RangeRef }) {
    super(ctx);
    this.fill = new RangeFill(ctx, cells);
    this.font = new RangeFont(ctx, cells);
  }
  get columnWidth(): number { return this.get('columnWidth'); }
  set columnWidth(points: number) {
    this.write({ columnWidth: points }, () => {
      const { sheet, area } = this.target();
      editable(sheet);
      for (let c = area.left; c <= area.right; c++) sheet.widths.set(c, points);
    });
  }
  protected override scalars(): string[] {
    return ['columnWidth'];
  }
  protected override raw(prop: string): unknown {
    if (prop !== 'columnWidth') return undefined;
    const { sheet, area } = this.target();
    const w = (c: number) => sheet.widths.get(c) ?? charsToPoints(STANDARD_WIDTH_CHARS);
    const first = w(area.left);
    for (let c = area.left; c <= area.right; c++) if (w(c) !== first) return null;
    return first;
  }
}

class RangeFill extends Proxy {
  constructor(ctx: DoubleContext, private readonly cells: Cells) {
    super(ctx);
  }
  get color(): string { return this.get('color'); }
  set color(color: string) {
    this.ctx.count('fill.color');
    this.write({ color }, () => {
      const argb = `FF${color.replace('#', '').toUpperCase()}`;
      for (const { sheet, r, c } of this.cells()) {
        const cell = writable(sheet, r, c);
        cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb } } };
      }
    });
  }
  clear(): void {
    this.write({ clear: true }, () => {
      for (const { sheet, r, c } of this.cells()) {
        const cell = cellAt(editable(sheet), r, c);
        if (cell) {
          cell.style = { ...cell.style };
          delete cell.style.fill;
        }
      }
    });
  }
  protected override scalars(): string[] {
    return ['color'];
  }
  protected override raw(prop: string): unknown {
    if (prop !== 'color') return undefined;
    const colors = new Set(this.cells().map(({ sheet, r, c }) => solid(cellAt(sheet, r, c)?.style ?? {})));
    if (colors.size !== 1) return null;
    const [only] = [...colors];
    return only ? `#${only}` : '#FFFFFF';
  }
}

class RangeFont extends Proxy {
  constructor(ctx: DoubleContext, private readonly cells: Cells) {
    super(ctx);
  }
  get bold(): boolean { return this.get('bold'); }
  set bold(bold: boolean) {
    this.ctx.count('font.bold');
    this.write({ bold }, () => {
      for (const { sheet, r, c } of this.cells()) {
        const cell = writable(sheet, r, c);
        const font: Record<string, unknown> = { ...(cell.style.font ?? {}) };
        if (bold) font.bold = true;
        else delete font.bold;
        cell.style = { ...cell.style, font };
        if (Object.keys(font).length === 0) delete cell.style.font;
      }
    });
  }
  get size(): number { return this.get('size'); }
  protected override scalars(): string[] {
    return ['bold', 'size'];
  }
  protected override raw(prop: string): unknown {
    if (prop === 'size') {
      // A cell with no size of its own shows the Normal style's, 11 points in a new workbook.
      const all = new Set(this.cells().map(({ sheet, r, c }) => (cellAt(sheet, r, c)?.style.font?.size as number | undefined) ?? 11));
      return all.size === 1 ? [...all][0] : null;
    }
    if (prop !== 'bold') return undefined;
    const all = new Set(this.cells().map(({ sheet, r, c }) => cellAt(sheet, r, c)?.style.font?.bold === true));
    return all.size === 1 ? [...all][0] : null;
  }
}

class DataValidation extends Proxy {
  constructor(ctx: DoubleContext, private readonly at: () => { sheet: DSheet; areas: RangeRef[] }) {
    super(ctx);
  }
  get type(): string { return this.get('type'); }
  get rule(): DValidation['rule'] { return this.get('rule'); }
  get ignoreBlanks(): boolean { return this.get('ignoreBlanks'); }
  get errorAlert(): DValidation['errorAlert'] { return this.get('errorAlert'); }
  get prompt(): DValidation['prompt'] { return this.get('prompt'); }
  /** Every cell of the range gets the rule; a bad rule (two kinds, no operator, a typed list over 255 characters) fails the batch. */
  set rule(rule: Record<string, unknown>) {
    this.write(rule, () => {
      const list = rule.list as { source?: unknown } | undefined;
      if (list && typeof list.source === 'string' && !list.source.startsWith('=') && list.source.length > EXCEL_LIMITS.listSource) {
        throw new DoubleApiError('InvalidArgument', `a list source of ${list.source.length} characters`);
      }
      let made: (old: DValidation | undefined) => DValidation;
      try {
        newValidation(rule);
        made = (old) => newValidation(rule, old);
      } catch (e) {
        if (e instanceof DvError) throw new DoubleApiError('InvalidArgument', e.message);
        throw e;
      }
      this.change(made);
    });
  }
  /** Of cells without a rule, nothing changes. */
  set ignoreBlanks(v: boolean) {
    this.write({ ignoreBlanks: v }, () => this.change((old) => old && { ...old, ignoreBlanks: v }));
  }
  set errorAlert(a: Partial<DValidation['errorAlert']>) {
    this.write(a, () => this.change((old) => old && { ...old, errorAlert: { ...old.errorAlert, ...a } }));
  }
  set prompt(p: Partial<DValidation['prompt']>) {
    this.write(p, () => this.change((old) => old && { ...old, prompt: { ...old.prompt, ...p } }));
  }
  clear(): void {
    this.write({ clear: true }, () => this.change(() => undefined));
  }
  private change(f: (old: DValidation | undefined) => DValidation | undefined): void {
    const { sheet, areas } = this.at();
    editable(sheet);
    sheet.validations = changeAreas(sheet.validations, areas, f);
  }
  protected override scalars(): string[] {
    return ['type', 'rule', 'ignoreBlanks', 'errorAlert', 'prompt'];
  }
  protected override raw(prop: string): unknown {
    const { sheet, areas } = this.at();
    const { type, v } = readAreas(sheet.validations, areas);
    switch (prop) {
      case 'type': return type;
      // Over cells of different rules, or none, Excel tells no rule.
      case 'rule': return v ? v.rule : {};
      case 'ignoreBlanks': return v?.ignoreBlanks ?? true;
      case 'errorAlert': return v?.errorAlert ?? { message: '', showAlert: true, style: 'Stop', title: '' };
      case 'prompt': return v?.prompt ?? { message: '', showPrompt: false, title: '' };
      default: return undefined;
    }
  }
}

class RangeAreas extends Proxy {
  readonly format: RangeFormat;
  readonly dataValidation: DataValidation;
  constructor(
    ctx: DoubleContext,
    private readonly resolveSheet: () => DSheet | null,
    private readonly fixed: RangeRef[] | null,
    private readonly found?: () => RangeRef[],
  ) {
    super(ctx);
    const cells: Cells = () => {
      const sheet = this.sheet();
      return this.list().flatMap((a) => {
        const out: Array<{ sheet: DSheet; r: number; c: number }> = [];
        for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) out.push({ sheet, r, c });
        return out;
      });
    };
    this.format = new RangeFormat(ctx, cells, () => {
      throw new DoubleApiError('InvalidOperation', 'column widths over RangeAreas are not supported by the double');
    });
    this.dataValidation = new DataValidation(ctx, () => ({ sheet: this.sheet(), areas: this.list() }));
  }
  private sheet(): DSheet {
    const s = this.resolveSheet();
    if (!s) throw new DoubleApiError('ItemNotFound', 'a null object was used');
    return s;
  }
  private list(): RangeRef[] {
    return this.fixed ?? this.found?.() ?? [];
  }
  /** Selects every area at once; the selection then reads as their addresses joined by commas, as Excel writes a RangeAreas. */
  select(): void {
    this.write({ select: true }, () => {
      const sheet = this.sheet();
      this.ctx.state.active = sheet.name;
      this.ctx.state.selection = this.list()
        .map((a) => (a.top === a.bottom && a.left === a.right ? cellAddress(a.top, a.left) : `${cellAddress(a.top, a.left)}:${cellAddress(a.bottom, a.right)}`))
        .join(',');
    });
  }
  get isNullObject(): boolean { return this.get('isNullObject'); }
  get areas(): { items: Array<{ address: string }> } { return this.get('areas'); }
  get address(): string { return this.get('address'); }
  protected override raw(prop: string): unknown {
    const list = this.list();
    const name = this.resolveSheet()?.name ?? '';
    const addr = (m: RangeRef) => `${quote(name)}!${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`;
    if (prop === 'isNullObject') return list.length === 0;
    if (prop === 'areas') return { items: list.map((m) => ({ address: addr(m) })) };
    if (prop === 'address') return list.map(addr).join(',');
    return undefined;
  }
}

class ConditionalFormatCollection extends Proxy {
  constructor(ctx: DoubleContext, private readonly target: () => { sheet: DSheet; area: RangeRef }) {
    super(ctx);
  }
  get items(): ConditionalFormat[] { return this.get('items'); }
  protected override raw(prop: string): unknown {
    if (prop !== 'items') return undefined;
    const { sheet, area } = this.target();
    return sheet.formats
      .filter((f) => f.range.split(/[ ,]+/).some((part) => overlaps(areaOf(part), area)))
      .map((f) => new ConditionalFormat(this.ctx, sheet, f.id));
  }
  getCount(): ClientResult<number> {
    return new ClientResult(this.ctx, () => (this.raw('items') as unknown[]).length);
  }
  add(type: string): ConditionalFormat {
    if (type !== 'Custom') throw new DoubleApiError('InvalidArgument', 'the double knows custom formats only');
    const id = this.ctx.formatId();
    let at: DSheet | undefined;
    this.write({ add: type }, () => {
      const { sheet, area } = this.target();
      editable(sheet);
      at = sheet;
      // "Adds a new conditional format to the collection at the first/top priority."
      sheet.formats.unshift({ id, range: area.top === area.bottom && area.left === area.right ? cellAddress(area.top, area.left) : `${cellAddress(area.top, area.left)}:${cellAddress(area.bottom, area.right)}`, formula: '', fill: null, font: null, priority: 0 });
      renumber(sheet);
    });
    return new ConditionalFormat(this.ctx, () => at, id);
  }
}

function overlaps(a: RangeRef, b: RangeRef): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

class ConditionalFormat extends Proxy {
  readonly custom: CustomFormat;
  private readonly at: () => DSheet | undefined;
  constructor(ctx: DoubleContext, sheet: DSheet | (() => DSheet | undefined), readonly id: number) {
    super(ctx);
    this.at = typeof sheet === 'function' ? sheet : () => sheet;
    this.custom = new CustomFormat(ctx, () => this.model());
  }
  model(): DFormat {
    const f = this.at()?.formats.find((x) => x.id === this.id);
    if (!f) throw new DoubleApiError('ItemNotFound', 'the conditional format is gone');
    return f;
  }
  get type(): string { return this.get('type'); }
  get priority(): number { return this.get('priority'); }
  /** A position in the sheet's list, 0 first; the others move to make room. */
  set priority(p: number) {
    this.write({ priority: p }, () => {
      const f = this.model();
      const sheet = editable(this.at() as DSheet);
      const rest = sheet.formats.filter((x) => x !== f);
      rest.splice(Math.max(0, Math.min(p, rest.length)), 0, f);
      sheet.formats = rest;
      renumber(sheet);
    });
  }
  delete(): void {
    this.write({ delete: this.id }, () => {
      const sheet = this.at();
      if (!sheet) return;
      editable(sheet);
      sheet.formats = sheet.formats.filter((f) => f.id !== this.id);
      renumber(sheet);
    });
  }
  private parts(): string[] {
    return this.model().range.split(/[ ,]+/).filter(Boolean);
  }
  /** Throws, when the batch runs, for a format that applies to several ranges. */
  getRange(): Range {
    return new Range(this.ctx, () => this.at() ?? null, () => {
      const parts = this.parts();
      if (parts.length > 1) throw new DoubleApiError('InvalidOperation', `the conditional format applies to ${parts.length} ranges`);
      return areaOf(parts[0] as string);
    });
  }
  getRangeOrNullObject(): Range {
    return new Range(this.ctx, () => this.at() ?? null, () => {
      const parts = this.parts();
      return parts.length === 1 ? areaOf(parts[0] as string) : null;
    });
  }
  getRanges(): RangeAreas {
    return new RangeAreas(this.ctx, () => this.at() ?? null, null, () => this.parts().map(areaOf));
  }
  protected override scalars(): string[] {
    return ['type', 'priority'];
  }
  protected override raw(prop: string): unknown {
    if (prop === 'type') return 'Custom';
    if (prop === 'priority') return (this.at()?.formats ?? []).indexOf(this.model());
    return undefined;
  }
}

class CustomFormat {
  readonly rule: { formula: string; load(p?: string): unknown };
  readonly format: { fill: { color: string }; font: { color: string } };
  constructor(ctx: DoubleContext, model: () => DFormat) {
    const rule = new (class extends Proxy {
      get formula(): string { return this.get('formula'); }
      set formula(f: string) { this.write({ formula: f }, () => { model().formula = f; }); }
      protected override scalars(): string[] { return ['formula']; }
      protected override raw(prop: string): unknown { return prop === 'formula' ? model().formula : undefined; }
    })(ctx);
    this.rule = rule;
    const color = (key: 'fill' | 'font') =>
      new (class extends Proxy {
        get color(): string { return this.get('color'); }
        set color(c: string) { this.write({ color: c }, () => { model()[key] = c.replace('#', '').toUpperCase(); }); }
        protected override scalars(): string[] { return ['color']; }
        protected override raw(prop: string): unknown { return prop === 'color' ? (model()[key] ? `#${model()[key]}` : null) : undefined; }
      })(ctx);
    this.format = { fill: color('fill'), font: color('font') };
  }
}

class NamedItemCollection extends Proxy {
  get items(): NamedItem[] { return this.get('items'); }
  protected override raw(prop: string): unknown {
    return prop === 'items' ? [...this.ctx.state.names.keys()].map((n) => new NamedItem(this.ctx, n)) : undefined;
  }
  add(name: string, reference: string): NamedItem {
    this.write({ name, reference }, () => {
      if (this.ctx.state.names.has(name)) throw new DoubleApiError('ItemAlreadyExists', `a name "${name}" exists`);
      this.ctx.state.names.set(name, reference.startsWith('=') ? reference : `=${reference}`);
    });
    return new NamedItem(this.ctx, name);
  }
  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(this.ctx, name);
  }
}

class NamedItem extends Proxy {
  constructor(ctx: DoubleContext, private readonly key: string) {
    super(ctx);
  }
  get isNullObject(): boolean { return this.get('isNullObject'); }
  get name(): string { return this.get('name'); }
  get formula(): string { return this.get('formula'); }
  delete(): void {
    this.write({ delete: this.key }, () => {
      if (!this.ctx.state.names.delete(this.key)) throw new DoubleApiError('ItemNotFound', `no name "${this.key}"`);
    });
  }
  protected override scalars(): string[] {
    return ['name', 'formula'];
  }
  protected override raw(prop: string): unknown {
    const f = this.ctx.state.names.get(this.key);
    if (prop === 'isNullObject') return f === undefined;
    if (prop === 'name') return f === undefined ? null : this.key;
    if (prop === 'formula') return f ?? null;
    return undefined;
  }
}

