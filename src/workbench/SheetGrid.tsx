/** The workbook view of one sheet: column letters, row numbers and cells, drawn from a SheetView. */
import { makeStyles, mergeClasses } from '@fluentui/react-components';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MutableRefObject } from 'react';
import type { Lang } from '../core/i18n';
import { wt } from './strings';
import { cellCovering, stepFrom, type Step } from './navigation';
import type { CellView, RowView, SheetView } from './render-model';
import { MARK_COLOR } from './finding-marks';
import { rowOffsets, tallCellsOf, visibleRange, windowRows, WINDOW_FROM_ROWS, WINDOW_MARGIN_ROWS } from './row-window';

export const EXCEL_GREEN = '#107C41';
const GRIDLINE = '#E1E1E1';
const HEADER_BG = '#F5F5F5';
const HEADER_LINE = '#C8C8C8';
const ROW_HEADER_PX = 44;
const HEADER_ROW_PX = 22;
/** The height a row without one of its own is given (Excel's 15 pt); a drawn row's true height replaces it. */
const AUTO_ROW_PX = 20;

const useStyles = makeStyles({
  scroll: {
    flex: '1 1 auto',
    // Its size is the window's: changes inside lay out the grid alone, and the pane's never reach it.
    contain: 'strict',
    ':focus-visible': { outline: 'none' },
    overflow: 'auto',
    backgroundColor: '#FFFFFF',
    position: 'relative',
  },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    tableLayout: 'fixed',
    fontFamily: "Calibri, Carlito, 'Noto Sans CJK SC', 'Microsoft YaHei', 'DengXian', sans-serif",
    fontSize: '11pt',
    color: '#000000',
    cursor: 'cell',
  },
  corner: {
    position: 'sticky',
    top: 0,
    left: 0,
    zIndex: 6,
    backgroundColor: HEADER_BG,
    borderRight: `1px solid ${HEADER_LINE}`,
    borderBottom: `1px solid ${HEADER_LINE}`,
    height: `${HEADER_ROW_PX}px`,
  },
  /** What column letters and row numbers share: Excel's grey, sticky headings. */
  head: {
    position: 'sticky',
    backgroundColor: HEADER_BG,
    borderRight: `1px solid ${HEADER_LINE}`,
    borderBottom: `1px solid ${HEADER_LINE}`,
    fontFamily: "'Segoe UI', 'Noto Sans CJK SC', sans-serif",
    fontSize: '12px',
    fontWeight: 400,
    color: '#444444',
    textAlign: 'center',
    userSelect: 'none',
  },
  colHead: {
    top: 0,
    zIndex: 5,
    height: `${HEADER_ROW_PX}px`,
    padding: 0,
  },
  rowHead: {
    left: 0,
    // Above text that runs over its neighbours (zIndex 1) and the cell editor (2): column A's text
    // scrolled under the row numbers stays under them.
    zIndex: 4,
    padding: '0 4px',
  },
  headActive: {
    backgroundColor: '#D3F0E0',
    color: EXCEL_GREEN,
    fontWeight: 600,
  },
  colHeadActive: {
    borderBottom: `2px solid ${EXCEL_GREEN}`,
  },
  rowHeadActive: {
    borderRight: `2px solid ${EXCEL_GREEN}`,
  },
  cell: {
    padding: '1px 3px',
    overflow: 'hidden',
    lineHeight: 1.25,
    scrollMarginTop: `${HEADER_ROW_PX + 8}px`,
    scrollMarginLeft: `${ROW_HEADER_PX + 8}px`,
  },
  selected: {
    outline: `2px solid ${EXCEL_GREEN}`,
    outlineOffset: '-2px',
    position: 'relative',
    '::after': {
      content: '""',
      position: 'absolute',
      right: '-1px',
      bottom: '-1px',
      width: '6px',
      height: '6px',
      backgroundColor: EXCEL_GREEN,
      border: '1px solid #FFFFFF',
    },
  },
  spilling: { overflow: 'visible' },
  /** A cell of the selected range, tinted over its own fill as Excel does. */
  inRange: { boxShadow: 'inset 0 0 0 9999px rgba(16, 124, 65, 0.12)' },
  spill: {
    // Drawn above the empty neighbours (their backgrounds come later in the table's paint order).
    position: 'relative',
    zIndex: 1,
    overflow: 'hidden',
    whiteSpace: 'pre',
    pointerEvents: 'none',
  },
  /** The cell editor: invisible on the selected cell until typing, F2 or a double-click opens it. */
  editor: {
    position: 'absolute',
    zIndex: 2,
    boxSizing: 'border-box',
    margin: 0,
    border: 'none',
    outline: 'none',
    padding: '1px 3px',
    fontFamily: "Calibri, Carlito, 'Noto Sans CJK SC', 'Microsoft YaHei', 'DengXian', sans-serif",
    fontSize: '11pt',
    color: '#000000',
    backgroundColor: 'transparent',
    caretColor: 'transparent',
    // Clicks go through to the cell under it until an edit opens.
    pointerEvents: 'none',
  },
  editing: {
    backgroundColor: '#FFFFFF',
    caretColor: 'auto',
    pointerEvents: 'auto',
    boxShadow: `0 0 0 2px ${EXCEL_GREEN}`,
  },
  dropButton: {
    position: 'absolute',
    zIndex: 3,
    width: '18px',
    height: '18px',
    padding: 0,
    border: '1px solid #C8C8C8',
    backgroundColor: '#FFFFFF',
    fontSize: '10px',
    lineHeight: '16px',
    color: '#424242',
    cursor: 'pointer',
  },
  dropList: {
    position: 'absolute',
    zIndex: 7,
    minWidth: '120px',
    maxHeight: '200px',
    overflowY: 'auto',
    margin: 0,
    padding: '2px 0',
    listStyle: 'none',
    backgroundColor: '#FFFFFF',
    border: '1px solid #A0A0A0',
    boxShadow: '0 2px 6px rgba(0,0,0,0.2)',
    fontFamily: "Calibri, Carlito, 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif",
    fontSize: '11pt',
  },
  dropItem: { padding: '2px 8px', cursor: 'pointer', whiteSpace: 'nowrap' },
  dropItemActive: { backgroundColor: '#D3F0E0' },
  /** The rows above and below the drawn window: empty space of their height. */
  spacer: { padding: 0, border: 'none' },
  notice: {
    position: 'sticky',
    left: 0,
    padding: '6px 10px',
    fontFamily: "'Segoe UI', 'Noto Sans CJK SC', sans-serif",
    fontSize: '12px',
    color: '#605E5C',
    backgroundColor: '#FFF4CE',
  },
});

function cellStyle(c: CellView, gridlines: boolean): CSSProperties {
  const l = c.look;
  const line = gridlines ? `1px solid ${GRIDLINE}` : '1px solid transparent';
  const style: CSSProperties = {
    borderRight: l.borders.right ?? line,
    borderBottom: l.borders.bottom ?? line,
    textAlign: l.hAlign,
    verticalAlign: l.vAlign,
    // Text keeps its line breaks; only wrapped cells break lines to fit, as in Excel.
    whiteSpace: l.wrap ? 'pre-wrap' : 'pre',
    overflowWrap: l.wrap ? 'anywhere' : 'normal',
  };
  if (l.background) style.backgroundColor = l.background;
  if (l.color) style.color = l.color;
  if (l.bold) style.fontWeight = 700;
  if (l.italic) style.fontStyle = 'italic';
  if (l.underline || l.strike) style.textDecoration = [l.underline ? 'underline' : '', l.strike ? 'line-through' : ''].join(' ').trim();
  if (l.sizePt) style.fontSize = `${l.sizePt}pt`;
  if (l.indent) style.paddingLeft = `${3 + l.indent * 9}px`;
  if (c.finding) {
    // The corner mark, drawn as the cell's background image over its fill: no element of its own, so
    // that a marked cell costs the grid nothing more to lay out.
    const color = MARK_COLOR[c.finding.severity];
    style.backgroundImage = `linear-gradient(135deg, ${color} 0, ${color} ${MARK_PX}px, transparent ${MARK_PX}px)`;
    style.backgroundRepeat = 'no-repeat';
    style.backgroundSize = `${MARK_PX * 2}px ${MARK_PX * 2}px`;
  }
  return style;
}

/** The corner mark's size: the triangle's legs are about 1.4 times this. */
const MARK_PX = 5;

/** A marked cell's tooltip: its findings' messages, a few of them, and how many more. */
function findingTitle(lang: Lang, c: CellView): string | undefined {
  const f = c.finding;
  if (!f) return undefined;
  const shown = f.messages.slice(0, 3);
  return f.count > shown.length ? [...shown, wt(lang, 'grid.findings-more', { count: f.count - shown.length })].join('\n') : shown.join('\n');
}

interface RowProps {
  row: RowView;
  gridlines: boolean;
  /** Row and column of the selected cell when this row draws it, else 0. */
  selectedRow: number;
  selectedCol: number;
  selectedRef: string;
  /** The selected range's columns when it spans this row. */
  rangeLeft?: number;
  rangeRight?: number;
  activeRow: boolean;
  computedTitle: string;
  lang: Lang;
  /** Column → width in px, for text that runs over its empty neighbours. */
  widths: ReadonlyMap<number, number>;
  onPick(c: CellView, extend: boolean): void;
  /** Double-click: edit the cell in place. */
  onEditAt(c: CellView): void;
}

const Row = memo(function Row(p: RowProps) {
  const s = useStyles();
  return (
    <tr style={p.row.heightPx ? { height: `${p.row.heightPx}px` } : { height: `${AUTO_ROW_PX}px` }} data-auto-height={p.row.heightPx ? undefined : true}>
      <th scope="row" className={mergeClasses(s.head, s.rowHead, p.activeRow && s.headActive, p.activeRow && s.rowHeadActive)}>
        {p.row.row}
      </th>
      {p.row.cells.map((c) => {
        const selected = p.selectedCol === c.col && p.selectedRow === c.row;
        const inRange = p.rangeLeft !== undefined && p.rangeRight !== undefined && c.col + c.colSpan - 1 >= p.rangeLeft && c.col <= p.rangeRight;
        return (
          <td
            key={c.col}
            rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined}
            colSpan={c.colSpan > 1 ? c.colSpan : undefined}
            className={mergeClasses(s.cell, selected && s.selected, inRange && s.inRange, c.spillPx ? s.spilling : undefined)}
            style={cellStyle(c, p.gridlines)}
            data-testid={selected ? 'selected-cell' : undefined}
            data-address={selected ? p.selectedRef : undefined}
            data-cell={c.a1}
            data-state={c.state}
            data-light={c.light}
            data-row={c.state ? c.row : undefined}
            data-kind={c.computed}
            data-in-range={inRange || undefined}
            data-finding={c.finding?.severity}
            title={[c.computed ? p.computedTitle : undefined, findingTitle(p.lang, c)].filter(Boolean).join('\n') || undefined}
            onMouseDown={(e) => {
              // The grid keeps the keyboard in its cell editor; the browser's own text selection would
              // cover a shift-click's range.
              e.preventDefault();
              p.onPick(c, e.shiftKey);
            }}
            onDoubleClick={() => p.onEditAt(c)}
          >
            {c.spillPx ? (
              <div className={s.spill} style={{ width: `${(p.widths.get(c.col) ?? 0) + c.spillPx - 6}px` }}>
                {c.text}
              </div>
            ) : (
              c.text
            )}
          </td>
        );
      })}
    </tr>
  );
});

/** Keys that move the selection, as in Excel; Tab is left to the page, so focus can leave the grid. */
const KEYS: Record<string, Step | undefined> = {
  ArrowDown: 'down',
  Enter: 'down',
  ShiftEnter: 'up',
  ArrowUp: 'up',
  ArrowRight: 'right',
  ArrowLeft: 'left',
  CtrlHome: 'home',
};

export interface Selection {
  sheet: string;
  /** The displayed cell (a merge's top-left). */
  row: number;
  col: number;
  /** The address as asked for (`Sheet1!G42`). */
  ref: string;
  /** Bumped on every select, so that selecting the same cell again scrolls to it again. */
  seq: number;
  /** Brought to the middle of the view (a cell the pane selected), not just to its nearest edge. */
  reveal?: boolean;
  /** The selected range when it is more than the one cell (shift-click, or a range typed or asked for); the cell above is its active cell. */
  area?: { top: number; left: number; bottom: number; right: number };
}

export interface SheetGridProps {
  view: SheetView;
  lang: Lang;
  selection: Selection | null;
  onPick(c: CellView, extend: boolean): void;
  /** Writes what the user typed into a cell (`Sheet1!G42`); an empty text clears it. */
  onEdit?(ref: string, text: string): void;
  /** The choices of the selected cell's list validation (its dropdown), or null. */
  choices?: readonly string[] | null;
  /** Set to a function that puts the keyboard into the grid (after the Name Box, say). */
  focusRef?: MutableRefObject<(() => void) | null>;
  /**
   * A large sheet's rows come as the grid needs them: told the rows (view indexes, end exclusive) it
   * is about to draw. Rows not yet there are drawn empty, at their height.
   */
  onWindow?(start: number, end: number): void;
}

/** An edit under way: `replace` started by typing (arrows commit), `edit` by F2 or a double-click (arrows move the caret). */
interface Editing {
  row: number;
  col: number;
  ref: string;
  text: string;
  mode: 'replace' | 'edit';
}

const isPrintable = (e: KeyboardEvent) => e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;

export function SheetGrid(p: SheetGridProps) {
  const s = useStyles();
  const scroll = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const dropButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [dropdown, setDropdown] = useState<{ index: number } | null>(null);

  // A large sheet draws only the rows in view (plus a margin): where the body is scrolled to, and how
  // tall a one-line row turns out to be in this browser, place the window.
  const windowed = p.view.rows.length > WINDOW_FROM_ROWS;
  const [port, setPort] = useState({ top: 0, height: 800 });
  const [autoPx, setAutoPx] = useState(AUTO_ROW_PX);
  const offsets = useMemo(() => (windowed ? rowOffsets(p.view.rows, autoPx) : null), [p.view, windowed, autoPx]);
  const tall = useMemo(() => (windowed ? tallCellsOf(p.view.rows) : null), [p.view, windowed]);
  const rowIndex = useMemo(() => (windowed ? new Map(p.view.rows.map((r, i) => [r.row, i])) : null), [p.view, windowed]);
  const range = offsets ? visibleRange(offsets, port.top, port.height) : { start: 0, end: p.view.rows.length };
  const shownRows = useMemo(
    () => (windowed && tall ? windowRows(p.view.rows, tall, range.start, range.end) : p.view.rows),
    [p.view, windowed, tall, range.start, range.end],
  );
  const onWindow = p.onWindow;
  useEffect(() => {
    // A margin beyond the drawn rows, so that the rows a scroll reaches next are already on their way.
    if (windowed) onWindow?.(Math.max(0, range.start - WINDOW_MARGIN_ROWS), range.end + WINDOW_MARGIN_ROWS);
  }, [windowed, onWindow, range.start, range.end, p.view.name]);
  /** A selection outside the drawn rows: scrolled to first, brought into view once drawn. */
  const pendingReveal = useRef<ScrollIntoViewOptions | null>(null);
  const sel = p.selection && p.selection.sheet === p.view.name ? p.selection : null;
  const selCell = sel ? p.view.rows.find((r) => r.row === sel.row)?.cells.find((c) => c.col === sel.col) : undefined;
  const choices = sel && p.choices && p.choices.length > 0 ? p.choices : null;
  const computedTitle = wt(p.lang, 'grid.computed');
  const activeCols = new Set<number>();
  const activeRows = new Set<number>();
  if (sel) {
    for (let c = sel.col; c < sel.col + (selCell?.colSpan ?? 1); c++) activeCols.add(c);
    for (let r = sel.row; r < sel.row + (selCell?.rowSpan ?? 1); r++) activeRows.add(r);
  }

  // Editing and the dropdown belong to one cell: a new selection or sheet ends them.
  useEffect(() => {
    setEditing((e) => (e && sel && e.row === sel.row && e.col === sel.col && e.ref === sel.ref ? e : null));
    setDropdown(null);
  }, [sel?.row, sel?.col, sel?.ref, p.view.name]);

  useEffect(() => {
    if (!sel) return;
    const how: ScrollIntoViewOptions = sel.reveal ? { block: 'center', inline: 'center' } : { block: 'nearest', inline: 'nearest' };
    const el = scroll.current?.querySelector<HTMLElement>('[data-testid="selected-cell"]');
    if (el) {
      el.scrollIntoView(how);
      return;
    }
    // Not drawn: scroll the window to its row; the cell is brought into view once it is drawn.
    const box = scroll.current;
    const i = rowIndex?.get(sel.row);
    if (!box || !offsets || i === undefined) return;
    const top = Math.max(0, (offsets[i] as number) - box.clientHeight / 2);
    box.scrollTop = top;
    pendingReveal.current = how;
    setPort({ top, height: box.clientHeight });
  }, [sel?.seq, sel?.row, sel?.col, p.view.name]);

  useEffect(() => {
    const how = pendingReveal.current;
    if (!how) return;
    const el = scroll.current?.querySelector<HTMLElement>('[data-testid="selected-cell"]');
    if (!el) return;
    pendingReveal.current = null;
    el.scrollIntoView(how);
  });

  // The window follows the scrolling and the size of the box; a one-line row's drawn height is measured once.
  // Measuring reads layout: as passive effects these run after the browser's own layout and paint of
  // a new view (a key's move still runs them at once, React flushes a discrete update's effects
  // before the frame), so that a large sheet's commit and its layout are not one long task.
  useEffect(() => {
    const box = scroll.current;
    if (!box || !windowed) return;
    const update = () => setPort((prev) => (prev.top === box.scrollTop && prev.height === box.clientHeight ? prev : { top: box.scrollTop, height: box.clientHeight }));
    update();
    box.addEventListener('scroll', update, { passive: true });
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : null;
    resize?.observe(box);
    return () => {
      box.removeEventListener('scroll', update);
      resize?.disconnect();
    };
  }, [windowed]);

  useEffect(() => {
    if (!windowed) return;
    const tr = scroll.current?.querySelector<HTMLElement>('tbody tr[data-auto-height]');
    const h = tr?.getBoundingClientRect().height;
    if (h && Math.abs(h - autoPx) > 0.5) setAutoPx(h);
  }, [windowed, shownRows]);

  useEffect(() => {
    // A newly shown sheet starts at its top-left, as Excel opens it.
    if (!sel) scroll.current?.scrollTo({ top: 0, left: 0 });
  }, [p.view.name]);

  // The editor and the dropdown button sit over the selected cell, wherever the table put it.
  useEffect(() => {
    const box = scroll.current;
    const ed = input.current;
    if (!box || !ed) return;
    const td = box.querySelector<HTMLElement>('[data-testid="selected-cell"]');
    if (!td) {
      ed.style.left = '0px';
      ed.style.top = '0px';
      ed.style.width = '1px';
      ed.style.height = '1px';
      return;
    }
    const left = td.offsetLeft;
    const top = td.offsetTop + (td.offsetParent === box ? 0 : (td.offsetParent as HTMLElement | null)?.offsetTop ?? 0);
    ed.style.left = `${left}px`;
    ed.style.top = `${top}px`;
    ed.style.height = `${td.offsetHeight}px`;
    ed.style.width = editing ? `${Math.max(td.offsetWidth, Math.min(600, (editing.text.length + 2) * 9))}px` : `${td.offsetWidth}px`;
    const b = dropButton.current;
    if (b) {
      b.style.left = `${left + td.offsetWidth + 1}px`;
      b.style.top = `${top + td.offsetHeight - 18}px`;
    }
  });

  const focusGrid = useCallback(() => input.current?.focus({ preventScroll: true }), []);
  useEffect(() => {
    if (p.focusRef) p.focusRef.current = focusGrid;
  }, [p.focusRef, focusGrid]);

  // Read by the handlers that end an edit, so that Enter then the blur it causes write once.
  const editingRef = useRef<Editing | null>(null);
  editingRef.current = editing;
  const finish = (commit: boolean) => {
    const e = editingRef.current;
    editingRef.current = null;
    setEditing(null);
    if (e && commit && e.text !== (selCell?.input ?? '')) p.onEdit?.(e.ref, e.text);
  };

  const move = (step: Step) => {
    const from = sel ? cellCovering(p.view, sel.row, sel.col) : undefined;
    const to = from ? stepFrom(p.view, from, step) : cellCovering(p.view, 1, p.view.columns[0]?.col ?? 1);
    if (to) p.onPick(to, false);
  };

  const pick = (c: CellView, extend: boolean) => {
    // Clicking elsewhere keeps what was typed, as Excel does.
    if (editingRef.current) finish(true);
    p.onPick(c, extend);
    focusGrid();
  };

  const editAt = (c: CellView) => {
    if (!sel || sel.row !== c.row || sel.col !== c.col) p.onPick(c, false);
    setEditing({ row: c.row, col: c.col, ref: sel && sel.row === c.row && sel.col === c.col ? sel.ref : c.ref, text: c.input, mode: 'edit' });
    focusGrid();
  };

  const pickChoice = (choice: string) => {
    setDropdown(null);
    if (sel) p.onEdit?.(sel.ref, choice);
    focusGrid();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (dropdown && choices) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const n = choices.length;
        setDropdown({ index: (dropdown.index + (e.key === 'ArrowDown' ? 1 : n - 1)) % n });
      } else if (e.key === 'Enter') {
        e.preventDefault();
        pickChoice(choices[dropdown.index] as string);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        setDropdown(null);
      }
      return;
    }
    if (e.altKey && e.key === 'ArrowDown' && choices) {
      e.preventDefault();
      setDropdown({ index: Math.max(0, choices.indexOf(selCell?.text ?? '')) });
      return;
    }
    if (editing) {
      const enter = e.key === 'Enter' || e.key === 'Tab';
      const arrow = editing.mode === 'replace' && (e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'ArrowLeft' || e.key === 'ArrowRight');
      if (e.key === 'Escape') {
        e.preventDefault();
        finish(false);
      } else if (enter || arrow) {
        e.preventDefault();
        finish(true);
        const step: Step = e.key === 'Tab' ? (e.shiftKey ? 'left' : 'right') : e.key === 'Enter' ? (e.shiftKey ? 'up' : 'down') : (KEYS[e.key] as Step);
        move(step);
      }
      return;
    }
    if (!sel) return;
    if (e.key === 'F2') {
      e.preventDefault();
      if (selCell) editAt(selCell);
      return;
    }
    if (e.key === 'Delete') {
      e.preventDefault();
      if (selCell && selCell.input !== '') p.onEdit?.(sel.ref, '');
      return;
    }
    if (e.key === 'Backspace') {
      e.preventDefault();
      setEditing({ row: sel.row, col: sel.col, ref: sel.ref, text: '', mode: 'replace' });
      return;
    }
    if (isPrintable(e)) return; // typed into the editor: onChange opens the edit
    const step: Step | undefined = KEYS[e.key === 'Home' && e.ctrlKey ? 'CtrlHome' : e.key === 'Enter' && e.shiftKey ? 'ShiftEnter' : e.key];
    if (!step) return;
    e.preventDefault();
    move(step);
  };

  // The rows are memoized: they get handlers that never change and call the latest ones.
  const handlers = useRef({ pick, editAt });
  handlers.current = { pick, editAt };
  const onRowPick = useCallback((c: CellView, extend: boolean) => handlers.current.pick(c, extend), []);
  const onRowEdit = useCallback((c: CellView) => handlers.current.editAt(c), []);

  const width = ROW_HEADER_PX + p.view.columns.reduce((n, c) => n + c.widthPx, 0);
  const widths = useMemo(() => new Map(p.view.columns.map((c) => [c.col, c.widthPx])), [p.view]);
  return (
    <div
      className={s.scroll}
      ref={scroll}
      role="region"
      tabIndex={-1}
      aria-label={wt(p.lang, 'grid.label', { sheet: p.view.name })}
      data-testid="sheet-view"
      data-sheet={p.view.name}
      data-editing={editing ? editing.mode : undefined}
      onFocus={(e) => {
        // The region itself never keeps the keyboard: its cell editor does.
        if (e.target === e.currentTarget) focusGrid();
      }}
      onKeyDown={(e) => {
        // Keys on the region itself (before its editor has the focus) move the selection too.
        if (e.target === e.currentTarget) onKeyDown(e);
      }}
    >
      {p.view.truncated && (
        <div className={s.notice}>
          {wt(p.lang, 'grid.truncated', {
            rows: Math.min(p.view.rows.length, p.view.usedRows),
            cols: Math.min(p.view.columns.length, p.view.usedCols),
            totalRows: p.view.usedRows,
            totalCols: p.view.usedCols,
          })}
        </div>
      )}
      <input
        ref={input}
        className={mergeClasses(s.editor, editing ? s.editing : undefined)}
        data-testid="cell-editor"
        aria-label={sel ? wt(p.lang, 'grid.editor', { cell: sel.ref }) : wt(p.lang, 'grid.label', { sheet: p.view.name })}
        value={editing?.text ?? ''}
        style={selCell && editing ? cellFont(selCell) : undefined}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          const text = e.target.value;
          if (editing) setEditing({ ...editing, text });
          else if (sel && text !== '') setEditing({ row: sel.row, col: sel.col, ref: sel.ref, text, mode: 'replace' });
        }}
        onCompositionStart={() => {
          // Chinese input: the composition goes into the cell, replacing it, as typing does.
          if (!editing && sel) setEditing({ row: sel.row, col: sel.col, ref: sel.ref, text: '', mode: 'replace' });
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (editing) finish(true);
          setDropdown(null);
        }}
      />
      {choices && !editing && (
        <button
          ref={dropButton}
          type="button"
          tabIndex={-1}
          className={s.dropButton}
          data-testid="cell-dropdown-button"
          aria-label={wt(p.lang, 'grid.dropdown')}
          title={wt(p.lang, 'grid.dropdown')}
          onMouseDown={(e) => {
            e.preventDefault();
            setDropdown((d) => (d ? null : { index: Math.max(0, choices.indexOf(selCell?.text ?? '')) }));
            focusGrid();
          }}
        >
          ▼
        </button>
      )}
      {choices && dropdown && (
        <ul
          className={s.dropList}
          role="listbox"
          data-testid="cell-dropdown"
          aria-label={wt(p.lang, 'grid.dropdown')}
          style={{ left: dropButton.current?.style.left ? `${parseFloat(dropButton.current.style.left) - (selCell ? (widths.get(selCell.col) ?? 0) : 0)}px` : '0px', top: dropButton.current?.style.top ? `${parseFloat(dropButton.current.style.top) + 19}px` : '0px' }}
        >
          {choices.map((c, i) => (
            <li
              key={c}
              role="option"
              aria-selected={i === dropdown.index}
              className={mergeClasses(s.dropItem, i === dropdown.index && s.dropItemActive)}
              data-testid="cell-choice"
              data-choice={c}
              onMouseDown={(e) => {
                e.preventDefault();
                pickChoice(c);
              }}
            >
              {c}
            </li>
          ))}
        </ul>
      )}
      <table className={s.table} style={{ width: `${width}px` }} role="grid">
        <colgroup>
          <col style={{ width: `${ROW_HEADER_PX}px` }} />
          {p.view.columns.map((c) => (
            <col key={c.col} style={{ width: `${c.widthPx}px` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className={s.corner} aria-hidden="true" />
            {p.view.columns.map((c) => (
              <th key={c.col} scope="col" className={mergeClasses(s.head, s.colHead, activeCols.has(c.col) && s.headActive, activeCols.has(c.col) && s.colHeadActive)}>
                {c.letter}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {offsets && range.start > 0 && (
            <tr aria-hidden="true" data-testid="rows-above" style={{ height: `${offsets[range.start]}px` }}>
              <td className={s.spacer} colSpan={p.view.columns.length + 1} />
            </tr>
          )}
          {shownRows.map((r) => (
            <Row
              key={r.row}
              row={r}
              gridlines={p.view.gridlines}
              selectedRow={sel && drawsSelection(r, sel) ? sel.row : 0}
              selectedCol={sel && drawsSelection(r, sel) ? sel.col : 0}
              selectedRef={sel && drawsSelection(r, sel) ? sel.ref : ''}
              activeRow={activeRows.has(r.row)}
              {...(sel?.area && r.row >= sel.area.top && r.row <= sel.area.bottom ? { rangeLeft: sel.area.left, rangeRight: sel.area.right } : {})}
              computedTitle={computedTitle}
              lang={p.lang}
              widths={widths}
              onPick={onRowPick}
              onEditAt={onRowEdit}
            />
          ))}
          {offsets && range.end < p.view.rows.length && (
            <tr aria-hidden="true" data-testid="rows-below" style={{ height: `${(offsets[p.view.rows.length] as number) - (offsets[range.end] as number)}px` }}>
              <td className={s.spacer} colSpan={p.view.columns.length + 1} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Whether a drawn row holds the selected cell (its own row, or the first drawn row carrying a merge from above). */
function drawsSelection(r: RowView, sel: Selection): boolean {
  return r.row === sel.row || (r.row > sel.row && r.cells.some((c) => c.row === sel.row && c.col === sel.col));
}

/** The editor takes the cell's font, so the text does not jump when editing starts. */
function cellFont(c: CellView): CSSProperties {
  const style: CSSProperties = { textAlign: c.look.hAlign === 'justify' ? 'left' : c.look.hAlign };
  if (c.look.bold) style.fontWeight = 700;
  if (c.look.italic) style.fontStyle = 'italic';
  if (c.look.sizePt) style.fontSize = `${c.look.sizePt}pt`;
  return style;
}
