/**
 * The package host's before-images of cells with no look of their own: a cell the plan writes that
 * the sheet does not hold, or holds with the default format, in a row and column with none either,
 * is kept as having no style ({}), as ExcelJS reads it, not as the default font, fill and border in
 * full (which made most of a large journal's before-images). Its revert then leaves the sheet with
 * exactly the cells it had: no empty `<c>` where apply wrote and the original held nothing.
 */
import * as fs from 'fs';
import { strFromU8, unzipSync } from 'fflate';
import { annotatePackage } from '../../../src/cli/annotate-package';
import { PackageWorkbookHost } from '../../../src/hosts/xlsx/package-host';
import { fixturePath } from '../../support/fixtures';

const OPTIONS = { lang: 'zh-CN' as const, today: '2018-07-15', asOf: '2018-07-15' };
const FILES = ['seeds/seed-001.xlsx', 'layouts/two-tables.xlsx', 'public/dazhu-2016-minsheng.xlsx'];

/** The cell references a worksheet part holds, in order. */
function cellRefs(xml: string): string[] {
  return [...xml.matchAll(/<c\s[^>]*?\br="([A-Z]+\d+)"/g)].map((m) => m[1] as string);
}

describe.each(FILES)('%s through the package host', (file) => {
  const bytes = new Uint8Array(fs.readFileSync(fixturePath(file)));

  it('keeps a written cell of no look of its own as having no style in the journal', async () => {
    const { journal } = await annotatePackage(bytes, file, OPTIONS);
    const sheet = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'] as Uint8Array);
    const held = new Set(cellRefs(sheet));
    // Cells the plan writes that the sheet does not hold at all: none of these fixtures formats their rows or columns.
    const absent = journal.cells.filter((c) => !held.has(c.cell));
    expect(absent.length).toBeGreaterThan(0);
    for (const c of absent) expect([c.cell, c.before]).toEqual([c.cell, { value: null, style: {} }]);
  });

  it('reverts to a sheet holding exactly the cells the original held', async () => {
    const applied = await annotatePackage(bytes, file, OPTIONS);
    const host = new PackageWorkbookHost(applied.bytes, file);
    expect(await host.revert()).toEqual({ skipped: [] });
    const before = unzipSync(bytes);
    const after = unzipSync(host.data);
    const sheets = Object.keys(before).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
    expect(sheets.length).toBeGreaterThan(0);
    for (const p of sheets) expect([p, cellRefs(strFromU8(after[p] as Uint8Array))]).toEqual([p, cellRefs(strFromU8(before[p] as Uint8Array))]);
  });
});
