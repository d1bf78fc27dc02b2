/**
 * A table's own scoring rules in the workbook compute what the core computes: the generated workbook
 * of test/support/own-rules-workbook.ts (加分/扣分/得分 columns; a 扣分制 table) is applied as of
 * 2024-07-01, LibreOffice (headless, a profile of its own) recalculates it, and every task score,
 * every 得分 cell apply filled and both table totals agree with the core's golden values
 * (test/core/scoring/own-rules-workbook.test.ts).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { annotateWorkbook } from '../../src/hosts/xlsx';
import { ownRulesWorkbook } from '../support/own-rules-workbook';
import { SOFFICE } from '../support/libreoffice';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-lo-own-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function result(cell: ExcelJS.Cell): unknown {
  const v = cell.value as ExcelJS.CellValue;
  if (v && typeof v === 'object' && 'formula' in v) return (v as ExcelJS.CellFormulaValue).result ?? '';
  return v ?? '';
}

/** ExcelJS reads a cached 0 as no result: a blank there is 0. */
const num = (v: unknown) => (v === '' ? 0 : v);

describe('LibreOffice recalculates the scores of a table’s own rules', () => {
  let lo: ExcelJS.Workbook;
  let before: ExcelJS.Workbook;

  beforeAll(async () => {
    if (!SOFFICE) throw new Error('LibreOffice (soffice) is not installed');
    before = ownRulesWorkbook();
    annotateWorkbook(before, 'own-rules', { lang: 'zh-CN', asOf: '2024-07-01', today: '2024-07-01' });
    const file = path.join(tmp, 'own-rules.xlsx');
    await before.xlsx.writeFile(file);
    fs.mkdirSync(path.join(tmp, 'out'));
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${path.join(tmp, 'profile')}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', path.join(tmp, 'out'), file], {
      stdio: 'ignore',
      timeout: 240_000,
    });
    lo = new ExcelJS.Workbook();
    await lo.xlsx.readFile(path.join(tmp, 'out', 'own-rules.xlsx'));
  }, 300_000);

  it('a table with 加分/扣分/得分 columns: its filled 得分 kept, the empty ones written live', () => {
    // Table A:I, its status F; apply adds due J and score K.
    const ws = lo.getWorksheet('Sheet1')!;
    expect([3, 4, 5, 6].map((r) => num(result(ws.getCell(`K${r}`))))).toEqual([15, 0, 27, 0]);
    expect([3, 4, 5, 6].map((r) => num(result(ws.getCell(`I${r}`))))).toEqual([15, 0, 27, 0]);
    // The filled 得分 stays the user's number, not a formula.
    expect(before.getWorksheet('Sheet1')!.getCell('I5').value).toBe(27);
    expect(before.getWorksheet('Sheet1')!.getCell('I3').formula).toBeDefined();
  });

  it('a 扣分制 table: 起评分 100 − 5 − 12.5 + min(8, 5) = 87.5', () => {
    // Table A:F; apply adds status G, due H, score I.
    const ws = lo.getWorksheet('扣分')!;
    expect([4, 5, 6].map((r) => result(ws.getCell(`I${r}`)))).toEqual([-5, 5, -12.5]);
    expect([4, 5, 6].map((r) => result(ws.getCell(`F${r}`)))).toEqual([-5, 5, -12.5]);
  });

  it('the summary’s totals: 42 and 87.5', () => {
    const summary = lo.getWorksheet('评分汇总')!;
    const totals: unknown[] = [];
    summary.eachRow((row) => {
      if (row.getCell(2).value === '合计') totals.push(result(row.getCell(4)));
    });
    expect(totals).toEqual([42, 87.5]);
  });
});
