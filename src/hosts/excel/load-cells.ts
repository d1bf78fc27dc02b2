/**
 * Loading what many cells hold before they are written: values, formulas, number formats and value
 * types by runs of a column, fill and bold by `getCellProperties` over the same runs (ExcelApi 1.9),
 * or cell by cell in the same batch without it. Large sets go in parts, each under the payload limit.
 */
import { cellAddress } from '../../core/grid';
import type { OfficeCell } from './before-image';
import { columnRuns, REQUEST_BUDGET, size } from './batch';
import { isPayloadError } from './read-grid';

/** Cells per load request: a cell costs about 150 bytes for its four arrays and its properties. */
export const LOAD_CELLS_PER_REQUEST = 20_000;
/**
 * Cells of the first part, which carries what the caller queued before it and so cannot be asked
 * again: at 1,000 cells it stays under the limit unless they average over 800 characters.
 */
export const FIRST_PART_CELLS = 1_000;

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

type Piece = { sheet: string; ws: Excel.Worksheet; run: { address: string; top: number; bottom: number; col: number } };

/** The first `n` cells of a run, and the rest (null when none is left). */
function cut(p: Piece, n: number): [Piece, Piece | null] {
  const { run } = p;
  if (run.bottom - run.top + 1 <= n) return [p, null];
  const at = run.top + n;
  const part = (top: number, bottom: number): Piece => ({ ...p, run: { col: run.col, top, bottom, address: top === bottom ? cellAddress(top, run.col) : `${cellAddress(top, run.col)}:${cellAddress(bottom, run.col)}` } });
  return [part(run.top, at - 1), part(at, run.bottom)];
}

/**
 * Queues the loads of every cell named, per sheet; `sync` is called between parts and once at the
 * end, so anything queued before rides with the first part, which is kept small (FIRST_PART_CELLS).
 * What cells hold is known only once read: each part is sized by the bytes a cell of the parts before
 * took (long texts come back in values and formulas), and one whose answer still passes the payload
 * limit is loaded again in halves; loads change nothing, so asking again is safe. Returns the cells by sheet and address.
 */
export async function loadCells(
  context: Excel.RequestContext,
  sheets: ReadonlyMap<string, { ws: Excel.Worksheet; cells: Iterable<string> }>,
  areas: boolean,
): Promise<Map<string, Map<string, OfficeCell>>> {
  const out = new Map<string, Map<string, OfficeCell>>();
  const todo: Piece[] = [];
  for (const [sheet, { ws, cells }] of sheets) for (const run of columnRuns(cells)) todo.push({ sheet, ws, run });
  let per = LOAD_CELLS_PER_REQUEST;
  let first = true;
  /** Bytes a cell took at most, on average over a part, in what was loaded so far. */
  let widest = 0;
  do {
    // The next part: up to its share of cells, a long run cut where the share ends.
    const part: Piece[] = [];
    const share = first ? Math.min(per, FIRST_PART_CELLS) : per;
    let room = share;
    while (room > 0 && todo.length > 0) {
      const [head, rest] = cut(todo.shift() as Piece, room);
      if (rest) todo.unshift(rest);
      part.push(head);
      room -= head.run.bottom - head.run.top + 1;
    }
    const reads = part.map((p) => ({ sheet: p.sheet, read: queueRun(p.ws, p.run, areas) }));
    const cells = share - room;
    try {
      await context.sync();
    } catch (e) {
      if (first || !isPayloadError(e) || cells <= 1) throw e;
      for (let k = part.length - 1; k >= 0; k--) todo.unshift(part[k] as (typeof part)[number]);
      per = Math.max(1, Math.floor(cells / 2));
      continue;
    }
    first = false;
    let bytes = 0;
    for (const p of reads) {
      const m = out.get(p.sheet) ?? new Map<string, OfficeCell>();
      const got = p.read();
      bytes += size(got);
      for (const [a, c] of got) m.set(a, c);
      out.set(p.sheet, m);
    }
    // The next parts sized by what a cell of this one took, so that they stay under the limit.
    widest = Math.max(widest, bytes / Math.max(1, cells));
    per = Math.max(1, Math.min(LOAD_CELLS_PER_REQUEST, Math.floor(REQUEST_BUDGET / widest)));
  } while (todo.length > 0);
  return out;
}
