/**
 * Apply that cannot half-happen, over the Excel API double: a failure injected at each sync of
 * apply in turn (as a closed pane or a dropped web session would stop it), until apply gets
 * through; after each, the next open of the pane repairs the workbook, which then equals the
 * original, and says that it undid a half-done apply. A small request budget makes apply take many
 * requests, so that a failure can fall between its edits.
 */
import { JOURNAL_PENDING, JOURNAL_SHEET, writtenByPlan } from '../../../src/core/plan/journal';
import { parseCell } from '../../../src/core/grid';
import type { Journal } from '../../../src/core/plan';
import type { EditPlan } from '../../../src/core/plan/plan';
import { ExcelWorkbookHost } from '../../../src/hosts/excel';
import type { WorkbookHost } from '../../../src/hosts/host';
import { applyWithHost } from '../../../src/hosts/workflow';
import { repairedStatus } from '../../../src/taskpane/useWorkbook';
import { ui } from '../../../src/taskpane/strings';
import { comparableWorkbook, DoubleContext } from '../../support/excel-double';
import { CASES, fixture } from './harness';

const OPTIONS = { lang: 'zh-CN' as const, asOf: '2018-07-15', today: '2018-07-15' };
/** Bytes of writes per request: seed 000's apply takes about a dozen requests under it. */
const BUDGET = 6_000;

const open = (ctx: DoubleContext, file: string) =>
  new ExcelWorkbookHost((batch) => batch(ctx as unknown as Excel.RequestContext), file, { isSetSupported: () => true, requestBudget: BUDGET });

/** The host, with the n-th sync of its apply (counted from 1, after the check) failing. */
function failingAt(ctx: DoubleContext, host: ExcelWorkbookHost, n: number): WorkbookHost {
  const wrapped = Object.create(host) as WorkbookHost;
  wrapped.apply = async (plan: EditPlan, settings: NonNullable<Journal['settings']>) => {
    ctx.failAt.add(ctx.syncs + n);
    return host.apply(plan, settings);
  };
  return wrapped;
}

const cases = CASES.filter((c) => c.file === 'seeds/seed-000.xlsx' || c.file === 'seeds/seed-002.xlsx' || c.file === 'layouts/two-tables.xlsx');

describe('an apply stopped at any sync', () => {
  it.each(cases)('$name: is undone by the next open, back to the original', async ({ file, tweak }) => {
    const original = comparableWorkbook(await fixture(file, tweak));
    let halfDone = 0;
    let repaired = 0;
    let n = 1;
    for (; n < 200; n++) {
      const ctx = DoubleContext.fromWorkbook(await fixture(file, tweak));
      const host = open(ctx, file);
      const failed = await applyWithHost(failingAt(ctx, host, n), OPTIONS).then(
        () => null,
        (e: unknown) => e,
      );
      if (failed === null) break;
      expect(String(failed)).toContain('(injected)');
      ctx.failAt.clear();
      const changed = JSON.stringify(ctx.comparable()) !== JSON.stringify(original);
      if (changed) {
        halfDone++;
        // Whatever apply had written, its journal was there first, still marked pending.
        expect(ctx.sheet(JOURNAL_SHEET)?.cells.get(65)?.get(2)?.value).toBe(JOURNAL_PENDING.mark);
      }

      const outcome = await open(ctx, file).repairPending();
      if (outcome) {
        repaired++;
        expect(outcome).toEqual({ skipped: [], pending: true });
        expect(ui('en-US', repairedStatus('en-US', outcome).key)).toMatch(/stopped half-way.*undone.*as it was before/);
        expect(ui('zh-CN', repairedStatus('zh-CN', outcome).key)).toContain('已撤销做了一半的修改');
      } else {
        // Nothing to repair only where apply had written nothing at all.
        expect(changed).toBe(false);
      }
      expect(ctx.comparable()).toEqual(original);
      // Repaired once: the next open finds nothing more to do.
      expect(await open(ctx, file).repairPending()).toBeNull();
    }
    // Apply got through at last, and not at once: each sync before it was tried.
    expect(n).toBeLessThan(200);
    expect(halfDone).toBeGreaterThanOrEqual(3);
    expect(repaired).toBeGreaterThanOrEqual(halfDone);
    process.stdout.write(`${file}${tweak ? ' (dirty)' : ''}: apply took ${n - 1} failing syncs before it got through; ${halfDone} left it half-done, ${repaired} repaired\n`);
  }, 600_000);

  it('a completed apply is no pending one: the next open leaves it applied', async () => {
    const file = 'seeds/seed-000.xlsx';
    const ctx = DoubleContext.fromWorkbook(await fixture(file));
    await applyWithHost(open(ctx, file), OPTIONS);
    const applied = ctx.comparable();
    expect(await open(ctx, file).repairPending()).toBeNull();
    expect(ctx.comparable()).toEqual(applied);
    expect(await open(ctx, file).isApplied()).toBe(true);
  });
});

describe('a pending mark is no pass', () => {
  it('a pending journal copied into another workbook, its cells not there: only the journal goes', async () => {
    const from = DoubleContext.fromWorkbook(await fixture('seeds/seed-000.xlsx'));
    await expect(applyWithHost(failingAt(from, open(from, 'a.xlsx'), 6), OPTIONS)).rejects.toThrow(/injected/);
    from.failAt.clear();
    const journal = from.sheet(JOURNAL_SHEET);
    expect(journal?.cells.get(65)?.get(2)?.value).toBe(JOURNAL_PENDING.mark);

    // Seed 000's first sheet with other contents, as another workbook with the same sheet name.
    const other = DoubleContext.fromWorkbook(await fixture('seeds/seed-000.xlsx', (wb) => {
      const ws = wb.worksheets[0];
      ws?.eachRow((row) => row.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.value = `其他${cell.address}`;
      }));
    }));
    const before = other.comparable();
    other.state.sheets.push(journal as NonNullable<typeof journal>);
    // Nothing it says apply wrote is there: apply got no further than the journal, which alone goes.
    expect(await open(other, 'b.xlsx').repairPending()).toEqual({ skipped: [], pending: true });
    expect(other.comparable()).toEqual(before);
  });

  it('a pending journal whose written cells hold other things is refused, and nothing is changed', async () => {
    const ctx = DoubleContext.fromWorkbook(await fixture('seeds/seed-000.xlsx'));
    await expect(applyWithHost(failingAt(ctx, open(ctx, 'a.xlsx'), 8), OPTIONS)).rejects.toThrow(/injected/);
    ctx.failAt.clear();
    // Every cell it wrote on the user's sheet now holds a number that was never there.
    const own = ctx.sheet(JOURNAL_SHEET);
    const text = [...(own?.cells ?? new Map())].sort(([a], [b]) => a - b).map(([, line]) => line.get(1)?.value ?? '').join('');
    const { cells } = writtenByPlan((JSON.parse(text) as Journal).plan);
    const sheet = ctx.sheet('Sheet1');
    let overwritten = 0;
    for (const w of cells.values()) {
      if (w.sheet !== 'Sheet1') continue;
      const { row, col } = parseCell(w.cell);
      const line = sheet?.cells.get(row) ?? new Map();
      sheet?.cells.set(row, line);
      line.set(col, { value: 4242 + overwritten, type: 'Double', text: String(4242 + overwritten), style: {} });
      overwritten++;
    }
    expect(overwritten).toBeGreaterThan(10);
    const before = ctx.comparable();
    await expect(open(ctx, 'a.xlsx').repairPending()).rejects.toThrow(/another workbook|belong/i);
    expect(ctx.comparable()).toEqual(before);
  });
});
