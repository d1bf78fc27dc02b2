/// <reference types="office-js" />
/**
 * Office.js → Grids, in a fixed number of `context.sync()` calls for ordinary workbooks (Excel on
 * the web pays a round trip for each): 1) the sheets, 2) each used range's size, 3) the cells of
 * every sheet, with its merged areas and its rows' and columns' hidden state, as long as they fit in
 * one request. Larger sheets are read in row blocks, packed into rounds that each stay under the
 * payload limit. The add-in's own sheets hold long JSON text in column A and are read by values only,
 * a few rows at a time.
 */
import type { Cell, CellValue, Grid, RangeRef } from '../../core/grid';
import { emphasisOf, localAddress, loneCells, parseRange } from '../../core/grid';
import { serialToIso } from '../../core/dates';
import { OWN_SHEETS } from '../../core/plan/user-view';
import { ANCHOR_COLUMN, ANCHOR_ROWS, ANCHORS_PER_ROW } from '../../core/plan/anchors';
import { JOURNAL_SHEET } from '../../core/plan/journal';
import type { Capabilities } from './requirements';

/** Cells per request: at about 75 bytes per cell for five arrays (measured on the double), 1.5 MB, a third of the limit. */
export const CELLS_PER_REQUEST = 20000;
/**
 * Cells per merged-areas call: Excel fails `getMergedAreasOrNullObject` over 512 merged areas, and
 * a merged area has at least two cells, so a band of 1,024 cells cannot hold more than 512. Bands
 * part the areas by their top-left cell, which is what Excel reports them by (office-js#3611).
 */
export const MERGE_BAND_CELLS = 1024;
/** Rows of an own sheet per request: each holds up to 30 000 characters of JSON (90 kB in UTF-8). */
export const OWN_ROWS_PER_REQUEST = 40;

const CELL_PROPERTIES = ['values', 'text', 'numberFormat', 'formulas', 'valueTypes'] as const;

interface SheetPlan {
  ws: Excel.Worksheet;
  name: string;
  visibility: string;
  used: Excel.Range;
}

interface Block {
  sheet: number;
  top: number;
  left: number;
  /** Made when its round is queued, again if the round is split. */
  range: Excel.Range;
  cols: number;
  /** Requests' worth of this block, in cells of an ordinary sheet. */
  weight: number;
  own: boolean;
  /** A block of the journal's anchors (column B), read by formulas. */
  anchors?: boolean;
  /** The first block of a sheet also reads its columns' hidden state. */
  first: boolean;
  rows: number;
  rowProps?: OfficeExtension.ClientResult<Excel.RowProperties[]>;
  /** The merged areas whose top-left cell is in this block, in bands under Excel's cap. */
  merged?: Excel.RangeAreas[];
  colProps?: OfficeExtension.ClientResult<Excel.ColumnProperties[]>;
}

function isDateFormat(format: string): boolean {
  // Quoted literals and colours say nothing about dates; y, m, d tokens do.
  const f = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return f !== 'General' && /[yd]|m{1,4}(?![^;]*[hs])/i.test(f) && !/^[#0.,%\s]+$/.test(f);
}

function toCell(value: unknown, text: string, format: string, formula: unknown, type: string): Cell | undefined {
  if (type === 'Empty' && !(typeof formula === 'string' && formula.startsWith('='))) return undefined;
  let v: CellValue;
  if (type === 'Error') v = { kind: 'error', value: String(value) };
  else if (typeof value === 'boolean') v = { kind: 'boolean', value };
  else if (typeof value === 'number') {
    const iso = isDateFormat(format) ? serialToIso(value) : null;
    v = iso ? { kind: 'date', value: iso, serial: value } : { kind: 'number', value };
  } else v = { kind: 'string', value: String(value ?? '') };
  const cell: Cell = { value: v, text: v.kind === 'date' ? v.value : text };
  if (format && format !== 'General') cell.format = format;
  if (typeof formula === 'string' && formula.startsWith('=')) cell.formula = formula.slice(1);
  return cell;
}

export interface ReadOptions {
  caps?: Capabilities;
  /** Told after each round trip: `done` of `total`. */
  onProgress?: (done: number, total: number) => void;
}

/** Every sheet, the add-in's own included (their cells hold the JSON text of column A). */
export async function readGrids(context: Excel.RequestContext, o: ReadOptions = {}): Promise<Grid[]> {
  const caps = o.caps ?? { areas: true, merges: true };
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  await context.sync();

  const plans: SheetPlan[] = sheets.items.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('isNullObject,address,rowIndex,columnIndex,rowCount,columnCount');
    return { ws, name: ws.name, visibility: ws.visibility, used };
  });
  await context.sync();

  const grids: Grid[] = plans.map((p) => ({
    name: p.name,
    rowCount: 0,
    colCount: 0,
    rows: [],
    merges: [],
    hiddenRows: [],
    hiddenCols: [],
    ...(p.visibility !== 'Visible' ? { visibility: p.visibility === 'VeryHidden' ? ('veryHidden' as const) : ('hidden' as const) } : {}),
  }));
  // Blocks of rows to read: a whole small sheet in one, a large one in row chunks.
  const blocks: Block[] = [];
  plans.forEach((p, i) => {
    const g = grids[i] as Grid;
    if (p.used.isNullObject) return;
    const own = OWN_SHEETS.includes(p.name);
    const top = p.used.rowIndex + 1;
    const left = own ? 1 : p.used.columnIndex + 1;
    g.rowCount = p.used.rowIndex + p.used.rowCount;
    g.colCount = own ? 1 : p.used.columnIndex + p.used.columnCount;
    const cols = own ? 1 : p.used.columnCount;
    const rowsPerBlock = own ? OWN_ROWS_PER_REQUEST : Math.max(1, Math.floor(CELLS_PER_REQUEST / cols));
    for (let r = 0; r < p.used.rowCount; r += rowsPerBlock) {
      const n = Math.min(rowsPerBlock, p.used.rowCount - r);
      const weight = own ? (n * CELLS_PER_REQUEST) / OWN_ROWS_PER_REQUEST : n * cols;
      blocks.push({ sheet: i, top: top + r, left, cols, range: NOT_YET, weight, own, first: r === 0, rows: n });
    }
    // The journal's anchors beside its text: short formulas, in rows as wide as a request allows.
    const width = Math.min(ANCHORS_PER_ROW, p.used.columnIndex + p.used.columnCount - (ANCHOR_COLUMN - 1));
    if (p.name === JOURNAL_SHEET && width > 0) {
      const rows = Math.min(ANCHOR_ROWS, p.used.rowIndex + p.used.rowCount);
      const per = Math.max(1, Math.floor(CELLS_PER_REQUEST / width));
      for (let r = 0; r < rows; r += per) {
        const n = Math.min(per, rows - r);
        blocks.push({ sheet: i, top: r + 1, left: ANCHOR_COLUMN, cols: width, range: NOT_YET, weight: n * width, own, anchors: true, first: false, rows: n });
      }
    }
  });

  // Rounds of blocks under one request's worth: all small sheets come in the first.
  const rounds: Block[][] = [];
  let load = Infinity;
  for (const b of blocks) {
    if (load + b.weight > CELLS_PER_REQUEST) {
      rounds.push([]);
      load = 0;
    }
    (rounds[rounds.length - 1] as Block[]).push(b);
    load += b.weight;
  }

  let total = rounds.length + 2;
  o.onProgress?.(2, total);
  for (let k = 0; k < rounds.length; k++) {
    const round = rounds[k] as Block[];
    for (const b of round) {
      b.range = (plans[b.sheet] as SheetPlan).ws.getRangeByIndexes(b.top - 1, b.left - 1, b.rows, b.cols);
      b.range.load(b.anchors ? 'formulas' : b.own ? 'values' : CELL_PROPERTIES.join(','));
      if (!b.own && !b.anchors) b.merged = mergeBands(plans[b.sheet] as SheetPlan, b, caps.merges);
      if (caps.areas && !b.own && !b.anchors) {
        // Excel returns only the keys asked for: without rowIndex every hidden row would read as row 1.
        b.rowProps = b.range.getRowProperties({ rowIndex: true, rowHidden: true });
        if (b.first) b.colProps = b.range.getColumnProperties({ columnIndex: true, columnHidden: true });
      }
    }
    try {
      await context.sync();
    } catch (e) {
      // Cells' sizes are known only once read: a round over Excel's payload limit (long texts come
      // back in values, text and formulas) is read again in halves, which a read can be.
      const halves = isPayloadError(e) ? splitRound(round) : null;
      if (!halves) throw e;
      halves.forEach((h, i) => rounds.splice(k + 1 + i, 0, h));
      total += halves.length - 1;
      continue;
    }
    for (const b of round) {
      const g = grids[b.sheet] as Grid;
      if (b.anchors) readAnchors(g, b);
      else if (b.own) readOwn(g, b);
      else readCells(g, b);
    }
    // The fonts' request after the rounds is counted in the total from the last round on.
    o.onProgress?.(k + 3, k === rounds.length - 1 ? total + 1 : total);
  }
  if (await readLoneFonts(context, plans, grids)) o.onProgress?.(total + 1, total + 1);
  else o.onProgress?.(total, total);
  return grids;
}

/**
 * The fonts of the cells alone on their rows (`loneCells`), which tell a title from the lines
 * around it, in one more request for every sheet; measured against 11-point body text.
 */
async function readLoneFonts(context: Excel.RequestContext, plans: readonly SheetPlan[], grids: Grid[]): Promise<boolean> {
  const loads: Array<{ cell: Cell; font: Excel.RangeFont }> = [];
  plans.forEach((p, i) => {
    const g = grids[i] as Grid;
    // Every host says it read the fonts, of an empty sheet and of the add-in's own too (nothing stands out there).
    g.fonts = true;
    if (p.used.isNullObject || OWN_SHEETS.includes(p.name)) return;
    for (const { row, col } of loneCells(g)) {
      const cell = g.rows[row - 1]?.[col - 1];
      if (!cell) continue;
      const font = p.ws.getCell(row - 1, col - 1).format.font;
      font.load('bold,size');
      loads.push({ cell, font });
    }
  });
  if (loads.length === 0) return false;
  await context.sync();
  for (const { cell, font } of loads) {
    const e = emphasisOf(font.bold === true, font.size);
    if (e > 0) cell.emphasis = e;
  }
  return true;
}

/** A stand-in until the block's round is queued. */
const NOT_YET = undefined as unknown as Excel.Range;

export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

/** A round as two, each block cut in two by rows; null when it is one row and cannot be cut. */
function splitRound(round: Block[]): Block[][] | null {
  if (round.length > 1) return [round.slice(0, Math.ceil(round.length / 2)), round.slice(Math.ceil(round.length / 2))];
  const b = round[0];
  if (!b || b.rows < 2) return null;
  const n = Math.ceil(b.rows / 2);
  const fresh = (top: number, rows: number, first: boolean): Block => ({ ...b, top, rows, first, range: NOT_YET, weight: (b.weight * rows) / b.rows, merged: undefined, rowProps: undefined, colProps: undefined });
  return [[fresh(b.top, n, b.first)], [fresh(b.top + n, b.rows - n, false)]];
}

/** Queues the merged-areas calls of a block's rows, each over at most MERGE_BAND_CELLS cells. */
function mergeBands(p: SheetPlan, b: Block, merges: boolean): Excel.RangeAreas[] {
  const cols = p.used.columnCount;
  const rows = b.rows;
  const per = Math.max(1, Math.floor(MERGE_BAND_CELLS / cols));
  const out: Excel.RangeAreas[] = [];
  for (let r = 0; r < rows; r += per) {
    const band = p.ws.getRangeByIndexes(b.top - 1 + r, p.used.columnIndex, Math.min(per, rows - r), cols);
    // ExcelApi 1.13: the guard is here, where the call is, for test/hosts/excel-api-sets.test.ts.
    if (merges) out.push(band.getMergedAreasOrNullObject().load('isNullObject,areas/items/address'));
  }
  return out;
}

function readOwn(g: Grid, b: Block): void {
  b.range.values.forEach((line, i) => {
    const v = line[0];
    if (typeof v === 'string' && v !== '') g.rows[b.top - 1 + i] = [{ value: { kind: 'string', value: v }, text: v }];
  });
}

function readAnchors(g: Grid, b: Block): void {
  b.range.formulas.forEach((line, i) =>
    line.forEach((f, j) => {
      if (typeof f !== 'string' || !f.startsWith('=')) return;
      const row = (g.rows[b.top - 1 + i] ??= []);
      row[b.left - 1 + j] = { value: { kind: 'string', value: '' }, text: '', formula: f.slice(1) };
    }),
  );
}

function readCells(g: Grid, b: Block): void {
  const { values, text, numberFormat, formulas, valueTypes } = b.range;
  values.forEach((line, i) => {
    let out: Array<Cell | undefined> | undefined;
    line.forEach((value, j) => {
      const cell = toCell(value, String(text[i]?.[j] ?? ''), String(numberFormat[i]?.[j] ?? 'General'), formulas[i]?.[j], String(valueTypes[i]?.[j] ?? 'Empty'));
      if (cell) (out ??= [])[b.left - 1 + j] = cell;
    });
    if (out) g.rows[b.top - 1 + i] = out;
  });
  for (const r of b.rowProps?.value ?? []) if (r.rowHidden) g.hiddenRows.push((r.rowIndex ?? 0) + 1);
  for (const c of b.colProps?.value ?? []) if (c.columnHidden) g.hiddenCols.push((c.columnIndex ?? 0) + 1);
  for (const m of b.merged ?? []) {
    if (m.isNullObject) continue;
    for (const a of m.areas.items) g.merges.push(parseRange(localAddress(a.address)) satisfies RangeRef);
  }
}
