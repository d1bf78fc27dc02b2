/**
 * The read-only host `resptable check` runs against (Grids from the package reader) reads as the
 * ExcelJS host does: the user's view of an applied workbook, its kept settings, whether it is
 * applied; and a broken package reaches the report as an unreadable file naming the part.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { main } from '../../../src/cli/main';
import { ReportSchema } from '../../../src/core/contract';
import { annotateWorkbook, readGridsFromBytes } from '../../../src/hosts/xlsx';
import { GridWorkbookHost } from '../../../src/hosts/xlsx/grid-host';
import { XlsxWorkbookHost } from '../../../src/hosts/xlsx/workbook-host';
import { fixturePath } from '../../support/fixtures';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-gridhost-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('GridWorkbookHost', () => {
  it('reads an applied workbook as the ExcelJS host does', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fixturePath('seeds/seed-000.xlsx'));
    annotateWorkbook(wb, 'seed-000.xlsx', { lang: 'zh-CN', asOf: '2018-07-15', today: '2018-07-15' });
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const viaExcelJS = new XlsxWorkbookHost(saved, 'seed-000.xlsx');
    const viaPackage = new GridWorkbookHost(readGridsFromBytes(bytes), 'seed-000.xlsx');
    expect(await viaPackage.isApplied()).toBe(true);
    const grids = await viaPackage.read();
    // The add-in's own sheets are left out, as the task pane reads.
    expect(grids.map((g) => g.name)).not.toContain('_resptable_journal');
    expect(grids).toEqual(await viaExcelJS.read());
    expect(await viaPackage.loadSettings()).toEqual(await viaExcelJS.loadSettings());
    await expect(viaPackage.apply()).rejects.toThrow('read-only');
  });

  it('a check of an .ods is an unreadable file, exit 1, naming the missing part', async () => {
    const ods = path.join(tmp, '表.ods');
    fs.writeFileSync(ods, zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<x/>') }));
    let out = '';
    const code = await main(['check', ods, '--json', '--lang', 'en-US'], { out: (s) => (out += s), err: () => undefined });
    expect(code).toBe(1);
    const report = ReportSchema.parse(JSON.parse(out));
    expect(report.files[0]?.error).toBe(
      'The file could not be read: the workbook is incomplete: xl/workbook.xml (the workbook) is missing (not an .xlsx saved by a spreadsheet program, or damaged)',
    );
  });
});
