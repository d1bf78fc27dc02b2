/** ExcelJS's merge, made linear (src/hosts/xlsx/exceljs-merges.ts), merges and refuses as before. */
import ExcelJS from 'exceljs';
import { generateXlsx } from '../../../bench/generate';
import { installLinearMerges } from '../../../src/hosts/xlsx/exceljs-merges';

installLinearMerges();

describe('linear merges in ExcelJS', () => {
  it('merges, and refuses a merge over merged cells, a one-cell merge included', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('s');
    ws.getCell('B2').value = 'top';
    ws.mergeCells('B2:C4');
    expect(ws.getCell('C4').type).toBe(ExcelJS.ValueType.Merge);
    expect(ws.getCell('C4').value).toBe('top');
    expect(() => ws.mergeCells('A1:B2')).toThrow('Cannot merge already merged cells');
    expect(() => ws.mergeCells('C4:D5')).toThrow('Cannot merge already merged cells');
    ws.mergeCells('E5:E5');
    expect(() => ws.mergeCells('D4:F6')).toThrow('Cannot merge already merged cells');
    ws.mergeCells('D5:D6');
    expect(Object.keys((ws as unknown as { _merges: object })._merges).sort()).toEqual(['B2', 'D5', 'E5']);
  });

  it('loads a table with its task cells merged over the node rows, every merge in place', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await generateXlsx(4000, { merged: true })) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Sheet1')!;
    // The title and seven columns for each of the 1,000 tasks.
    expect(Object.keys((ws as unknown as { _merges: object })._merges)).toHaveLength(1 + 7 * 1000);
    expect(ws.getCell('C4002').type).toBe(ExcelJS.ValueType.Merge);
    expect(ws.getCell('C4002').value).toBe('1000. 推进第1000项重点工作。');
  });
});
