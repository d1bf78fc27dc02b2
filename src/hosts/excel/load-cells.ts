/**
 * Loading what many cells hold before they are written: values, formulas, number formats and value
 * types by runs of a column, fill and bold by `getCellProperties` over the same runs (ExcelApi 1.9),
 * or cell by cell in the same batch without it. Large sets go in parts, each under the payload limit.
 */
import { cellAddress } from '../../core/grid';
import type { OfficeCell } from './before-image';
import { columnRuns } from './batch';

/** Cells per load request: a cell costs about 150 bytes for its four arrays and its properties. */
export const LOAD_CELLS_PER_REQUEST = 20_000;

type Read = () => Array<[string, OfficeCell]>;

function queueRun(ws: Excel.Worksheet, run: { address: string; top: number; bottom: number; col: number }, areas: boolean): Read {
  const range = ws.getRange(run.address);
  range.load('values,formulas,numberFormat,valueTypes');
  const props = areas ? range.getCellProperties({ format: { fill: { color: true, pattern: true }, font: { bold: true } } }) : null;
  // Without cell properties: one format load per cell, still in this batch; white reads as no fill.
  const each = areas
    ? null
    : Array.from({ length: run.bottom - run.top + 1 }, (_, i) => {
        const f = ws.getRange(cellAddress(run.top + i, run.col)).format;
        f.fill.load('color');
        f.font.load('bold');
        return f;
      });
  return () =>
    Array.from({ length: run.bottom - run.top + 1 }, (_, i): [string, OfficeCell] => {
      const p = props?.value[i]?.[0]?.format;
      const color = p ? p.fill?.color : each?.[i]?.fill.color;
      const none = p ? p.fill?.pattern === 'None' : !color || color.toUpperCase() === '#FFFFFF';
      return [
        cellAddress(run.top + i, run.col),
        {
          value: range.values[i]?.[0],
          formula: range.formulas[i]?.[0],
          numberFormat: String(range.numberFormat[i]?.[0] ?? 'General'),
          valueType: String(range.valueTypes[i]?.[0] ?? 'Empty'),
          fill: none || !color ? null : color.toUpperCase(),
          bold: (p ? p.font?.bold : each?.[i]?.font.bold) === true,
        },
      ];
    });
}

/** A run longer than one request is loaded in pieces. */
function split(run: { address: string; top: number; bottom: number; col: number }) {
  const out: Array<{ address: string; top: number; bottom: number; col: number }> = [];
  for (let top = run.top; top <= run.bottom; top += LOAD_CELLS_PER_REQUEST) {
    const bottom = Math.min(run.bottom, top + LOAD_CELLS_PER_REQUEST - 1);
    out.push({ col: run.col, top, bottom, address: `${cellAddress(top, run.col)}:${cellAddress(bottom, run.col)}` });
  }
  return out;
}

/**
 * Queues the loads of every cell named, per sheet; `sync` is called between parts and once at the
 * end, so anything queued before rides with the first part. Returns the cells by sheet and address.
 */
export async function loadCells(
  context: Excel.RequestContext,
  sheets: ReadonlyMap<string, { ws: Excel.Worksheet; cells: Iterable<string> }>,
  areas: boolean,
): Promise<Map<string, Map<string, OfficeCell>>> {
  const out = new Map<string, Map<string, OfficeCell>>();
  let pending: Array<{ sheet: string; read: Read }> = [];
  let count = 0;
  const drain = async () => {
    await context.sync();
    for (const p of pending) {
      const m = out.get(p.sheet) ?? new Map<string, OfficeCell>();
      for (const [a, c] of p.read()) m.set(a, c);
      out.set(p.sheet, m);
    }
    pending = [];
    count = 0;
  };
  for (const [sheet, { ws, cells }] of sheets) {
    for (const run of columnRuns(cells).flatMap(split)) {
      const n = run.bottom - run.top + 1;
      if (count > 0 && count + n > LOAD_CELLS_PER_REQUEST) await drain();
      pending.push({ sheet, read: queueRun(ws, run, areas) });
      count += n;
    }
  }
  await drain();
  return out;
}
