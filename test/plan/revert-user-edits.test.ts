/**
 * A cell the add-in wrote and the user then changed is the user's: revert leaves it as the user made
 * it and lists it; so is the summary sheet once the user has written into it. The rest reverts.
 */
import ExcelJS from 'exceljs';
import { annotateWorkbook, revertWorkbook } from '../../src/hosts/xlsx';
import { fixturePath } from '../support/fixtures';

const OPTIONS = { lang: 'zh-CN' as const, asOf: '2018-07-15', today: '2018-07-15' };

async function annotated(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fixturePath('seeds/seed-000.xlsx'));
  annotateWorkbook(wb, 'seed-000.xlsx', OPTIONS);
  return wb;
}

it('leaves a due date the user retyped, lists it, and reverts the rest', async () => {
  const wb = await annotated();
  const ws = wb.getWorksheet('Sheet1')!;
  expect(ws.getCell('L4').value).toBe(43281);
  ws.getCell('L4').value = '待定';
  expect(revertWorkbook(wb)).toEqual({ skipped: [{ sheet: 'Sheet1', cell: 'L4', reason: 'changed' }] });
  expect(ws.getCell('L4').value).toBe('待定');
  expect(ws.getCell('L5').value).toBeNull();
  expect(ws.getCell('M2').value).toBeNull();
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Sheet1']);
});

it('keeps the summary sheet the user wrote into, and says so', async () => {
  const wb = await annotated();
  wb.getWorksheet('评分汇总')!.getCell('G2').value = '科长已审';
  expect(revertWorkbook(wb)).toEqual({ skipped: [{ sheet: '评分汇总', reason: 'sheet-changed' }] });
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Sheet1', '评分汇总']);
  expect(wb.getWorksheet('Sheet1')!.getCell('M2').value).toBeNull();
});
