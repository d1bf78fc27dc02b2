/**
 * The anchors move in a real program: LibreOffice (headless, by a Basic macro) inserts a row inside
 * the annotated table, a column inside it, deletes a row and renames the sheet, and saves; statuses
 * are then typed and a due date written over. Revert keeps all of that, takes the rest, lists the
 * due date it left and the one whose row was deleted, and the workbook reads as the plain seed given
 * the same edits by LibreOffice.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { annotateWorkbook, gridsFromWorkbook, revertWorkbook } from '../../src/hosts/xlsx';
import { PackageWorkbookHost } from '../../src/hosts/xlsx/package-host';
import { fixturePath } from '../support/fixtures';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-lo-moved-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const RENAMED = '2018 计划';
const profile = `file://${path.join(tmp, 'profile')}`;

const MACRO = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Edit(inFile As String, outFile As String, newName As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inFile), "_blank", 0, args())
  sh = doc.Sheets.getByName("Sheet1")
  sh.Rows.insertByIndex(9, 1)
  sh.Columns.insertByIndex(2, 1)
  sh.Rows.removeByIndex(20, 1)
  sh.Name = newName
  Dim f(0) As New com.sun.star.beans.PropertyValue
  f(0).Name = "FilterName"
  f(0).Value = "Calc Office Open XML"
  doc.storeToURL(ConvertToURL(outFile), f())
  doc.close(True)
  StarDesktop.terminate()
End Sub
</script:module>`;

function soffice(args: string[]): void {
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=${profile}`, ...args], { stdio: 'ignore', timeout: 120_000 });
}

beforeAll(async () => {
  for (const [name, annotate] of [['annotated', true], ['plain', false]] as const) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fixturePath('seeds/seed-000.xlsx'));
    if (annotate) annotateWorkbook(wb, 'seed-000', { lang: 'zh-CN', asOf: '2018-07-15', today: '2018-07-15' });
    await wb.xlsx.writeFile(path.join(tmp, `${name}.xlsx`));
  }
  // A profile of its own, made once, with the macro in its Standard library.
  soffice(['--terminate_after_init']);
  fs.writeFileSync(path.join(tmp, 'profile', 'user', 'basic', 'Standard', 'Module1.xba'), MACRO);
  for (const name of ['annotated', 'plain']) {
    soffice([`macro:///Standard.Module1.Edit("${path.join(tmp, `${name}.xlsx`)}","${path.join(tmp, `${name}-edited.xlsx`)}","${RENAMED}")`]);
  }
}, 400_000);

async function edited(name: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(tmp, `${name}-edited.xlsx`));
  // Typed after LibreOffice's edits: statuses in the added column (K then, L now), a due date written over (L5 then, M6 now).
  const ws = wb.getWorksheet(RENAMED) as ExcelJS.Worksheet;
  ws.getCell('L3').value = '已完成';
  ws.getCell('L13').value = '滞后';
  ws.getCell('M5').value = '待定';
  return wb;
}

const cells = (wb: ExcelJS.Workbook) => gridsFromWorkbook(wb).map((g) => ({ name: g.name, rows: g.rows.map((l) => l?.map((c) => c && (c.formula !== undefined ? `=${c.formula}` : c.text))) }));

it('reverts what is still the add-in’s after LibreOffice inserted, deleted and renamed, and lists what it left', async () => {
  const wb = await edited('annotated');
  expect(revertWorkbook(wb)).toEqual({
    skipped: [
      { sheet: RENAMED, cell: 'M5', reason: 'changed' },
      { sheet: RENAMED, cell: 'L20', reason: 'deleted' },
    ],
  });
  expect(wb.worksheets.map((w) => w.name)).toEqual([RENAMED]);
  expect(wb.definedNames.model).toEqual([]);
  const again = new ExcelJS.Workbook();
  await again.xlsx.load((await wb.xlsx.writeBuffer()) as ExcelJS.Buffer);
  expect(cells(again)).toEqual(cells(await edited('plain')));
  const ws = again.getWorksheet(RENAMED) as unknown as { dataValidations: { model: object }; conditionalFormattings: unknown[] };
  expect(Object.keys(ws.dataValidations.model)).toEqual([]);
  expect(ws.conditionalFormattings).toEqual([]);
});

it('the command line’s package host reverts the same, the copied dropdown included', async () => {
  const wb = await edited('annotated');
  const host = new PackageWorkbookHost(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'annotated-edited.xlsx');
  const outcome = await host.revert();
  expect(outcome?.skipped).toEqual([
    { sheet: RENAMED, cell: 'M5', reason: 'changed' },
    { sheet: RENAMED, cell: 'L20', reason: 'deleted' },
  ]);
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(Buffer.from(host.data) as unknown as ExcelJS.Buffer);
  expect(again.worksheets.map((w) => w.name)).toEqual([RENAMED]);
  expect(cells(again)).toEqual(cells(await edited('plain')));
  const ws = again.getWorksheet(RENAMED) as unknown as { dataValidations: { model: object }; conditionalFormattings: unknown[] };
  expect(Object.keys(ws.dataValidations.model)).toEqual([]);
  expect(ws.conditionalFormattings).toEqual([]);
});
