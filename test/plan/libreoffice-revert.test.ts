/**
 * An annotated workbook saved by LibreOffice reverts exactly. LibreOffice keeps the journal's chunks
 * as rich text runs, makes the very hidden sheet hidden, turns the summary's title into runs and may
 * rewrite formulas: the journal still reads, verifies and reverts. Compared with the same workbook
 * never annotated, saved by LibreOffice the same way, as the user sees it and as the add-in left it
 * (no sheet, name, dropdown or colour of its own behind).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { JOURNAL_SHEET } from '../../src/core/plan/journal';
import { annotateWorkbook, gridsFromWorkbook, revertWorkbook } from '../../src/hosts/xlsx';
import { XlsxWorkbookHost } from '../../src/hosts/xlsx/workbook-host';
import { fixturePath } from '../support/fixtures';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-lo-revert-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const SEEDS = ['seed-000', 'seed-003'];

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

beforeAll(async () => {
  for (const s of SEEDS) {
    fs.copyFileSync(fixturePath(`seeds/${s}.xlsx`), path.join(tmp, `${s}-plain.xlsx`));
    const wb = await load(fixturePath(`seeds/${s}.xlsx`));
    annotateWorkbook(wb, s, { lang: 'zh-CN', asOf: '2018-07-15', today: '2018-07-15' });
    await wb.xlsx.writeFile(path.join(tmp, `${s}-annotated.xlsx`));
  }
  fs.mkdirSync(path.join(tmp, 'lo'));
  const files = SEEDS.flatMap((s) => [`${s}-plain.xlsx`, `${s}-annotated.xlsx`].map((f) => path.join(tmp, f)));
  execFileSync('soffice', ['--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', path.join(tmp, 'lo'), ...files], { stdio: 'ignore', timeout: 240_000 });
}, 300_000);

/** What a person or the add-in could tell apart: cells (values, formulas, formats), sheets, names, dropdowns, colours. */
function visible(wb: ExcelJS.Workbook) {
  return {
    sheets: wb.worksheets.map((ws) => [ws.name, ws.state]),
    grids: gridsFromWorkbook(wb),
    names: wb.definedNames.model,
    validations: wb.worksheets.map((ws) => Object.keys((ws as unknown as { dataValidations: { model: object } }).dataValidations.model).length),
    highlights: wb.worksheets.map((ws) => JSON.stringify((ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings)),
  };
}

describe.each(SEEDS)('%s annotated, then saved by LibreOffice', (seed) => {
  it('keeps its journal as rich text, which reads', async () => {
    const wb = await load(path.join(tmp, 'lo', `${seed}-annotated.xlsx`));
    const ws = wb.getWorksheet(JOURNAL_SHEET);
    expect(ws?.state).toBe('hidden');
    expect(ws?.getCell('A1').value).toEqual({ richText: expect.any(Array) });
    // The read leaves out what the add-in wrote, as it does before the save.
    const host = new XlsxWorkbookHost(wb, seed);
    expect((await host.read()).map((g) => g.name)).toEqual(gridsFromWorkbook(await load(path.join(tmp, 'lo', `${seed}-plain.xlsx`))).map((g) => g.name));
  });

  it('reverts exactly: as the plain workbook saved the same way', async () => {
    const wb = await load(path.join(tmp, 'lo', `${seed}-annotated.xlsx`));
    const outcome = revertWorkbook(wb);
    expect(outcome).toEqual({ skipped: [] });
    const again = new ExcelJS.Workbook();
    await again.xlsx.load((await wb.xlsx.writeBuffer()) as ExcelJS.Buffer);
    expect(visible(again)).toEqual(visible(await load(path.join(tmp, 'lo', `${seed}-plain.xlsx`))));
  });
});
