/**
 * ExcelJS worksheet → Grid: values, displayed text, formats, formulas, merges, hidden rows and
 * columns. Files are read by `./read-package` without ExcelJS; this reads the workbook apply and
 * revert hold in memory (and is the reference the package reader is tested against).
 */
import ExcelJS from 'exceljs';
import type { Cell, CellValue, Grid } from '../../core/grid';
import { emphasisOf, keepLoneEmphasis, parseRange } from '../../core/grid';
import { displayText } from '../../core/grid';
import { dateValue } from './cell-text';


type RawValue = ExcelJS.CellValue | undefined;

function plainValue(raw: RawValue): CellValue | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'number') return Number.isFinite(raw) ? { kind: 'number', value: raw } : undefined;
  if (typeof raw === 'string') return raw === '' ? undefined : { kind: 'string', value: raw };
  if (typeof raw === 'boolean') return { kind: 'boolean', value: raw };
  if (raw instanceof Date) return dateValue(raw);
  if (typeof raw === 'object') {
    if ('richText' in raw && Array.isArray(raw.richText)) {
      const s = raw.richText.map((p) => p.text ?? '').join('');
      return s === '' ? undefined : { kind: 'string', value: s };
    }
    if ('error' in raw && raw.error) return { kind: 'error', value: String(raw.error) };
    if ('hyperlink' in raw && 'text' in raw) return plainValue(raw.text as RawValue);
    if ('formula' in raw || 'sharedFormula' in raw) {
      return plainValue((raw as ExcelJS.CellFormulaValue).result as RawValue);
    }
  }
  return { kind: 'string', value: String(raw) };
}

function readCell(cell: ExcelJS.Cell): Cell | undefined {
  const raw = cell.value as RawValue;
  const isFormula = cell.type === ExcelJS.ValueType.Formula;
  const formula = isFormula ? cell.formula : undefined;
  const value = plainValue(raw);
  if (!value && !formula) return undefined;
  const numFmt = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : undefined;
  // A formula whose cached result is missing still matters: show it as an empty string result.
  const v: CellValue = value ?? { kind: 'string', value: '' };
  const out: Cell = { value: v, text: displayText(v, numFmt) };
  if (numFmt) out.format = numFmt;
  if (formula) out.formula = formula.replace(/^=/, '');
  // As the package reader judges it, against a body text of 11 points.
  const font = cell.font as Partial<ExcelJS.Font> | undefined;
  const emphasis = font ? emphasisOf(font.bold === true, font.size) : 0;
  if (emphasis > 0) out.emphasis = emphasis;
  return out;
}

interface WorksheetInternals {
  _merges?: Record<string, { range?: string; model?: { top: number; left: number; bottom: number; right: number } }>;
}

function readMerges(ws: ExcelJS.Worksheet): Grid['merges'] {
  // `ws.model.merges` would build the whole sheet model; the merge index is all we need.
  const index = (ws as unknown as WorksheetInternals)._merges;
  if (index) {
    return Object.values(index).map((m) => {
      const d = m.model;
      return d ? { top: d.top, left: d.left, bottom: d.bottom, right: d.right } : parseRange(String(m.range));
    });
  }
  return ws.model.merges.map((r) => parseRange(r));
}

export function gridFromWorksheet(ws: ExcelJS.Worksheet): Grid {
  const rows: Grid['rows'] = [];
  const hiddenRows: number[] = [];
  let rowCount = 0;
  let colCount = 0;
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.hidden) hiddenRows.push(r);
    let line: Array<Cell | undefined> | undefined;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const out = readCell(cell);
      if (!out) return;
      (line ??= [])[c - 1] = out;
      if (c > colCount) colCount = c;
      rowCount = r;
    });
    if (line) rows[r - 1] = line;
  });
  const merges = readMerges(ws);
  for (const m of merges) {
    rowCount = Math.max(rowCount, m.bottom);
    colCount = Math.max(colCount, m.right);
  }
  const hiddenCols: number[] = [];
  (ws.columns ?? []).forEach((col, i) => {
    if (col?.hidden) hiddenCols.push(i + 1);
  });
  const grid: Grid = { name: ws.name, rowCount, colCount, rows, merges, hiddenRows, hiddenCols, fonts: true };
  if (ws.state && ws.state !== 'visible') grid.visibility = ws.state;
  keepLoneEmphasis(grid);
  return grid;
}

export function gridsFromWorkbook(wb: ExcelJS.Workbook): Grid[] {
  return wb.worksheets.map(gridFromWorksheet);
}
