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

describe('SheetGrid: editing as in Excel', () => {
  const sel: Selection = { sheet: 'S', row: 2, col: 1, ref: 'S!A2', seq: 1 };
  function setup(choices: string[] | null = null) {
    const edits: Array<[string, string]> = [];
    const r = render(<SheetGrid view={view()} lang="en-US" selection={sel} onPick={() => {}} onEdit={(ref, text) => edits.push([ref, text])} choices={choices} />);
    const editor = r.container.querySelector('[data-testid="cell-editor"]') as HTMLInputElement;
    const region = r.container.querySelector('[data-testid="sheet-view"]') as HTMLElement;
    return { ...r, edits, editor, region };
  }

  test('typing replaces the selected cell; Enter writes it', () => {
    const { editor, region, edits } = setup();
    fireEvent.change(editor, { target: { value: 'n' } });
    expect(region.getAttribute('data-editing')).toBe('replace');
    fireEvent.change(editor, { target: { value: 'new' } });
    fireEvent.keyDown(editor, { key: 'Enter' });
    expect(edits).toEqual([['S!A2', 'new']]);
    expect(region.getAttribute('data-editing')).toBeNull();
  });

  test('F2 edits the cell as it is; Escape drops the edit and writes nothing', () => {
    const { editor, region, edits } = setup();
    fireEvent.keyDown(editor, { key: 'F2' });
    expect(region.getAttribute('data-editing')).toBe('edit');
    expect(editor.value).toBe('node');
    fireEvent.change(editor, { target: { value: 'node 2' } });
    fireEvent.keyDown(editor, { key: 'Escape' });
    expect(region.getAttribute('data-editing')).toBeNull();
    fireEvent.blur(editor);
    expect(edits).toEqual([]);
  });

  test('Delete clears the cell; Enter after an unchanged F2 writes nothing', () => {
    const { editor, edits } = setup();
    fireEvent.keyDown(editor, { key: 'F2' });
    fireEvent.keyDown(editor, { key: 'Enter' });
    fireEvent.keyDown(editor, { key: 'Delete' });
    expect(edits).toEqual([['S!A2', '']]);
  });

  test('a cell with a list validation offers its choices; Alt+Down, Down and Enter pick one', () => {
    const { editor, container, edits } = setup(['done', 'late']);
    expect(container.querySelector('[data-testid="cell-dropdown-button"]')).not.toBeNull();
    fireEvent.keyDown(editor, { key: 'ArrowDown', altKey: true });
    expect([...container.querySelectorAll('[data-testid="cell-choice"]')].map((e) => e.textContent)).toEqual(['done', 'late']);
    fireEvent.keyDown(editor, { key: 'ArrowDown' });
    fireEvent.keyDown(editor, { key: 'Enter' });
    expect(edits).toEqual([['S!A2', 'late']]);
    expect(container.querySelector('[data-testid="cell-dropdown"]')).toBeNull();
  });
});
