/** The workbook view of one sheet: column letters, row numbers and cells, drawn from a SheetView. */
import { makeStyles, mergeClasses } from '@fluentui/react-components';
import { memo, useEffect, useMemo, useRef, type CSSProperties } from 'react';
import type { Lang } from '../core/i18n';
import { wt } from './strings';
import { cellCovering, stepFrom, type CellView, type RowView, type SheetView, type Step } from './view-model';

export const EXCEL_GREEN = '#107C41';
const GRIDLINE = '#E1E1E1';
const HEADER_BG = '#F5F5F5';
const HEADER_LINE = '#C8C8C8';
const ROW_HEADER_PX = 44;
const HEADER_ROW_PX = 22;

const useStyles = makeStyles({
  scroll: {
    flex: '1 1 auto',
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
    zIndex: 3,
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
    zIndex: 2,
    height: `${HEADER_ROW_PX}px`,
    padding: 0,
  },
  rowHead: {
    left: 0,
    zIndex: 1,
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
  return style;
}

interface RowProps {
  row: RowView;
  gridlines: boolean;
  /** Column of the selected cell when it is on this row, else 0. */
  selectedCol: number;
  selectedRef: string;
  /** The selected range's columns when it spans this row. */
  rangeLeft?: number;
  rangeRight?: number;
  activeRow: boolean;
  computedTitle: string;
  /** Column → width in px, for text that runs over its empty neighbours. */
  widths: ReadonlyMap<number, number>;
  onPick(c: CellView, extend: boolean): void;
}

const Row = memo(function Row(p: RowProps) {
  const s = useStyles();
  return (
    <tr style={p.row.heightPx ? { height: `${p.row.heightPx}px` } : { height: '20px' }}>
      <th scope="row" className={mergeClasses(s.head, s.rowHead, p.activeRow && s.headActive, p.activeRow && s.rowHeadActive)}>
        {p.row.row}
      </th>
      {p.row.cells.map((c) => {
        const selected = p.selectedCol === c.col;
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
            title={c.computed ? p.computedTitle : undefined}
            onMouseDown={(e) => {
              // Shift-click extends the selected range; the browser's own text selection would cover it.
              if (e.shiftKey) e.preventDefault();
              p.onPick(c, e.shiftKey);
            }}
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

export function SheetGrid(p: { view: SheetView; lang: Lang; selection: Selection | null; onPick(c: CellView, extend: boolean): void }) {
  const s = useStyles();
  const scroll = useRef<HTMLDivElement>(null);
  const sel = p.selection && p.selection.sheet === p.view.name ? p.selection : null;
  const computedTitle = wt(p.lang, 'grid.computed');
  const activeCols = new Set<number>();
  const activeRows = new Set<number>();
  if (sel) {
    const cell = p.view.rows.find((r) => r.row === sel.row)?.cells.find((c) => c.col === sel.col);
    for (let c = sel.col; c < sel.col + (cell?.colSpan ?? 1); c++) activeCols.add(c);
    for (let r = sel.row; r < sel.row + (cell?.rowSpan ?? 1); r++) activeRows.add(r);
  }

  useEffect(() => {
    if (!sel) return;
    const el = scroll.current?.querySelector<HTMLElement>('[data-testid="selected-cell"]');
    el?.scrollIntoView(sel.reveal ? { block: 'center', inline: 'center' } : { block: 'nearest', inline: 'nearest' });
  }, [sel?.seq, sel?.row, sel?.col, p.view.name]);

  useEffect(() => {
    // A newly shown sheet starts at its top-left, as Excel opens it.
    if (!sel) scroll.current?.scrollTo({ top: 0, left: 0 });
  }, [p.view.name]);

  const width = ROW_HEADER_PX + p.view.columns.reduce((n, c) => n + c.widthPx, 0);
  const widths = useMemo(() => new Map(p.view.columns.map((c) => [c.col, c.widthPx])), [p.view]);
  return (
    <div
      className={s.scroll}
      ref={scroll}
      role="region"
      tabIndex={0}
      aria-label={wt(p.lang, 'grid.label', { sheet: p.view.name })}
      data-testid="sheet-view"
      data-sheet={p.view.name}
      onKeyDown={(e) => {
        const step: Step | undefined = KEYS[e.key === 'Home' && e.ctrlKey ? 'CtrlHome' : e.key];
        if (!step) return;
        const from = sel ? cellCovering(p.view, sel.row, sel.col) : undefined;
        const to = from ? stepFrom(p.view, from, step) : cellCovering(p.view, 1, p.view.columns[0]?.col ?? 1);
        e.preventDefault();
        if (to) p.onPick(to, false);
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
          {p.view.rows.map((r) => (
            <Row
              key={r.row}
              row={r}
              gridlines={p.view.gridlines}
              selectedCol={sel && sel.row === r.row ? sel.col : 0}
              selectedRef={sel && sel.row === r.row ? sel.ref : ''}
              activeRow={activeRows.has(r.row)}
              {...(sel?.area && r.row >= sel.area.top && r.row <= sel.area.bottom ? { rangeLeft: sel.area.left, rangeRight: sel.area.right } : {})}
              computedTitle={computedTitle}
              widths={widths}
              onPick={p.onPick}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
