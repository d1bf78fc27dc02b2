/**
 * The workbench's workbook, in a Web Worker: reading the .xlsx, the host the pane talks to, the check
 * and the apply, the core's overlay and the grid's view all run here, so that a large workbook never
 * blocks the page (the page keeps the keyboard, the scrolling and the progress bar). The page calls
 * through ./worker-protocol; this file only dispatches and keeps the open workbook.
 */
import type ExcelJS from 'exceljs';
import { appliedSummary, applyWithHost, checkWithHost } from '../hosts/workflow';
import { XlsxWorkbookHost } from '../hosts/xlsx/browser';
import { OpenError } from './document';
import { workbookFromBytes } from './read-workbook';
import { displayedCellOf } from './navigation';
import { splitLarge } from './parts';
import { findingMarks, type FindingMarks } from './finding-marks';
import { computeOverlay, type Overlay } from './overlay';
import { choicesAt, sheetView, tabsOf, DEFAULT_LIMITS } from './render-model';
import { ARGS, CallSchema, HEAD_ROWS, type DocInfo, type DocumentApi, type Method, type Reply, type ViewHead, type WireError } from './worker-protocol';
import type { SheetView } from './render-model';

/** A worker's global scope, as far as this file uses it (the DOM lib types `self` as a window). */
const scope = self as unknown as { postMessage(m: Reply, transfer?: Transferable[]): void; addEventListener(t: 'message', l: (e: MessageEvent) => void): void };
const post = (m: Reply, transfer: Transferable[] = []) => scope.postMessage(m, transfer);

/**
 * The grid renders only the rows in view, so the view holds every row of a large sheet: the page's
 * limit is what a worker can build and send in a few seconds, not what the DOM can hold.
 */
const LIMITS = { ...DEFAULT_LIMITS, maxRows: 100_000 };

interface Open {
  file: string;
  today: string;
  wb: ExcelJS.Workbook;
  host: XlsxWorkbookHost;
  /** The core's reading after the last change; recomputed lazily when a change marks it stale. */
  overlay: Overlay | null;
  stale: boolean;
  /** The last view built, kept until the next change, for the rows the page asks for. */
  built: { version: number; view: SheetView } | null;
  /** The cells the last check or apply found something in, marked in the grid. */
  marks: FindingMarks;
}

/** A new report: its findings' cells are marked, and the page draws the view again (no edit was made). */
function noteReport(d: Open, report: { findings: Parameters<typeof findingMarks>[0]['findings'] }): void {
  d.marks = findingMarks(report);
  d.built = null;
  if (doc === d) post({ kind: 'redraw' });
}

let versions = 0;

/** The view's head: the rows' numbers and heights as typed arrays (a few bytes each), and the first rows. */
function headOf(view: SheetView, version: number): ViewHead {
  const { rows, ...rest } = view;
  const rowNumbers = new Int32Array(rows.length);
  const heights = new Float64Array(rows.length);
  rows.forEach((r, i) => {
    rowNumbers[i] = r.row;
    heights[i] = r.heightPx ?? Number.NaN;
  });
  return { ...rest, version, rowNumbers, heights, first: rows.length <= HEAD_ROWS ? rows : rows.slice(0, HEAD_ROWS / 3) };
}

let doc: Open | null = null;

function current(): Open {
  if (!doc) throw new Error('no workbook is open');
  return doc;
}

async function overlayOf(d: Open): Promise<Overlay | null> {
  if (d.stale) {
    const journal = await d.host.journal();
    const grids = journal ? await d.host.read() : [];
    d.overlay = computeOverlay({ journal, grids, file: d.file, today: d.today });
    d.stale = false;
  }
  return d.overlay;
}

function infoOf(d: Open): DocInfo {
  return { tabs: tabsOf(d.wb), sheets: d.wb.worksheets.map((w) => w.name), counts: d.overlay?.counts ?? null };
}

type Handlers = { [M in Method]: (ctx: { id: number; progress(done: number, total: number): void }, ...args: Parameters<DocumentApi[M]>) => Promise<ReturnType<DocumentApi[M]>> | ReturnType<DocumentApi[M]> };

const handlers: Handlers = {
  async open(ctx, file, bytes, today) {
    // The workbook open so far stays until this one has been read: a file that fails leaves it as it was.
    ctx.progress(0, 3);
    const { wb, grids } = await workbookFromBytes(bytes);
    ctx.progress(2, 3);
    const host = new XlsxWorkbookHost(wb, file, {
      // The page keeps the selection; the worker's host only tells it where to go.
      onSelect: (sheet, cell) => post({ kind: 'select', sheet, cell }),
      grids,
    });
    const d: Open = { file, today, wb, host, overlay: null, stale: true, built: null, marks: new Map() };
    host.onChange(() => {
      d.stale = true;
      d.built = null;
      if (doc === d) post({ kind: 'changed' });
    });
    doc = d;
    await overlayOf(d);
    ctx.progress(3, 3);
    return infoOf(d);
  },
  async view(_ctx, sheet) {
    const d = current();
    const overlay = await overlayOf(d);
    const view = d.built?.view.name === sheet && !d.stale ? d.built.view : sheetView(d.wb, sheet, overlay, LIMITS, d.marks.get(sheet));
    if (!view) return { view: null, info: infoOf(d) };
    if (d.built?.view !== view) d.built = { version: ++versions, view };
    return { view: headOf(view, d.built.version), info: infoOf(d) };
  },
  rows(_ctx, sheet, version, start, end) {
    const b = current().built;
    if (!b || b.version !== version || b.view.name !== sheet) return null;
    return b.view.rows.slice(start, end);
  },
  choices: (_ctx, sheet, row, col) => choicesAt(current().wb, sheet, row, col),
  displayedCell: (_ctx, sheet, a1) => displayedCellOf(current().wb, sheet, a1),
  async save() {
    const buffer = await current().wb.xlsx.writeBuffer();
    // A copy of its own, so that the answer can transfer it.
    return new Uint8Array(buffer as ArrayBuffer).slice().buffer;
  },
  async check(ctx, o) {
    const d = current();
    const r = await checkWithHost(d.host, { ...o, onProgress: ctx.progress });
    noteReport(d, r.report);
    return { report: r.report };
  },
  async applyWorkflow(ctx, o) {
    const d = current();
    const summary = appliedSummary(await applyWithHost(d.host, { ...o, onProgress: ctx.progress }));
    noteReport(d, summary.report);
    return summary;
  },
  isApplied: () => current().host.isApplied(),
  apply: (ctx, plan, settings) => current().host.apply(plan, settings, ctx.progress),
  revert: (ctx) => current().host.revert(ctx.progress),
  loadSettings: () => current().host.loadSettings(),
  saveSettings: (_ctx, s) => current().host.saveSettings(s),
  applyFixes: (_ctx, fixes) => current().host.applyFixes(fixes),
  undoFixes: () => current().host.undoFixes(),
  select: (_ctx, address) => current().host.select(address),
  selectCells: (_ctx, cells) => current().host.selectCells(cells),
  editCell: (_ctx, address, text) => current().host.editCell(address, text),
};

function wireError(e: unknown): WireError {
  if (e instanceof OpenError) return { name: 'OpenError', reason: e.reason, message: e.message };
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

// Calls run one after another, in the order they came: the host's state is that of the last one done.
let queue: Promise<void> = Promise.resolve();

scope.addEventListener('message', (event: MessageEvent) => {
  const call = CallSchema.safeParse(event.data);
  if (!call.success) {
    const id = typeof (event.data as { id?: unknown } | null)?.id === 'number' ? (event.data as { id: number }).id : -1;
    post({ kind: 'error', id, error: { name: 'ProtocolError', message: `document worker: not a call (${call.error.message})` } });
    return;
  }
  const { id, method, args } = call.data;
  queue = queue.then(async () => {
    try {
      const checked = ARGS[method].safeParse(args);
      if (!checked.success) throw new Error(`document worker: ${method}: bad arguments (${checked.error.message})`);
      const ctx = { id, progress: (done: number, total: number) => post({ kind: 'progress', id, done, total }) };
      const run = handlers[method] as (c: typeof ctx, ...a: unknown[]) => unknown;
      const value = await run(ctx, ...(checked.data as unknown[]));
      if (value instanceof ArrayBuffer) post({ kind: 'result', id, value }, [value]);
      // A large answer (a report) crosses in slices, each a short task on the page (./parts).
      else post({ kind: 'result', id, value: splitLarge(value, (slice) => post({ kind: 'part', id, ...slice })) });
    } catch (e) {
      post({ kind: 'error', id, error: wireError(e) });
    }
  });
});
