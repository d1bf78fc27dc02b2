/**
 * A 扣分制 table whose items carry a 分值 and a 扣分 computes in the workbook what the core computes:
 * the generated workbook of test/support/own-rules-workbook.ts (itemDeductionsWorkbook) is applied,
 * LibreOffice (headless, a profile of its own) recalculates it, and every item score, every 得分 cell
 * apply filled and the table's total agree with the core (test/core/scoring/item-deductions.test.ts);
 * a 扣分 typed afterwards changes the item's score as the core would.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../src/core/check';
import { annotateWorkbook, gridsFromWorkbook } from '../../src/hosts/xlsx';
import { itemDeductionsWorkbook } from '../support/own-rules-workbook';

const SOFFICE = ['soffice', 'libreoffice'].find((cmd) => {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-lo-items-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function result(cell: ExcelJS.Cell): unknown {
  const v = cell.value as ExcelJS.CellValue;
  if (v && typeof v === 'object' && 'formula' in v) return (v as ExcelJS.CellFormulaValue).result ?? '';
  return v ?? '';
}

/** ExcelJS reads a cached 0 as no result: a blank in a cell that holds a number formula is 0. */
const num = (v: unknown) => (v === '' ? 0 : v);

const ROWS = [3, 4, 5, 6, 7, 8];

describe('LibreOffice recalculates a 扣分制 table scored item by item', () => {
  let lo: ExcelJS.Workbook;
  let before: ExcelJS.Workbook;
  let core: Array<number | null>;
  let coreTotal: number | null;

  beforeAll(async () => {
    if (!SOFFICE) throw new Error('LibreOffice (soffice) is not installed');
    before = itemDeductionsWorkbook();
    // Staff change a 扣分 after apply (the 1st item: 20 − 9); the core reads the edited sheet.
    annotateWorkbook(before, 'items', { lang: 'zh-CN', asOf: '2024-07-01', today: '2024-07-01' });
    before.getWorksheet('细则')!.getCell('E3').value = 9;
    const t = checkWorkbook('items', gridsFromWorkbook(before), { asOf: '2024-07-01' }).sheets.find((s) => s.name === '细则')!.tables[0]!;
    core = t.tasks.map((k) => k.score?.earned ?? null);
    coreTotal = t.score?.earned ?? null;
    const file = path.join(tmp, 'items.xlsx');
    await before.xlsx.writeFile(file);
    fs.mkdirSync(path.join(tmp, 'out'));
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${path.join(tmp, 'profile')}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', path.join(tmp, 'out'), file], {
      stdio: 'ignore',
      timeout: 240_000,
    });
    lo = new ExcelJS.Workbook();
    await lo.xlsx.readFile(path.join(tmp, 'out', 'items.xlsx'));
  }, 300_000);

  it('the core, by hand: 11, 0, none, 18, 15, 8 — 52', () => {
    expect(core).toEqual([11, 0, null, 18, 15, 8]);
    expect(coreTotal).toBe(52);
  });

  it('each item’s score cell and each 得分 apply filled agree with the core', () => {
    // Table A:G; apply adds status H, due I and score J.
    const ws = lo.getWorksheet('细则')!;
    // The item not yet assessed shows empty text, no points.
    const shown = core.map((x) => (x === null ? '' : x));
    expect(ROWS.map((r) => (r === 5 ? result(ws.getCell(`J${r}`)) : num(result(ws.getCell(`J${r}`)))))).toEqual(shown);
    expect(ROWS.map((r) => (r === 5 ? result(ws.getCell(`G${r}`)) : num(result(ws.getCell(`G${r}`)))))).toEqual(shown);
    // The filled 得分 stays the user's number; the empty ones got the live formula.
    expect(before.getWorksheet('细则')!.getCell('G8').value).toBe(8);
    expect(before.getWorksheet('细则')!.getCell('G3').formula).toBe('IF(COUNT(F3,E3)=0,"",MIN(N(D3),MAX(0,N(D3)-N(E3)))+N(MIN(3,N(F3))))');
  });

  it('the summary’s task list: each item decided once scored, open until then', () => {
    const summary = lo.getWorksheet('评分汇总')!;
    const parts: unknown[][] = [];
    summary.eachRow((row, r) => {
      const v = row.getCell('O').value as ExcelJS.CellFormulaValue | null;
      if (r >= 5 && v && typeof v === 'object' && typeof v.formula === 'string') parts.push(['P', 'Q', 'R'].map((c) => num(result(row.getCell(c)))));
    });
    expect(parts).toEqual([[1, 0, 0], [1, 0, 0], [0, 1, 0], [1, 0, 0], [1, 0, 0], [1, 0, 0]]);
  });

  it('the summary’s total agrees: 52', () => {
    const summary = lo.getWorksheet('评分汇总')!;
    const totals: unknown[] = [];
    summary.eachRow((row) => {
      if (row.getCell(2).value === '合计') totals.push(result(row.getCell(4)));
    });
    expect(totals).toEqual([coreTotal]);
  });
});
