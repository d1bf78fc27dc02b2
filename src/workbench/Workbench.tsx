/**
 * The workbench: an Excel-like window with the workbook held by an XlsxWorkbookHost on the left and
 * the real task pane on the right. The pane talks to the workbook only through the host interface,
 * exactly as it does in Excel; the view re-renders whenever the host reports a change.
 */
import { Button, FluentProvider, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Spinner, webLightTheme } from '@fluentui/react-components';
import type ExcelJS from 'exceljs';
import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { parseRange, quoteSheetName, rangeAddress } from '../core/grid';
import type { SelectedRange } from '../hosts/host';
import type { Lang } from '../core/i18n';
import { readTrustedJournal, XlsxWorkbookHost } from '../hosts/xlsx/browser';
import { App } from '../taskpane/App';
import { annotatedName, downloadWorkbook, fetchSample, OpenError, workbookFromBytes } from './document';
import { FolderIcon, SaveIcon, SamplesIcon } from './icons';
import { DraftInput } from './DraftInput';
import { EXCEL_GREEN, SheetGrid, type Selection } from './SheetGrid';
import { wt } from './strings';
import { displayedCellOf, splitAddress } from './navigation';
import { computeOverlay, type Overlay } from './overlay';
import { sheetView, tabsOf, type CellView } from './render-model';

export interface WorkbenchProps {
  initialLang: Lang;
  initialSample: string;
  samples: readonly string[];
  today: string;
}

interface Doc {
  id: number;
  file: string;
  wb: ExcelJS.Workbook;
  host: XlsxWorkbookHost;
}

const UI_FONT = "'Segoe UI', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    fontFamily: UI_FONT,
    backgroundColor: '#F3F3F3',
    color: '#242424',
  },
  titleBar: {
    display: 'flex',
    alignItems: 'center',
    gap: '12px',
    height: '32px',
    padding: '0 12px',
    backgroundColor: EXCEL_GREEN,
    color: '#FFFFFF',
    fontSize: '12px',
    flex: '0 0 auto',
  },
  appMark: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '18px',
    height: '18px',
    borderRadius: '3px',
    backgroundColor: '#FFFFFF',
    color: EXCEL_GREEN,
    fontWeight: 700,
    fontSize: '12px',
  },
  titleText: { flex: '1 1 auto', textAlign: 'center', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  titleHint: { opacity: 0.85, whiteSpace: 'nowrap' },
  ribbonTabs: {
    display: 'flex',
    gap: '2px',
    padding: '0 8px',
    height: '30px',
    alignItems: 'flex-end',
    backgroundColor: '#F3F3F3',
    fontSize: '13px',
    flex: '0 0 auto',
  },
  ribbonTab: { padding: '4px 12px 6px', color: '#424242' },
  ribbonTabActive: { color: EXCEL_GREEN, fontWeight: 600, borderBottom: `3px solid ${EXCEL_GREEN}`, paddingBottom: '3px' },
  ribbon: {
    display: 'flex',
    alignItems: 'center',
    gap: '4px',
    margin: '0 8px 6px',
    padding: '4px 8px',
    backgroundColor: '#FFFFFF',
    borderRadius: '6px',
    boxShadow: '0 1px 2px rgba(0,0,0,0.14)',
    minHeight: '64px',
    flex: '0 0 auto',
  },
  ribbonSep: { width: '1px', alignSelf: 'stretch', backgroundColor: '#E0E0E0', margin: '4px 6px' },
  group: { display: 'flex', flexDirection: 'column', alignItems: 'center', gap: '2px' },
  groupButtons: { display: 'flex', alignItems: 'center', gap: '2px', height: '58px' },
  groupLabel: { fontSize: '11px', color: '#616161', whiteSpace: 'nowrap' },
  bigButton: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: '2px',
    padding: '4px 8px',
    border: '1px solid transparent',
    borderRadius: '4px',
    backgroundColor: 'transparent',
    fontFamily: UI_FONT,
    fontSize: '12px',
    color: '#242424',
    cursor: 'pointer',
    ':hover': { backgroundColor: '#F0F0F0', border: '1px solid #E0E0E0' },
  },
  fileInput: { display: 'none' },
  formulaBar: {
    display: 'flex',
    alignItems: 'center',
    gap: '6px',
    padding: '0 8px 6px',
    flex: '0 0 auto',
  },
  nameBox: {
    width: '140px',
    height: '24px',
    boxSizing: 'border-box',
    border: '1px solid #C8C8C8',
    borderRadius: '4px',
    padding: '0 6px',
    fontFamily: UI_FONT,
    fontSize: '12px',
    backgroundColor: '#FFFFFF',
    color: '#242424',
  },
  fx: { color: '#616161', fontStyle: 'italic', fontFamily: 'Georgia, serif', padding: '0 6px', fontSize: '14px' },
  formula: {
    flex: '1 1 auto',
    height: '24px',
    boxSizing: 'border-box',
    border: '1px solid #C8C8C8',
    borderRadius: '4px',
    padding: '0 6px',
    fontFamily: "Calibri, Carlito, 'Noto Sans CJK SC', sans-serif",
    fontSize: '13px',
    backgroundColor: '#FFFFFF',
    color: '#242424',
    minWidth: 0,
  },
  main: {
    display: 'flex',
    flex: '1 1 auto',
    minHeight: 0,
    borderTop: '1px solid #D6D6D6',
  },
  sheetArea: { display: 'flex', flexDirection: 'column', flex: '1 1 auto', minWidth: 0, backgroundColor: '#FFFFFF' },
  loading: { display: 'flex', flex: '1 1 auto', alignItems: 'center', justifyContent: 'center' },
  pane: {
    flex: '0 0 360px',
    width: '360px',
    display: 'flex',
    flexDirection: 'column',
    borderLeft: '1px solid #D6D6D6',
    backgroundColor: '#FFFFFF',
    minHeight: 0,
  },
  paneHeader: {
    display: 'flex',
    alignItems: 'center',
    height: '40px',
    padding: '0 8px 0 14px',
    borderBottom: '1px solid #EDEBE9',
    fontSize: '14px',
    fontWeight: 600,
    color: '#242424',
    flex: '0 0 auto',
  },
  paneTitle: { flex: '1 1 auto', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  paneGlyph: { color: '#616161', fontSize: '16px', padding: '0 6px', cursor: 'default' },
  paneBody: { flex: '1 1 auto', overflow: 'auto', minHeight: 0 },
  tabsBar: {
    display: 'flex',
    alignItems: 'stretch',
    height: '30px',
    backgroundColor: '#F3F3F3',
    borderTop: '1px solid #D6D6D6',
    fontSize: '13px',
    flex: '0 0 auto',
    overflowX: 'auto',
  },
  tabNav: { display: 'flex', alignItems: 'center', padding: '0 10px', color: '#A0A0A0', userSelect: 'none', gap: '10px' },
  tab: {
    border: 'none',
    backgroundColor: 'transparent',
    padding: '0 16px',
    fontFamily: UI_FONT,
    fontSize: '13px',
    color: '#424242',
    cursor: 'pointer',
    whiteSpace: 'nowrap',
    borderRight: '1px solid #D6D6D6',
    ':hover': { backgroundColor: '#E8E8E8' },
  },
  tabActive: {
    backgroundColor: '#FFFFFF',
    color: EXCEL_GREEN,
    fontWeight: 600,
    boxShadow: `inset 0 -3px 0 ${EXCEL_GREEN}`,
    ':hover': { backgroundColor: '#FFFFFF' },
  },
  tabAdd: { display: 'flex', alignItems: 'center', padding: '0 12px', color: '#616161', fontSize: '16px', userSelect: 'none' },
  statusBar: {
    display: 'flex',
    alignItems: 'center',
    gap: '16px',
    height: '24px',
    padding: '0 12px',
    backgroundColor: '#F3F3F3',
    borderTop: '1px solid #E0E0E0',
    fontSize: '12px',
    color: '#424242',
    flex: '0 0 auto',
  },
  statusGrow: { flex: '1 1 auto' },
  swatch: { display: 'inline-block', width: '10px', height: '10px', marginRight: '4px', borderRadius: '2px', verticalAlign: '-1px' },
  error: { margin: '0 8px 6px' },
});

/** A workbook opened, from its bytes, with a host whose select() drives this view and which asks this view what the user selected. */
async function openDoc(id: number, file: string, bytes: ArrayBuffer, onSelect: (sheet: string, cell: string) => void, selectedRange: () => SelectedRange | null): Promise<Doc> {
  const { wb, grids } = await workbookFromBytes(bytes);
  return { id, file, wb, host: new XlsxWorkbookHost(wb, file, { onSelect, selectedRange, grids }) };
}

/** What the user has selected, as the host gives it to the pane: the range, or the one cell. */
function selectedRangeOf(sel: Selection | null): SelectedRange | null {
  if (!sel) return null;
  return { sheet: sel.sheet, range: sel.area ? rangeAddress(sel.area) : rangeAddress({ top: sel.row, left: sel.col, bottom: sel.row, right: sel.col }) };
}

const RANGE_OR_CELL = /^[A-Za-z]{1,3}[1-9]\d{0,6}(?::[A-Za-z]{1,3}[1-9]\d{0,6})?$/;

export function Workbench(p: WorkbenchProps) {
  const s = useStyles();
  const [lang, setLang] = useState<Lang>(p.initialLang);
  const [doc, setDoc] = useState<Doc | null>(null);
  const [loading, setLoading] = useState<string | null>(p.initialSample);
  /** The last file that could not be opened, and why (worded at render time, in the current language). */
  const [failure, setFailure] = useState<{ file: string; error: unknown } | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [overlay, setOverlay] = useState<Overlay | null>(null);
  const [revision, setRevision] = useState(0);
  /** What the user is typing into the Name Box, until Enter or Escape. */
  const nextId = useRef(1);
  const docRef = useRef<Doc | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  // The host asks for the selection outside React's render: it reads the latest one here.
  const selectionRef = useRef<Selection | null>(null);
  selectionRef.current = selection;

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

  const onHostSelect = useCallback((sheet: string, cell: string) => select(sheet, cell), [select]);

  const reasonText = useCallback(
    (e: unknown): string => {
      if (e instanceof OpenError) {
        if (e.reason === 'not-xlsx') return wt(lang, 'error.not-xlsx');
        if (e.reason === 'encrypted') return wt(lang, 'error.encrypted');
        if (e.reason === 'missing-part') return wt(lang, 'error.missing-part', { part: e.message });
        if (e.reason === 'too-large') return wt(lang, 'error.too-large', { detail: e.message });
        if (e.reason === 'fetch') return wt(lang, 'error.fetch', { status: e.message });
        return e.message;
      }
      return e instanceof Error ? e.message : String(e);
    },
    [lang],
  );

  const open = useCallback(
    async (file: string, bytes: Promise<ArrayBuffer>) => {
      setLoading(file);
      setFailure(null);
      try {
        const d = await openDoc(nextId.current++, file, await bytes, onHostSelect, () => selectedRangeOf(selectionRef.current));
        docRef.current = d;
        setDoc(d);
        const first = tabsOf(d.wb)[0]?.name ?? null;
        setActive(first);
        // Excel opens a workbook with A1 of its first sheet selected.
        setSelection(first ? { sheet: first, row: 1, col: 1, ref: `${quoteSheetName(first)}!A1`, seq: 0 } : null);
        setOverlay(null);
      } catch (e) {
        setFailure({ file, error: e });
      } finally {
        setLoading(null);
      }
    },
    [onHostSelect],
  );

  useEffect(() => {
    void open(`${p.initialSample}.xlsx`, fetchSample(p.initialSample));
    // Opens the first workbook once; later ones come from the toolbar.
  }, []);

  // After every change the host makes, re-read what the core computes and draw again.
  useEffect(() => {
    if (!doc) return;
    let current = true;
    let latest = 0;
    const refresh = async () => {
      // Changes can come faster than reads finish: only the last one's read is drawn.
      const mine = ++latest;
      const journal = readTrustedJournal(doc.wb);
      const grids = journal ? await doc.host.read() : [];
      if (!current || mine !== latest) return;
      setOverlay(computeOverlay({ journal, grids, file: doc.file, today: p.today }));
      setRevision((n) => n + 1);
      // A sheet the change removed (revert drops the summary) hands the view back to the first tab.
      const visible = tabsOf(doc.wb).map((t) => t.name);
      const gone = (name: string | null | undefined) => !name || !doc.wb.getWorksheet(name);
      setActive((a) => (a && !gone(a) && visible.includes(a) ? a : (visible[0] ?? null)));
      setSelection((prev) => (prev && !gone(prev.sheet) ? prev : visible[0] ? { sheet: visible[0], row: 1, col: 1, ref: `${quoteSheetName(visible[0])}!A1`, seq: (prev?.seq ?? 0) + 1 } : null));
    };
    void refresh();
    const off = doc.host.onChange(() => void refresh());
    return () => {
      current = false;
      off();
    };
  }, [doc, p.today]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = doc ? `${doc.file} - ${wt(lang, 'app.title')}` : wt(lang, 'app.title');
  }, [lang, doc]);

  const tabs = useMemo(() => (doc ? tabsOf(doc.wb) : []), [doc, revision]);
  const view = useMemo(() => (doc && active ? sheetView(doc.wb, active, overlay) : null), [doc, active, overlay, revision]);

  const onPick = useCallback((c: CellView, extend: boolean) => {
    setSelection((prev) => {
      const sheet = splitAddress(c.ref).sheet ?? '';
      // Shift-click: the range from the active cell to this one (merges whole), the active cell kept.
      if (extend && prev && prev.sheet === sheet) {
        const top = Math.min(prev.row, c.row);
        const left = Math.min(prev.col, c.col);
        const bottom = Math.max(prev.row, c.row + c.rowSpan - 1);
        const right = Math.max(prev.col, c.col + c.colSpan - 1);
        return { ...prev, area: { top, left, bottom, right }, reveal: false };
      }
      return prev && prev.row === c.row && prev.col === c.col && prev.ref === c.ref && !prev.area ? prev : { sheet, row: c.row, col: c.col, ref: c.ref, seq: (prev?.seq ?? 0) + 1 };
    });
  }, []);

  const selectedCell = view && selection && selection.sheet === view.name ? view.rows.find((r) => r.row === selection.row)?.cells.find((c) => c.col === selection.col) : undefined;

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (f) void open(f.name, f.arrayBuffer());
  };

  const onSave = async () => {
    if (doc) await downloadWorkbook(doc.wb, doc.file);
  };

  const counts = overlay?.counts;
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <div className={s.root} data-testid="workbench" data-lang={lang}>
        <header className={s.titleBar}>
          <span className={s.appMark} aria-hidden="true">
            X
          </span>
          <span className={s.titleHint}>resptable · {wt(lang, 'app.title')}</span>
          <span className={s.titleText} data-testid="workbook-name">
            {doc?.file ?? loading ?? ''}
          </span>
          <span className={s.titleHint}>{wt(lang, 'app.subtitle')}</span>
        </header>
        <nav className={s.ribbonTabs} aria-hidden="true">
          <span className={s.ribbonTab}>{wt(lang, 'menu.file')}</span>
          <span className={`${s.ribbonTab} ${s.ribbonTabActive}`}>{wt(lang, 'menu.home')}</span>
        </nav>
        <div className={s.ribbon} role="toolbar" aria-label={wt(lang, 'menu.home')}>
          <div className={s.group}>
            <div className={s.groupButtons}>
              <Button appearance="subtle" icon={<FolderIcon />} onClick={() => fileInput.current?.click()} title={wt(lang, 'toolbar.open.title')} data-testid="open-button">
                {wt(lang, 'toolbar.open')}
              </Button>
              <input ref={fileInput} className={s.fileInput} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={onFile} data-testid="open-input" />
              <Button appearance="subtle" icon={<SaveIcon />} disabled={!doc} onClick={() => void onSave()} title={doc ? wt(lang, 'toolbar.save.title', { file: annotatedName(doc.file) }) : undefined} data-testid="save-button">
                {wt(lang, 'toolbar.save')}
              </Button>
              <Menu>
                <MenuTrigger disableButtonEnhancement>
                  <Button appearance="subtle" icon={<SamplesIcon />} data-testid="samples-button">
                    {wt(lang, 'toolbar.samples')}
                  </Button>
                </MenuTrigger>
                <MenuPopover>
                  <MenuList>
                    {p.samples.map((name) => (
                      <MenuItem key={name} onClick={() => void open(`${name}.xlsx`, fetchSample(name))}>
                        {name}.xlsx
                      </MenuItem>
                    ))}
                  </MenuList>
                </MenuPopover>
              </Menu>
            </div>
            <span className={s.groupLabel}>{wt(lang, 'ribbon.file-group')}</span>
          </div>
          <span className={s.ribbonSep} />
          <div className={s.group}>
            <div className={s.groupButtons}>
              <button
                type="button"
                className={s.bigButton}
                title={wt(lang, 'ribbon.button.title')}
                data-testid="ribbon-addin-button"
                onClick={() => document.querySelector<HTMLElement>('[data-testid="check-button"]')?.focus()}
              >
                <img src="assets/icon-32.png" width={32} height={32} alt="" />
                <span>{wt(lang, 'ribbon.button')}</span>
              </button>
            </div>
            <span className={s.groupLabel}>{wt(lang, 'ribbon.group')}</span>
          </div>
        </div>
        {failure && (
          <MessageBar intent="error" className={s.error} data-testid="open-error">
            <MessageBarBody>{wt(lang, 'error.open', { file: failure.file, reason: reasonText(failure.error) })}</MessageBarBody>
            <MessageBarActions>
              <Button appearance="transparent" size="small" onClick={() => setFailure(null)}>
                {wt(lang, 'error.dismiss')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        <div className={s.formulaBar}>
          <DraftInput
            className={s.nameBox}
            aria-label={wt(lang, 'namebox.label')}
            title={wt(lang, 'namebox.title')}
            data-testid="name-box"
            value={selection?.ref ?? ''}
            onFocus={(e) => e.target.select()}
            onCommit={(text) => {
              // As in Excel: a cell (G42) or a range (A2:J30) on this sheet, or Sheet!G42 on another.
              const { sheet, cell } = splitAddress(text.trim());
              const target = sheet ?? active;
              if (target && docRef.current?.wb.getWorksheet(target) && RANGE_OR_CELL.test(cell)) select(target, cell.toUpperCase());
            }}
          />
          <span className={s.fx} aria-hidden="true">
            fx
          </span>
          <DraftInput
            className={s.formula}
            aria-label={wt(lang, 'formulabar.label')}
            title={wt(lang, 'formulabar.title')}
            data-testid="formula-bar"
            value={selectedCell?.input ?? ''}
            onCommit={(text) => {
              // As typing into the cell in Excel: the workbook changes, and the view and colours follow.
              if (!selection) return;
              void docRef.current?.host.editCell(selection.ref, text).catch((err: unknown) => setFailure({ file: docRef.current?.file ?? '', error: err }));
            }}
          />
        </div>
        <div className={s.main}>
          <section className={s.sheetArea}>
            {view ? (
              <SheetGrid view={view} lang={lang} selection={selection} onPick={onPick} />
            ) : (
              <div className={s.loading}>{loading ? <Spinner label={wt(lang, 'status.loading', { file: loading })} /> : null}</div>
            )}
            <div className={s.tabsBar} role="tablist" aria-label={wt(lang, 'tabs.label')} data-testid="sheet-tabs">
              <span className={s.tabNav} aria-hidden="true">
                <span>◀</span>
                <span>▶</span>
              </span>
              {tabs.map((t) => (
                <button
                  key={t.name}
                  role="tab"
                  aria-selected={t.name === active}
                  className={`${s.tab} ${t.name === active ? s.tabActive : ''}`}
                  style={t.color ? { borderBottom: `3px solid ${t.color}` } : undefined}
                  onClick={() => {
                    if (t.name === active) return;
                    setActive(t.name);
                    setSelection((prev) => ({ sheet: t.name, row: 1, col: 1, ref: `${quoteSheetName(t.name)}!A1`, seq: (prev?.seq ?? 0) + 1 }));
                  }}
                  data-testid="sheet-tab"
                  data-sheet={t.name}
                >
                  {t.name}
                </button>
              ))}
              <span className={s.tabAdd} aria-hidden="true">
                ⊕
              </span>
            </div>
          </section>
          <aside className={s.pane} aria-label={wt(lang, 'pane.title')} data-testid="task-pane">
            <div className={s.paneHeader}>
              <span className={s.paneTitle}>{wt(lang, 'pane.title')}</span>
              <span className={s.paneGlyph} aria-hidden="true" title={wt(lang, 'pane.close')}>
                ⌄
              </span>
              <span className={s.paneGlyph} aria-hidden="true" title={wt(lang, 'pane.close')}>
                ✕
              </span>
            </div>
            <div className={s.paneBody}>{doc && <App key={doc.id} host={doc.host} lang={lang} today={p.today} onLangChange={setLang} />}</div>
          </aside>
        </div>
        <footer className={s.statusBar} data-testid="status-bar">
          <span>{loading ? wt(lang, 'status.loading', { file: loading }) : wt(lang, 'status.ready')}</span>
          <span className={s.statusGrow} />
          {counts && (
            <span data-testid="view-counts">
              <span className={s.swatch} style={{ backgroundColor: '#FFC7CE' }} />
              <span className={s.swatch} style={{ backgroundColor: '#FFEB9C' }} />
              <span className={s.swatch} style={{ backgroundColor: '#C6EFCE' }} />
              {wt(lang, 'status.counts', { overdue: counts.overdue, dueSoon: counts.due_soon, done: counts.done })}
            </span>
          )}
          <span>100%</span>
        </footer>
      </div>
    </FluentProvider>
  );
}
