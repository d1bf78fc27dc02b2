import ExcelJS from 'exceljs';
import { getCell } from '../../../src/core/grid';
import { gridsFromWorkbook, loadWorkbookBuffer, UnreadableWorkbookError } from '../../../src/hosts/xlsx';

async function roundTrip(build: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return gridsFromWorkbook(await loadWorkbookBuffer('t.xlsx', buf));
}

describe('xlsx host: reading a workbook into grids', () => {
  it('reads values, displayed text, formats, formulas, merges and hidden rows and columns', async () => {
    const [g] = await roundTrip((wb) => {
      const ws = wb.addWorksheet('表1');
      ws.getCell('A1').value = '标题';
      ws.mergeCells('A1:C1');
      ws.getCell('A2').value = { richText: [{ text: '责任人' }, { text: '及电话', font: { bold: true } }] };
      ws.getCell('B2').value = 10;
      ws.getCell('C2').value = 0.25;
      ws.getCell('C2').numFmt = '0%';
      ws.getCell('A3').value = new Date(Date.UTC(2018, 2, 31));
      ws.getCell('A3').numFmt = 'yyyy-mm-dd';
      ws.getCell('B3').value = { formula: 'B2*2', result: 20 };
      ws.getCell('B4').value = { sharedFormula: 'B3', result: 40 } as unknown as ExcelJS.CellValue;
      ws.getCell('C3').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
      ws.getCell('C4').value = true;
      ws.getRow(4).hidden = true;
      ws.getColumn(3).hidden = true;
    });
    expect(g).toBeDefined();
    const grid = g!;
    expect(grid.name).toBe('表1');
    expect(grid.rowCount).toBe(4);
    expect(grid.colCount).toBe(3);
    expect(grid.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
    expect(getCell(grid, 1, 2)).toBeUndefined();
    expect(getCell(grid, 2, 1)).toEqual({ value: { kind: 'string', value: '责任人及电话' }, text: '责任人及电话' });
    expect(getCell(grid, 2, 2)?.value).toEqual({ kind: 'number', value: 10 });
    expect(getCell(grid, 2, 3)).toMatchObject({ text: '25%', format: '0%' });
    expect(getCell(grid, 3, 1)?.value).toEqual({ kind: 'date', value: '2018-03-31', serial: 43190 });
    expect(getCell(grid, 3, 1)?.text).toBe('2018-03-31');
    expect(getCell(grid, 3, 2)).toMatchObject({ formula: 'B2*2', value: { kind: 'number', value: 20 } });
    expect(getCell(grid, 4, 2)).toMatchObject({ formula: 'B3*2', value: { kind: 'number', value: 40 } });
    expect(getCell(grid, 3, 3)?.value).toEqual({ kind: 'error', value: '#REF!' });
    expect(getCell(grid, 4, 3)?.value).toEqual({ kind: 'boolean', value: true });
    expect(grid.hiddenRows).toEqual([4]);
    expect(grid.hiddenCols).toEqual([3]);
  });

  it('reads an empty sheet as an empty grid and keeps sheet order and visibility', async () => {
    const grids = await roundTrip((wb) => {
      wb.addWorksheet('空白');
      const h = wb.addWorksheet('隐藏');
      h.getCell('A1').value = 'x';
      h.state = 'hidden';
    });
    expect(grids.map((g) => [g.name, g.rowCount, g.colCount, g.visibility])).toEqual([
      ['空白', 0, 0, undefined],
      ['隐藏', 1, 1, 'hidden'],
    ]);
  });

  it('refuses what is not an xlsx with a reason, never a crash', async () => {
    await expect(loadWorkbookBuffer('a.txt', Buffer.from('序号,任务'))).rejects.toMatchObject({ reason: 'not-xlsx' });
    await expect(loadWorkbookBuffer('a.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).rejects.toMatchObject({ reason: 'encrypted' });
    await expect(loadWorkbookBuffer('a.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toBeInstanceOf(UnreadableWorkbookError);
  });
});
