/**
 * Host contract, read side: the Office.js host reads every seed workbook into the same Grid as the
 * xlsx host, through a double of the Excel API that enforces load/sync, in at most 3 sync() calls;
 * a 20k-node sheet comes in chunks that each stay under 5 MB.
 */
import ExcelJS from 'exceljs';
import { generateWorkbook } from '../../../bench/generate';
import type { Grid } from '../../../src/core/grid';
import { readGrids } from '../../../src/hosts/excel';
import { gridsFromWorkbook, readGridsFromFile } from '../../../src/hosts/xlsx';
import { DoubleContext, PropertyNotLoaded } from '../../support/excel-double';
import { fixturePath } from '../../support/fixtures';

const SEEDS = ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004', 'seed-000-en'];

/** What both hosts must agree on: everything, merged areas in any order. */
const comparable = (g: Grid) => ({ ...g, merges: [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left) });

describe('excel host reads what the xlsx host reads', () => {
  // Sheets, sizes, cells, then the fonts of the lines alone on their rows (titles).
  it.each(SEEDS)('%s in at most 4 syncs', async (seed) => {
    const truth = await readGridsFromFile(fixturePath(`seeds/${seed}.xlsx`));
    const ctx = new DoubleContext(truth);
    const grids = await readGrids(ctx as unknown as Excel.RequestContext);
    expect(grids.map(comparable)).toEqual(truth.map(comparable));
    expect(ctx.syncs).toBeLessThanOrEqual(4);
  });

  it('reads a 20k-node sheet in chunks under 5 MB each', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await generateWorkbook(20000).xlsx.writeBuffer()) as ExcelJS.Buffer);
    const truth = gridsFromWorkbook(wb);
    const ctx = new DoubleContext(truth);
    const grids = await readGrids(ctx as unknown as Excel.RequestContext);
    expect(grids.map(comparable)).toEqual(truth.map(comparable));
    expect(Math.max(...ctx.payloads)).toBeLessThan(5 * 1024 * 1024);
    expect(ctx.syncs).toBeGreaterThan(4);
  });

  it('the double enforces load and sync', async () => {
    const ctx = new DoubleContext(await readGridsFromFile(fixturePath('seeds/seed-002.xlsx')));
    const sheets = ctx.workbook.worksheets;
    expect(() => sheets.items).toThrow(PropertyNotLoaded);
    sheets.load('items/name');
    expect(() => sheets.items).toThrow(PropertyNotLoaded);
    await ctx.sync();
    expect(sheets.items[0]?.name).toBe('十大项目');
  });
});
