/**
 * Writing many cells in few requests: values, formulas and number formats go by runs of adjacent
 * cells in a column (one 2-D array per run), bold and fills by RangeAreas of all the cells that take
 * the same look (`getRanges("K5:K9,K12")`), or, without ExcelApi 1.9, by run in the same batch.
 * A batch that would outgrow the request limit is sent in parts, and a run whose values alone would
 * (20,000 long texts down a column) is cut by bytes into runs that each fit.
 */
import { cellAddress, parseCell } from '../../core/grid';
import type { CellWrite } from './before-image';

/** What one request may carry, well under Excel on the web's 5 MB. */
export const REQUEST_BUDGET = 4_000_000;
/** RangeAreas addresses are kept short: Excel rejects very long ones. */
const AREAS_ADDRESS_LIMIT = 2000;

export interface Run {
  col: number;
  top: number;
  bottom: number;
  address: string;
}

/** Adjacent cells of one column, in column then row order. */
export function columnRuns(cells: Iterable<string>): Run[] {
  const refs = [...new Set(cells)].map(parseCell).sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: Run[] = [];
  for (const r of refs) {
    const last = runs[runs.length - 1];
    if (last && last.col === r.col && last.bottom === r.row - 1) last.bottom = r.row;
    else runs.push({ col: r.col, top: r.row, bottom: r.row, address: '' });
  }
  for (const r of runs) r.address = r.top === r.bottom ? cellAddress(r.top, r.col) : `${cellAddress(r.top, r.col)}:${cellAddress(r.bottom, r.col)}`;
  return runs;
}

/** Address lists for `getRanges`, each under the length Excel accepts. */
export function areaAddresses(cells: Iterable<string>): string[] {
  const out: string[] = [];
  let cur = '';
  for (const r of columnRuns(cells)) {
    if (cur && cur.length + r.address.length + 1 > AREAS_ADDRESS_LIMIT) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${r.address}` : r.address;
  }
  if (cur) out.push(cur);
  return out;
}

/** A cell address as runs and loads spell it (`$K$2`, `k2` → `K2`). */
export function normalCell(address: string): string {
  const { row, col } = parseCell(address);
  return cellAddress(row, col);
}

/** Queues writes and sends them when the next would pass the request budget. */
export class Batch {
  private pending = 0;
  syncs = 0;
  constructor(private readonly context: Excel.RequestContext, readonly budget = REQUEST_BUDGET) {}

  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.flush();
    queue();
    this.pending += bytes;
  }

  async flush(): Promise<void> {
    if (this.pending === 0) return;
    await this.context.sync();
    this.syncs++;
    this.pending = 0;
  }
}

/** Bytes a value takes in a request, at most: its JSON, three bytes a character (UTF-8 of CJK). */
export const size = (v: unknown): number => JSON.stringify(v ?? null).length * 3;

/**
 * A run's cells in pieces whose values each take at most `budget` bytes: rows in order, a piece
 * closed before the row that would pass it (a single row is a piece however large).
 */
export function byBytes<T>(run: Run, value: (row: number) => T, budget: number): Array<{ address: string; m: T[][]; bytes: number }> {
  const out: Array<{ address: string; m: T[][]; bytes: number }> = [];
  let top = run.top;
  let m: T[][] = [];
  let bytes = 6;
  const close = (bottom: number) => {
    const address = top === bottom ? cellAddress(top, run.col) : `${cellAddress(top, run.col)}:${cellAddress(bottom, run.col)}`;
    out.push({ address, m, bytes: bytes + address.length });
  };
  for (let r = run.top; r <= run.bottom; r++) {
    const v = value(r);
    const b = size([v]) + 3;
    if (m.length > 0 && bytes + b > budget) {
      close(r - 1);
      top = r;
      m = [];
      bytes = 6;
    }
    m.push([v]);
    bytes += b;
  }
  if (m.length > 0) close(run.bottom);
  return out;
}

/** Queues the writes of many cells of one sheet, grouped as described above. */
export async function writeCells(batch: Batch, ws: Excel.Worksheet, given: ReadonlyMap<string, CellWrite>, areas: boolean): Promise<void> {
  const writes = new Map([...given].map(([a, w]) => [normalCell(a), w] as const));
  const byRun = async <K extends keyof CellWrite>(key: K, set: (range: Excel.Range, m: Array<Array<NonNullable<CellWrite[K]>>>) => void) => {
    const cells = [...writes].filter(([, w]) => w[key] !== undefined).map(([a]) => a);
    for (const run of columnRuns(cells)) {
      // A quarter of the budget per piece: a request then holds a few pieces, never one over it.
      for (const piece of byBytes(run, (r) => writes.get(cellAddress(r, run.col))?.[key] as NonNullable<CellWrite[K]>, batch.budget / 4)) {
        await batch.add(piece.bytes, () => set(ws.getRange(piece.address), piece.m));
      }
    }
  };
  await byRun('formula', (range, m) => (range.formulas = m as unknown as Array<Array<string | number | boolean>>));
  await byRun('numberFormat', (range, m) => (range.numberFormat = m as unknown as string[][]));

  // Same look, one RangeAreas (or, without it, one range per run).
  const groups = new Map<string, { cells: string[]; apply: (f: Excel.RangeFormat) => void }>();
  for (const [a, w] of writes) {
    if (w.bold !== undefined) {
      const k = `bold:${w.bold}`;
      const bold = w.bold;
      (groups.get(k) ?? groups.set(k, { cells: [], apply: (f) => (f.font.bold = bold) }).get(k))?.cells.push(a);
    }
    if (w.fill !== undefined) {
      const k = `fill:${w.fill}`;
      const fill = w.fill;
      (groups.get(k) ?? groups.set(k, { cells: [], apply: (f) => (fill === null ? f.fill.clear() : (f.fill.color = `#${fill}`)) }).get(k))?.cells.push(a);
    }
  }
  for (const g of groups.values()) {
    const addresses = areas ? areaAddresses(g.cells) : columnRuns(g.cells).map((r) => r.address);
    for (const address of addresses) {
      await batch.add(address.length + 40, () => g.apply(areas ? ws.getRanges(address).format : ws.getRange(address).format));
    }
  }
}
