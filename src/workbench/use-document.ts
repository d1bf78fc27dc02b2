/**
 * The workbook the workbench has open, as a React hook. The workbook itself lives in the document
 * worker (./document.worker): this hook opens it there from its bytes, gives the pane the host that
 * talks to it, draws the view the worker builds after each change, and keeps what is the page's own:
 * which sheet and cell are selected, the progress of an open, and whether there are unsaved changes.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { parseRange, quoteSheetName, rangeAddress } from '../core/grid';
import type { SelectedRange } from '../hosts/host';
import type { RowView, SheetView } from './render-model';
import type { Selection } from './SheetGrid';
import { spawnDocumentWorker } from './spawn-worker';
import { DocumentWorker, WorkerHost } from './worker-client';
import { ROWS_PER_BLOCK, type DocInfo, type ViewHead } from './worker-protocol';

export interface Doc {
  id: number;
  file: string;
  host: WorkerHost;
}

/** What the user has selected, as the host gives it to the pane: the range, or the one cell. */
function selectedRangeOf(sel: Selection | null): SelectedRange | null {
  if (!sel) return null;
  return { sheet: sel.sheet, range: sel.area ? rangeAddress(sel.area) : rangeAddress({ top: sel.row, left: sel.col, bottom: sel.row, right: sel.col }) };
}

const firstCell = (sheet: string, seq: number): Selection => ({ sheet, row: 1, col: 1, ref: `${quoteSheetName(sheet)}!A1`, seq });

/** The page's copy of a view from its head: the rows not yet fetched stand as empty rows of their height. */
function viewOfHead(h: ViewHead): SheetView {
  const { version: _version, rowNumbers, heights, first, ...rest } = h;
  const rows: RowView[] = new Array<RowView>(rowNumbers.length);
  for (let i = 0; i < rowNumbers.length; i++) {
    const row = rowNumbers[i] as number;
    const px = heights[i] as number;
    rows[i] = first[i] ?? (Number.isNaN(px) ? { row, cells: [] } : { row, heightPx: px, cells: [] });
  }
  return { ...rest, rows };
}

/** Which view the page shows, and which of its row blocks have been asked for. */
interface Shown {
  sheet: string;
  version: number;
  asked: Set<number>;
}

async function fetchView(w: DocumentWorker, sheet: string): Promise<{ view: SheetView | null; shown: Shown | null; info: DocInfo }> {
  const r = await w.call('view', [sheet]);
  if (!r.view) return { view: null, shown: null, info: r.info };
  const asked = new Set<number>();
  // The blocks the head brought whole need no asking.
  for (let b = 0; (b + 1) * ROWS_PER_BLOCK <= r.view.first.length; b++) asked.add(b);
  return { view: viewOfHead(r.view), shown: { sheet, version: r.view.version, asked }, info: r.info };
}

export function useDocument(today: string, initialLoading: string | null) {
  const workerRef = useRef<DocumentWorker | null>(null);
  const worker = () => (workerRef.current ??= new DocumentWorker(spawnDocumentWorker()));
  const [doc, setDoc] = useState<Doc | null>(null);
  const [info, setInfo] = useState<DocInfo | null>(null);
  const [view, setView] = useState<SheetView | null>(null);
  const [loading, setLoading] = useState<string | null>(initialLoading);
  /** How far the open has come (read, checked, drawn), for the progress bar. */
  const [openProgress, setOpenProgress] = useState<{ done: number; total: number } | null>(null);
  /** The last file that could not be opened, and why (worded at render time, in the current language). */
  const [failure, setFailure] = useState<{ file: string; error: unknown } | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  /** Bumped on each change the worker reports: the view is read again. */
  const [revision, setRevision] = useState(0);
  /** Changes since the workbook was opened or last saved (the user's edits, the pane's apply or fixes). */
  const [dirty, setDirty] = useState(false);
  const nextId = useRef(1);
  const docRef = useRef<Doc | null>(null);
  // The host asks for the selection outside React's render: it reads the latest one here.
  const selectionRef = useRef<Selection | null>(null);
  selectionRef.current = selection;
  const dirtyRef = useRef(false);
  dirtyRef.current = dirty;
  /** The doc, sheet and revision of the view shown: an open draws its first view itself, the effect below does not again. */
  const shownKey = useRef('');
  const shownRef = useRef<Shown | null>(null);

  /** The grid is about to draw rows start..end-1: the blocks of them not yet here are asked for. */
  const needRows = useCallback((start: number, end: number) => {
    const m = shownRef.current;
    if (!m) return;
    for (let b = Math.floor(start / ROWS_PER_BLOCK); b * ROWS_PER_BLOCK < end; b++) {
      if (m.asked.has(b)) continue;
      m.asked.add(b);
      const from = b * ROWS_PER_BLOCK;
      void worker()
        .call('rows', [m.sheet, m.version, from, from + ROWS_PER_BLOCK])
        .then(
          (rows) => {
            if (!rows || shownRef.current !== m) return;
            startTransition(() =>
              setView((v) => {
                if (!v || v.name !== m.sheet) return v;
                const next = v.rows.slice();
                rows.forEach((r, i) => (next[from + i] = r));
                return { ...v, rows: next };
              }),
            );
          },
          () => m.asked.delete(b),
        );
    }
  }, []);

  /** Selects a cell, or a range with its top-left as the active cell (as Excel does for `A2:J30`). */
  const select = useCallback(async (sheet: string, cell: string) => {
    const d = docRef.current;
    if (!d) return;
    const shown = await worker().call('displayedCell', [sheet, cell]);
    if (!shown || docRef.current !== d) return;
    const area = cell.includes(':') ? parseRange(cell) : undefined;
    const first = area ? rangeAddress({ top: area.top, left: area.left, bottom: area.top, right: area.left }) : cell;
    setActive(sheet);
    setSelection((prev) => ({ sheet, row: shown.row, col: shown.col, ref: `${quoteSheetName(sheet)}!${first}`, seq: (prev?.seq ?? 0) + 1, reveal: true, ...(area ? { area } : {}) }));
  }, []);

  // The host in the worker selects for the pane (a finding's cell): the page moves there.
  useEffect(() => worker().onSelect((sheet, cell) => void select(sheet, cell)), [select]);

  const open = useCallback(
    async (file: string, bytes: Promise<ArrayBuffer>) => {
      setLoading(file);
      setFailure(null);
      setOpenProgress({ done: 0, total: 4 });
      try {
        const w = worker();
        const data = await bytes;
        // The bytes move to the worker (transferred, not copied).
        const opened = await w.call('open', [file, data, today], { transfer: [data], onProgress: (done, total) => setOpenProgress({ done, total: total + 1 }) });
        const first = opened.tabs[0]?.name ?? null;
        const shown = first ? await fetchView(w, first) : { view: null, shown: null, info: opened };
        const d: Doc = { id: nextId.current++, file, host: new WorkerHost(w, file, () => selectedRangeOf(selectionRef.current)) };
        docRef.current = d;
        shownKey.current = `${d.id}\u0000${first}\u00000`;
        shownRef.current = shown.shown;
        // The new workbook is drawn as a transition (in slices: the page stays responsive), the
        // progress bar leaving with the same drawing.
        startTransition(() => {
          setDoc(d);
          setInfo(shown.info);
          setView(shown.view);
          setRevision(0);
          setDirty(false);
          setActive(first);
          // Excel opens a workbook with A1 of its first sheet selected.
          setSelection(first ? firstCell(first, 0) : null);
          setLoading(null);
          setOpenProgress(null);
        });
      } catch (e) {
        setFailure({ file, error: e });
        setLoading(null);
        setOpenProgress(null);
      }
    },
    [today],
  );

  // Every change the host makes in the worker (an edit, apply, revert, a fix): mark it and draw again.
  useEffect(() => {
    if (!doc) return;
    return worker().onChange((edited) => {
      if (docRef.current !== doc) return;
      if (edited) setDirty(true);
      setRevision((n) => n + 1);
    });
  }, [doc]);

  // The active sheet's view, read again after each change; only the last read is drawn.
  useEffect(() => {
    if (!doc || !active) return;
    const key = `${doc.id}\u0000${active}\u0000${revision}`;
    if (key === shownKey.current) return;
    let current = true;
    void fetchView(worker(), active).then(
      ({ view: v, shown, info: i }) => {
        if (!current) return;
        shownKey.current = key;
        shownRef.current = shown;
        // Drawn as a transition: a large sheet's new view in slices, the arrow keys still urgent.
        startTransition(() => {
          setInfo(i);
          // A sheet the change removed (revert drops the summary) hands the view back to the first tab.
          const visible = i.tabs.map((t) => t.name);
          const gone = (name: string | null | undefined) => !name || !i.sheets.includes(name);
          if (!v || !visible.includes(active)) {
            setActive(visible[0] ?? null);
            setSelection((prev) => (visible[0] ? firstCell(visible[0], (prev?.seq ?? 0) + 1) : null));
            return;
          }
          setView(v);
          setSelection((prev) => (prev && !gone(prev.sheet) ? prev : visible[0] ? firstCell(visible[0], (prev?.seq ?? 0) + 1) : null));
        });
      },
      (e: unknown) => {
        if (current) setFailure({ file: doc.file, error: e });
      },
    );
    return () => {
      current = false;
    };
  }, [doc, active, revision]);

  // Reloading or closing the page with unsaved changes: the browser asks first.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return;
      e.preventDefault();
      // Older browsers need returnValue set; the text itself is the browser's own.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  const showSheet = useCallback((name: string) => {
    setActive(name);
    setSelection((prev) => firstCell(name, (prev?.seq ?? 0) + 1));
  }, []);

  /** The selected cell's list choices (its dropdown), asked of the worker as the selection moves. */
  const [choices, setChoices] = useState<string[] | null>(null);
  useEffect(() => {
    setChoices(null);
    if (!doc || !selection) return;
    let current = true;
    void worker()
      .call('choices', [selection.sheet, selection.row, selection.col])
      .then((c) => current && setChoices(c), () => undefined);
    return () => {
      current = false;
    };
  }, [doc, selection?.sheet, selection?.row, selection?.col, revision]);

  /** The workbook as .xlsx bytes, written in the worker. */
  const save = useCallback(() => worker().call('save', []), []);

  return {
    doc,
    docRef,
    info,
    view,
    needRows,
    loading,
    openProgress,
    failure,
    setFailure,
    active,
    showSheet,
    selection,
    setSelection,
    select,
    choices,
    revision,
    dirty,
    save,
    markSaved: () => setDirty(false),
    open,
  };
}
