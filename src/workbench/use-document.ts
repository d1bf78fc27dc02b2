/**
 * The workbook the workbench has open, as a React hook: opening one from its bytes, the host the pane
 * talks to, what the core computes over it after each change (the overlay), which sheet and cell are
 * selected, and whether it has changes not yet saved.
 */
import type ExcelJS from 'exceljs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { parseRange, quoteSheetName, rangeAddress } from '../core/grid';
import type { SelectedRange } from '../hosts/host';
import { XlsxWorkbookHost } from '../hosts/xlsx/browser';
import { workbookFromBytes } from './document';
import { displayedCellOf } from './navigation';
import { computeOverlay, type Overlay } from './overlay';
import { tabsOf } from './render-model';
import type { Selection } from './SheetGrid';

export interface Doc {
  id: number;
  file: string;
  wb: ExcelJS.Workbook;
  host: XlsxWorkbookHost;
}

/** What the user has selected, as the host gives it to the pane: the range, or the one cell. */
function selectedRangeOf(sel: Selection | null): SelectedRange | null {
  if (!sel) return null;
  return { sheet: sel.sheet, range: sel.area ? rangeAddress(sel.area) : rangeAddress({ top: sel.row, left: sel.col, bottom: sel.row, right: sel.col }) };
}

const firstCell = (sheet: string, seq: number): Selection => ({ sheet, row: 1, col: 1, ref: `${quoteSheetName(sheet)}!A1`, seq });

export function useDocument(today: string, initialLoading: string | null) {
  const [doc, setDoc] = useState<Doc | null>(null);
  const [loading, setLoading] = useState<string | null>(initialLoading);
  /** The last file that could not be opened, and why (worded at render time, in the current language). */
  const [failure, setFailure] = useState<{ file: string; error: unknown } | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [overlay, setOverlay] = useState<Overlay | null>(null);
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

  /** Selects a cell, or a range with its top-left as the active cell (as Excel does for `A2:J30`). */
  const select = useCallback((sheet: string, cell: string) => {
    const d = docRef.current;
    if (!d) return;
    const shown = displayedCellOf(d.wb, sheet, cell);
    if (!shown) return;
    const area = cell.includes(':') ? parseRange(cell) : undefined;
    const first = area ? rangeAddress({ top: area.top, left: area.left, bottom: area.top, right: area.left }) : cell;
    setActive(sheet);
    setSelection((prev) => ({ sheet, row: shown.row, col: shown.col, ref: `${quoteSheetName(sheet)}!${first}`, seq: (prev?.seq ?? 0) + 1, reveal: true, ...(area ? { area } : {}) }));
  }, []);

  const open = useCallback(
    async (file: string, bytes: Promise<ArrayBuffer>) => {
      setLoading(file);
      setFailure(null);
      try {
        const { wb, grids } = await workbookFromBytes(await bytes);
        const host = new XlsxWorkbookHost(wb, file, { onSelect: select, selectedRange: () => selectedRangeOf(selectionRef.current), grids });
        const d: Doc = { id: nextId.current++, file, wb, host };
        docRef.current = d;
        setDoc(d);
        setDirty(false);
        const first = tabsOf(d.wb)[0]?.name ?? null;
        setActive(first);
        // Excel opens a workbook with A1 of its first sheet selected.
        setSelection(first ? firstCell(first, 0) : null);
        setOverlay(null);
      } catch (e) {
        setFailure({ file, error: e });
      } finally {
        setLoading(null);
      }
    },
    [select],
  );

  // After every change the host makes, re-read what the core computes and draw again.
  useEffect(() => {
    if (!doc) return;
    let current = true;
    let latest = 0;
    const refresh = async () => {
      // Changes can come faster than reads finish: only the last one's read is drawn.
      const mine = ++latest;
      const journal = await doc.host.journal();
      const grids = journal ? await doc.host.read() : [];
      if (!current || mine !== latest) return;
      setOverlay(computeOverlay({ journal, grids, file: doc.file, today }));
      setRevision((n) => n + 1);
      // A sheet the change removed (revert drops the summary) hands the view back to the first tab.
      const visible = tabsOf(doc.wb).map((t) => t.name);
      const gone = (name: string | null | undefined) => !name || !doc.wb.getWorksheet(name);
      setActive((a) => (a && !gone(a) && visible.includes(a) ? a : (visible[0] ?? null)));
      setSelection((prev) => (prev && !gone(prev.sheet) ? prev : visible[0] ? firstCell(visible[0], (prev?.seq ?? 0) + 1) : null));
    };
    void refresh();
    const off = doc.host.onChange(() => {
      setDirty(true);
      void refresh();
    });
    return () => {
      current = false;
      off();
    };
  }, [doc, today]);

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

  return { doc, docRef, loading, failure, setFailure, active, showSheet, selection, setSelection, select, overlay, revision, dirty, markSaved: () => setDirty(false), open };
}
