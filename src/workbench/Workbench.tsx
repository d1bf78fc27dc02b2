/**
 * The workbench: an Excel-like window with the workbook held by an XlsxWorkbookHost on the left and
 * the real task pane on the right. The pane talks to the workbook only through the host interface,
 * exactly as it does in Excel; the view re-renders whenever the host reports a change.
 */
import { Button, Field, FluentProvider, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, webLightTheme } from '@fluentui/react-components';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../core/i18n';
import { App } from '../taskpane/App';
import { downloadXlsx, fetchSample, OpenError } from './document';
import { FormulaBar } from './FormulaBar';
import { splitAddress } from '../core/grid';
import type { CellView } from './render-model';
import { Ribbon } from './Ribbon';
import { SheetGrid } from './SheetGrid';
import { SheetTabs } from './SheetTabs';
import { StatusBar } from './StatusBar';
import { wt } from './strings';
import { useWorkbenchStyles } from './styles';
import { useDocument } from './use-document';

export interface WorkbenchProps {
  initialLang: Lang;
  initialSample: string;
  samples: readonly string[];
  today: string;
}

const RANGE_OR_CELL = /^[A-Za-z]{1,3}[1-9]\d{0,6}(?::[A-Za-z]{1,3}[1-9]\d{0,6})?$/;

function reasonText(lang: Lang, e: unknown): string {
  if (e instanceof OpenError) {
    if (e.reason === 'not-xlsx') return wt(lang, 'error.not-xlsx');
    if (e.reason === 'encrypted') return wt(lang, 'error.encrypted');
    if (e.reason === 'missing-part') return wt(lang, 'error.missing-part', { part: e.message });
    if (e.reason === 'too-large') return wt(lang, 'error.too-large', { detail: e.message });
    if (e.reason === 'fetch') return wt(lang, 'error.fetch', { status: e.message });
    return e.message;
  }
  return e instanceof Error ? e.message : String(e);
}

/**
 * The pane, drawn again only when its own props change: a selection moving in the grid is none of
 * its business, and redrawing a large report on every arrow key would make each step slow.
 */
const PaneApp = memo(App);

/** An open under way: what is being opened, and how far it has come (read, checked, drawn). */
function OpenProgress(p: { lang: Lang; file: string; progress: { done: number; total: number } | null }) {
  const value = p.progress && p.progress.total > 0 ? Math.min(1, p.progress.done / p.progress.total) : undefined;
  return (
    <Field label={wt(p.lang, 'status.loading', { file: p.file })} validationMessage={wt(p.lang, 'status.loading.step', { done: p.progress?.done ?? 0, total: p.progress?.total ?? 0 })} validationState="none">
      <ProgressBar data-testid="open-progress" thickness="large" {...(value !== undefined ? { value } : {})} />
    </Field>
  );
}

export function Workbench(p: WorkbenchProps) {
  const s = useWorkbenchStyles();
  const [lang, setLang] = useState<Lang>(p.initialLang);
  const d = useDocument(p.today, p.initialSample);
  const { doc, docRef, selection, active } = d;
  const focusGrid = useRef<(() => void) | null>(null);

  useEffect(() => {
    void d.open(`${p.initialSample}.xlsx`, fetchSample(p.initialSample));
    // Opens the first workbook once; later ones come from the 文件 menu and the ribbon.
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = doc ? `${doc.file} - ${wt(lang, 'app.title')}` : wt(lang, 'app.title');
  }, [lang, doc]);

  /** Unsaved changes are discarded only when the user says so, as Excel asks before closing. */
  const mayDiscard = () => !d.dirty || !doc || window.confirm(wt(lang, 'unsaved.confirm', { file: doc.file }));

  const tabs = d.info?.tabs ?? [];
  // The view drawn is the active sheet's once the worker has built it (a tab switch waits for it).
  const view = d.view && d.view.name === active ? d.view : null;
  const choices = d.choices;

  const onPick = useCallback((c: CellView, extend: boolean) => {
    d.setSelection((prev) => {
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

  /** As typing into a cell in Excel: the workbook changes, and the view and colours follow. */
  const onEdit = useCallback((ref: string, text: string) => {
    void docRef.current?.host.editCell(ref, text).catch((err: unknown) => d.setFailure({ file: docRef.current?.file ?? '', error: err }));
  }, []);

  const selectedCell = view && selection && selection.sheet === view.name ? view.rows.find((r) => r.row === selection.row)?.cells.find((c) => c.col === selection.col) : undefined;

  const save = async (as?: string) => {
    if (!doc) return;
    downloadXlsx(await d.save(), doc.file, as);
    d.markSaved();
  };

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <div className={s.root} data-testid="workbench" data-lang={lang}>
        <Ribbon
          lang={lang}
          title={doc?.file ?? d.loading ?? ''}
          open={doc !== null}
          samples={p.samples}
          onOpenFile={(f) => {
            if (mayDiscard()) void d.open(f.name, f.arrayBuffer());
          }}
          onOpenSample={(name) => {
            if (mayDiscard()) void d.open(`${name}.xlsx`, fetchSample(name));
          }}
          onSave={() => void save()}
          onSaveAs={(name) => void save(name)}
        />
        {d.failure && (
          <MessageBar intent="error" className={s.error} data-testid="open-error">
            <MessageBarBody>{wt(lang, 'error.open', { file: d.failure.file, reason: reasonText(lang, d.failure.error) })}</MessageBarBody>
            <MessageBarActions>
              <Button appearance="transparent" size="small" onClick={() => d.setFailure(null)}>
                {wt(lang, 'error.dismiss')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        <FormulaBar
          lang={lang}
          address={selection?.ref ?? ''}
          input={selectedCell?.input ?? ''}
          onGo={(text) => {
            // As in Excel: a cell (G42) or a range (A2:J30) on this sheet, or Sheet!G42 on another;
            // then the keyboard is the grid's again.
            const { sheet, cell } = splitAddress(text.trim());
            const target = sheet ?? active;
            if (target && d.info?.sheets.includes(target) && RANGE_OR_CELL.test(cell)) void d.select(target, cell.toUpperCase());
            focusGrid.current?.();
          }}
          onCommit={(text) => {
            if (selection) onEdit(selection.ref, text);
          }}
        />
        <div className={s.main}>
          <section className={s.sheetArea}>
            {view && d.loading && (
              <div className={s.openBar}>
                <OpenProgress lang={lang} file={d.loading} progress={d.openProgress} />
              </div>
            )}
            {view ? (
              <SheetGrid view={view} lang={lang} selection={selection} onPick={onPick} onEdit={onEdit} choices={choices} focusRef={focusGrid} onWindow={d.needRows} />
            ) : (
              <div className={s.loading}>{d.loading ? <OpenProgress lang={lang} file={d.loading} progress={d.openProgress} /> : null}</div>
            )}
            <SheetTabs lang={lang} tabs={tabs} active={active} onShow={d.showSheet} />
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
            <div className={s.paneBody}>{doc && <PaneApp key={doc.id} host={doc.host} workflow={doc.host.workflow} lang={lang} today={p.today} onLangChange={setLang} />}</div>
          </aside>
        </div>
        <StatusBar lang={lang} loading={d.loading} dirty={d.dirty} counts={d.info?.counts ?? undefined} />
      </div>
    </FluentProvider>
  );
}
