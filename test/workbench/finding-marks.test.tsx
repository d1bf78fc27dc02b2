/** @jest-environment jsdom */
import { render } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { findingMarks, MARK_COLOR } from '../../src/workbench/finding-marks';
import { sheetView } from '../../src/workbench/render-model';
import { SheetGrid } from '../../src/workbench/SheetGrid';
import { wt } from '../../src/workbench/strings';
import type { Finding } from '../../src/core/contract';

Element.prototype.scrollIntoView = function scrollIntoView() {};
Element.prototype.scrollTo = function scrollTo() {};

const finding = (cell: string | undefined, severity: Finding['severity'], message: string): Finding => ({ rule: 'date.invalid', severity, message, ...(cell ? { cell } : {}) });

describe('the grid marks the cells with findings in their corner, as Excel does', () => {
  const findings = [
    finding('S!B2', 'info', 'B2 info'),
    finding('S!B2', 'error', 'B2 error'),
    finding('S!D5', 'warning', 'D5 warning'),
    // Inside the merge A3:A6: the merge's cell (A3) shows the mark.
    finding('S!A5', 'warning', 'A5 in the merge'),
    finding("'Other sheet'!C1", 'error', 'elsewhere'),
    finding(undefined, 'error', 'a finding of the file, no cell'),
  ];

  test('per sheet and cell: the most severe finding, the count, the messages most severe first', () => {
    const marks = findingMarks({ findings });
    expect(marks.get('S')?.get('2,2')).toEqual({ severity: 'error', count: 2, messages: ['B2 error', 'B2 info'] });
    expect(marks.get('S')?.get('5,4')).toEqual({ severity: 'warning', count: 1, messages: ['D5 warning'] });
    expect(marks.get('Other sheet')?.get('1,3')?.severity).toBe('error');
    // Nothing for the finding without a cell.
    expect([...marks.values()].reduce((n, m) => n + m.size, 0)).toBe(4);
  });

  function view() {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('B2').value = '2018-9-31';
    ws.getCell('D5').value = '张三 ';
    ws.getCell('A3').value = '类别';
    ws.mergeCells('A3:A6');
    ws.getCell('C2').value = 'clean';
    return sheetView(wb, 'S', null, undefined, findingMarks({ findings }).get('S'))!;
  }

  test('the view carries the marks, a merged cell taking those of the cells it covers', () => {
    const v = view();
    const at = (a1: string) => v.rows.flatMap((r) => r.cells).find((c) => c.a1 === a1);
    expect(at('B2')?.finding?.severity).toBe('error');
    expect(at('A3')?.finding).toEqual({ severity: 'warning', count: 1, messages: ['A5 in the merge'] });
    expect(at('C2')?.finding).toBeUndefined();
  });

  test('drawn: a coloured corner and the messages as the tooltip; clean cells have neither', () => {
    const { container } = render(<SheetGrid view={view()} lang="en-US" selection={null} onPick={() => {}} />);
    const b2 = container.querySelector('td[data-cell="B2"]') as HTMLElement;
    expect(b2.getAttribute('data-finding')).toBe('error');
    // The triangle: the error red from the cell's top-left corner to 5 px along the diagonal.
    expect(MARK_COLOR.error).toBe('#C50F1F');
    expect(b2.style.backgroundImage).toBe('linear-gradient(135deg, #C50F1F 0, #C50F1F 5px, transparent 5px)');
    expect(b2.style.backgroundRepeat).toBe('no-repeat');
    expect(b2.getAttribute('title')).toBe('B2 error\nB2 info');
    const d5 = container.querySelector('td[data-cell="D5"]') as HTMLElement;
    expect(d5.getAttribute('data-finding')).toBe('warning');
    expect(d5.style.backgroundImage).toContain('#DA3B01');
    const c2 = container.querySelector('td[data-cell="C2"]') as HTMLElement;
    expect(c2.getAttribute('data-finding')).toBeNull();
    expect(c2.style.backgroundImage).toBe('');
    expect(c2.getAttribute('title')).toBeNull();
  });

  test('a cell with many findings shows three messages and how many more', () => {
    const many = Array.from({ length: 5 }, (_, i) => finding('S!B2', 'warning', `m${i}`));
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('B2').value = 'x';
    const v = sheetView(wb, 'S', null, undefined, findingMarks({ findings: many }).get('S'))!;
    const { container } = render(<SheetGrid view={v} lang="zh-CN" selection={null} onPick={() => {}} />);
    expect(container.querySelector('td[data-cell="B2"]')?.getAttribute('title')).toBe(['m0', 'm1', 'm2', wt('zh-CN', 'grid.findings-more', { count: 2 })].join('\n'));
  });
});
