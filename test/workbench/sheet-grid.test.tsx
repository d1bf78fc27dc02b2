/** @jest-environment jsdom */
import { fireEvent, render } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { SheetGrid, type Selection } from '../../src/workbench/SheetGrid';
import { wt } from '../../src/workbench/strings';
import type { Overlay } from '../../src/workbench/overlay';
import { sheetView, type SheetView } from '../../src/workbench/render-model';

// jsdom lays nothing out; the grid only asks to scroll.
Element.prototype.scrollIntoView = function scrollIntoView() {};
Element.prototype.scrollTo = function scrollTo() {};

function view(): SheetView {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  ws.getCell('A1').value = '<img src=x onerror="window.__pwned=1">';
  ws.getCell('B2').value = 'merged';
  ws.mergeCells('B2:C3');
  ws.getCell('D2').value = { formula: 'MAX(0,1)' } as ExcelJS.CellFormulaValue;
  ws.getCell('A2').value = 'node';
  const overlay: Overlay = {
    asOf: '2018-07-15',
    rowStates: new Map([['S', new Map([[2, 'overdue' as const]])]]),
    ranges: new Map([['S', [{ top: 2, left: 1, bottom: 3, right: 4 }]]]),
    computed: new Map([['S\u0000D2', { text: '7.5', kind: 'score' as const }]]),
    counts: { overdue: 1, due_soon: 0, done: 0 },
  };
  return sheetView(wb, 'S', overlay)!;
}

describe('SheetGrid', () => {
  test('cell text is text, never markup', () => {
    const { container } = render(<SheetGrid view={view()} lang="zh-CN" selection={null} onPick={() => {}} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('td[data-cell="A1"]')?.textContent).toBe('<img src=x onerror="window.__pwned=1">');
  });

  test('merges, states, computed cells and the selection carry their attributes', () => {
    const sel: Selection = { sheet: 'S', row: 2, col: 2, ref: 'S!C3', seq: 1 };
    const { container } = render(<SheetGrid view={view()} lang="en-US" selection={sel} onPick={() => {}} />);
    const merged = container.querySelector('td[data-cell="B2"]') as HTMLTableCellElement;
    expect(merged.rowSpan).toBe(2);
    expect(merged.colSpan).toBe(2);
    expect(container.querySelector('td[data-cell="C3"]')).toBeNull();
    expect(container.querySelectorAll('[data-state="overdue"]')).toHaveLength(3);
    expect([...container.querySelectorAll('[data-state="overdue"]')].map((e) => e.getAttribute('data-row'))).toEqual(['2', '2', '2']);
    const score = container.querySelector('[data-kind="score"]') as HTMLElement;
    expect(score.textContent).toBe('7.5');
    expect(score.getAttribute('title')).toBe(wt('en-US', 'grid.computed'));
    const selected = container.querySelectorAll('[data-testid="selected-cell"]');
    expect(selected).toHaveLength(1);
    expect(selected[0]?.getAttribute('data-address')).toBe('S!C3');
    expect(selected[0]?.getAttribute('data-cell')).toBe('B2');
    expect(container.querySelectorAll('thead th')).toHaveLength(1 + view().columns.length);
  });

  test('a click picks the cell', () => {
    const picked: string[] = [];
    const { container } = render(<SheetGrid view={view()} lang="zh-CN" selection={null} onPick={(c) => picked.push(c.ref)} />);
    fireEvent.mouseDown(container.querySelector('td[data-cell="A2"]') as Element);
    expect(picked).toEqual(['S!A2']);
  });
});
