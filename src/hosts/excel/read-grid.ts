/// <reference types="office-js" />
/**
 * Office.js → Grids, in a fixed number of `context.sync()` calls for ordinary workbooks (Excel on
 * the web pays a round trip for each): 1) the sheets, 2) each used range's size and merged areas,
 * 3) the cells of every sheet that fits in one request. A sheet too large for one request is read in
 * row chunks, each under the request payload limit.
 */
import type { Cell, CellValue, Grid, RangeRef } from '../../core/grid';
import { parseRange } from '../../core/grid';
import { serialToIso } from '../../core/dates';

/** Cells per request: at a few hundred bytes per cell for five arrays, this stays well under 5 MB. */
export const CELLS_PER_REQUEST = 8000;

const CELL_PROPERTIES = ['values', 'text', 'numberFormat', 'formulas', 'valueTypes'] as const;

interface SheetPlan {
  ws: Excel.Worksheet;
  name: string;
  visibility: string;
  used: Excel.Range;
  merged: Excel.RangeAreas;
}

interface Block {
  sheet: number;
  top: number;
  left: number;
  range: Excel.Range;
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

export async function readGrids(context: Excel.RequestContext): Promise<Grid[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  await context.sync();

  const plans: SheetPlan[] = sheets.items.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('isNullObject,address,rowIndex,columnIndex,rowCount,columnCount');
    const merged = used.getMergedAreasOrNullObject();
    merged.load('isNullObject,areas/items/address');
    return { ws, name: ws.name, visibility: ws.visibility, used, merged };
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
  const blocks: Block[][] = [];
  plans.forEach((p, i) => {
    const g = grids[i] as Grid;
    if (p.used.isNullObject) return;
    const top = p.used.rowIndex + 1;
    const left = p.used.columnIndex + 1;
    g.rowCount = p.used.rowIndex + p.used.rowCount;
    g.colCount = p.used.columnIndex + p.used.columnCount;
    if (!p.merged.isNullObject) {
      g.merges = p.merged.areas.items.map((a): RangeRef => parseRange(a.address.slice(a.address.lastIndexOf('!') + 1)));
    }
    const rowsPerBlock = Math.max(1, Math.floor(CELLS_PER_REQUEST / p.used.columnCount));
    for (let r = 0; r < p.used.rowCount; r += rowsPerBlock) {
      const n = Math.min(rowsPerBlock, p.used.rowCount - r);
      const range = p.ws.getRangeByIndexes(p.used.rowIndex + r, p.used.columnIndex, n, p.used.columnCount);
      (blocks[r / rowsPerBlock] ??= []).push({ sheet: i, top: top + r, left, range });
    }
  });

  // Round k reads the k-th block of every sheet: small sheets all come in the first round.
  for (const round of blocks) {
    for (const b of round) b.range.load(CELL_PROPERTIES.join(','));
    await context.sync();
    for (const b of round) {
      const g = grids[b.sheet] as Grid;
      const { values, text, numberFormat, formulas, valueTypes } = b.range;
      values.forEach((line, i) => {
        let out: Array<Cell | undefined> | undefined;
        line.forEach((value, j) => {
          const cell = toCell(value, String(text[i]?.[j] ?? ''), String(numberFormat[i]?.[j] ?? 'General'), formulas[i]?.[j], String(valueTypes[i]?.[j] ?? 'Empty'));
          if (cell) (out ??= [])[b.left - 1 + j] = cell;
        });
        if (out) g.rows[b.top - 1 + i] = out;
      });
    }
  }
  return grids;
}
