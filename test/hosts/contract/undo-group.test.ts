/**
 * One step of Excel's undo for a whole apply where Excel allows it: at ExcelApi 1.20 every write of
 * apply, revert and fix-all runs in one `Excel.run({ mergeUndoGroup: true })`, which the double
 * counts as one step however many syncs it takes; below 1.20 the option is not asked for (it is
 * not there) and the host says that only Revert takes an apply back.
 */
import { applyWithHost, checkWithHost } from '../../../src/hosts/workflow';
import { ExcelWorkbookHost } from '../../../src/hosts/excel';
import { DoubleContext } from '../../support/excel-double';
import { fixture } from './harness';

const OPTIONS = { lang: 'zh-CN' as const, asOf: '2018-07-15', today: '2018-07-15' };
const minor = (v: string) => Number(v.split('.')[1]);

/** A small request budget: apply takes many syncs, as a large plan does. */
async function open(level: number): Promise<{ ctx: DoubleContext; host: ExcelWorkbookHost }> {
  const ctx = DoubleContext.fromWorkbook(await fixture('seeds/seed-000.xlsx'), { apiLevel: level });
  const host = new ExcelWorkbookHost((batch, options) => ctx.run(batch, options), 'seed-000.xlsx', { isSetSupported: (_n, v) => minor(v) <= level, requestBudget: 6_000 });
  return { ctx, host };
}

describe('one undo step for apply', () => {
  it('at ExcelApi 1.20: apply in many syncs is one step, revert another, fix-all another', async () => {
    const { ctx, host } = await open(20);
    expect(host.undoesApply()).toBe(true);
    const syncs = ctx.syncs;
    await applyWithHost(host, OPTIONS);
    expect(ctx.syncs - syncs).toBeGreaterThan(10);
    expect(ctx.undoSteps).toBe(1);
    await host.revert();
    expect(ctx.undoSteps).toBe(2);
    const { report } = await checkWithHost(host, OPTIONS);
    const fixes = report.findings.flatMap((f) => (f.fix && typeof f.fix.value === 'string' ? [{ cell: f.fix.cell, value: f.fix.value }] : []));
    expect(fixes.length).toBeGreaterThan(0);
    await host.applyFixes(fixes);
    expect(ctx.undoSteps).toBe(3);
    expect(ctx.missing).toEqual([]);
  });

  it.each([
    ['1.13', 13],
    ['1.19', 19],
  ])('at ExcelApi %s: no undo group is asked for, each writing sync is its own step, and the host says so', async (_label, level) => {
    const { ctx, host } = await open(level);
    expect(host.undoesApply()).toBe(false);
    const from = ctx.requests.length;
    await applyWithHost(host, OPTIONS);
    const writing = ctx.requests.slice(from).filter((n) => n > 0).length;
    expect(writing).toBeGreaterThan(5);
    expect(ctx.undoSteps).toBe(writing);
    expect(ctx.missing).toEqual([]);
  });

  it('the double: mergeUndoGroup below 1.20 is a member above the level', async () => {
    const ctx = DoubleContext.fromWorkbook(await fixture('seeds/seed-000.xlsx'), { apiLevel: 13 });
    await ctx.run(async (c) => {
      c.workbook.worksheets.getItem('Sheet1').getRange('Z1').values = [['x']];
      await c.sync();
      c.workbook.worksheets.getItem('Sheet1').getRange('Z2').values = [['y']];
      await c.sync();
    }, { mergeUndoGroup: true });
    expect(ctx.missing).toEqual(['RunOptions.mergeUndoGroup']);
    expect(ctx.undoSteps).toBe(2);
  });
});
