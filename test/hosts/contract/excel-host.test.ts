/**
 * What only the Office.js host promises, over the Excel API double: round trips (a seed read in at
 * most 3 syncs, a full plan applied to a fresh workbook in at most 2), requests and responses under
 * the 5 MB limit for a 20k-node workbook, fills and bold grouped over RangeAreas, an older Excel
 * served by a slower path or told clearly what is missing, and journals that either host reverts.
 */
import { DEFAULT_POLICY } from '../../../src/core/settings/scoring-policy';
import { generateWorkbook } from '../../../bench/generate';
import type { Journal } from '../../../src/core/plan';
import type { EditPlan } from '../../../src/core/plan/plan';
import { HostError, EXCEL_REQUIREMENTS, EXCEL_MINIMUM } from '../../../src/hosts/excel';
import type { WorkbookHost } from '../../../src/hosts/host';
import { applyWithHost, checkWithHost } from '../../../src/hosts/workflow';
import { annotateWorkbook } from '../../../src/hosts/xlsx/annotate';
import { revertPlan } from '../../../src/hosts/xlsx/apply';
import { gridsFromWorkbook } from '../../../src/hosts/xlsx/read-grid';
import { comparableWorkbook, DoubleContext } from '../../support/excel-double';
import { CASES, excelHost, fixture, reload } from './harness';

const OPTIONS = { lang: 'zh-CN' as const, asOf: '2018-07-15', today: '2018-07-15' };
const SEEDS = CASES.filter((c) => c.file.startsWith('seeds/'));
const MB5 = 5 * 1024 * 1024;

/** The host, with the syncs and bytes of its apply counted apart from the check before it. */
function measured(ctx: DoubleContext, file: string, isSetSupported?: (n: string, v: string) => boolean) {
  const host = excelHost(ctx, file, isSetSupported);
  const counts = { applySyncs: 0, applyRequests: [] as number[] };
  const wrapped: WorkbookHost = Object.create(host) as WorkbookHost;
  wrapped.apply = async (plan: EditPlan, settings: NonNullable<Journal['settings']>) => {
    const from = ctx.syncs;
    const journal = await host.apply(plan, settings);
    counts.applySyncs = ctx.syncs - from;
    counts.applyRequests = ctx.requests.slice(from);
    return journal;
  };
  return { host: wrapped, counts };
}

describe('excel host round trips', () => {
  // Sheets, sizes, cells, and the fonts of the lines alone on their rows (titles).
  it.each(SEEDS)('$name: reads in at most 4 syncs, applies a full plan in at most 2', async ({ file, tweak }) => {
    const ctx = DoubleContext.fromWorkbook(await fixture(file, tweak));
    const host = excelHost(ctx, file);
    await host.read();
    expect(ctx.syncs).toBeLessThanOrEqual(4);

    const m = measured(ctx, file);
    const { plan } = await applyWithHost(m.host, OPTIONS);
    const filled = plan.edits.filter((e) => e.kind === 'cell' && e.fill).length;
    expect(filled).toBeGreaterThan(3);
    expect(m.counts.applySyncs).toBeLessThanOrEqual(2);
    expect(Math.max(...m.counts.applyRequests)).toBeLessThan(MB5);
    // One fill write per colour and sheet, not one per cell.
    expect(ctx.calls['fill.color']).toBeLessThanOrEqual(4);
    expect(ctx.calls['getRanges']).toBeGreaterThan(0);

    // With the journal in the workbook, still 4, and the progress says so.
    const steps: Array<[number, number]> = [];
    const from = ctx.syncs;
    await host.read((done, total) => steps.push([done, total]));
    expect(ctx.syncs - from).toBeLessThanOrEqual(4);
    expect(steps[steps.length - 1]).toEqual([ctx.syncs - from, ctx.syncs - from]);
  });

  it('reads and applies a 20k-node workbook in requests and responses under 5 MB', async () => {
    const wb = await reload(generateWorkbook(20000));
    const ctx = DoubleContext.fromWorkbook(wb);
    const host = excelHost(ctx, 'gen.xlsx');
    expect(await host.read()).toEqual(gridsFromWorkbook(wb));
    const reads = ctx.payloads.slice();
    expect(reads.length).toBeGreaterThan(3);
    expect(Math.max(...reads)).toBeLessThan(MB5);

    const from = ctx.syncs;
    await applyWithHost(host, OPTIONS);
    expect(Math.max(...ctx.requests.slice(from))).toBeLessThan(MB5);
    expect(Math.max(...ctx.payloads.slice(from))).toBeLessThan(MB5);
    // Reading back the journal of a big plan goes in parts too.
    const again = ctx.syncs;
    expect(await host.revert()).toEqual({ skipped: [] });
    expect(Math.max(...ctx.payloads.slice(again))).toBeLessThan(MB5);
    expect(ctx.comparable()).toEqual(comparableWorkbook(wb));
    // For the report: what the sizes were.
    const mb = (xs: number[]) => (Math.max(...xs) / 1e6).toFixed(2);
    process.stdout.write(
      `20k read: ${reads.length} syncs, largest response ${mb(reads)} MB; apply and revert: ${again - from} + ${ctx.syncs - again} syncs, ` +
        `largest request ${mb(ctx.requests.slice(from))} MB, largest response ${mb(ctx.payloads.slice(from))} MB\n`,
    );
  }, 120_000);
});

describe('journals cross hosts', () => {
  it.each(SEEDS)('$name: applied by the xlsx host, read and reverted by the excel host', async ({ file, tweak }) => {
    const original = await fixture(file, tweak);
    const wb = await fixture(file, tweak);
    annotateWorkbook(wb, file, OPTIONS);
    const ctx = DoubleContext.fromWorkbook(await reload(wb));
    const host = excelHost(ctx, file);
    expect(await host.read()).toEqual(gridsFromWorkbook(original));
    expect(await host.revert()).toEqual({ skipped: [] });
    expect(ctx.comparable()).toEqual(comparableWorkbook(original));
  });

  it.each(SEEDS)('$name: applied by the excel host, read and reverted by the xlsx host', async ({ file, tweak }) => {
    const original = await fixture(file, tweak);
    const ctx = DoubleContext.fromWorkbook(original);
    await applyWithHost(excelHost(ctx, file), OPTIONS);
    const saved = await reload(ctx.toWorkbook());
    expect(gridsFromWorkbook(saved).map((g) => g.name)).toContain('_resptable_journal');
    expect(revertPlan(saved)).toBe(true);
    expect(comparableWorkbook(await reload(saved))).toEqual(comparableWorkbook(original));
  });
});

describe('an apply over the other host’s journal', () => {
  it('replaces what the xlsx host wrote, and reverts to the original', async () => {
    const file = 'seeds/seed-001.xlsx';
    const original = await fixture(file);
    const wb = await fixture(file);
    annotateWorkbook(wb, file, { ...OPTIONS, lang: 'en-US' });
    const ctx = DoubleContext.fromWorkbook(await reload(wb));
    const host = excelHost(ctx, file);
    await applyWithHost(host, OPTIONS);
    const names = ctx.state.sheets.map((s) => s.name);
    expect(names.filter((n) => n === '_resptable_journal')).toHaveLength(1);
    expect(names).toContain('评分汇总');
    expect(names).not.toContain('Scores');
    await host.revert();
    expect(ctx.comparable()).toEqual(comparableWorkbook(original));
  });
});

describe('requirement sets', () => {
  it('the manifest minimum is at least every required set', () => {
    const minor = (v: string) => Number(v.split('.')[1]);
    const required = EXCEL_REQUIREMENTS.filter((r) => r.required).map((r) => minor(r.version));
    expect(required.every((v) => v <= minor(EXCEL_MINIMUM.minVersion))).toBe(true);
  });

  it('without ExcelApi 1.9, fills and bold go by range in the same batch, and revert is still exact', async () => {
    const file = 'seeds/seed-000.xlsx';
    const ctx = DoubleContext.fromWorkbook(await fixture(file));
    const before = ctx.comparable();
    const m = measured(ctx, file, (_n, v) => Number(v.split('.')[1]) < 9);
    const { plan } = await applyWithHost(m.host, OPTIONS);
    expect(m.counts.applySyncs).toBeLessThanOrEqual(2);
    expect(ctx.calls['getRanges']).toBeUndefined();
    expect(ctx.calls['fill.color']).toBeGreaterThan(4);
    const state = ctx.comparable();
    for (const e of plan.edits) if (e.kind === 'cell' && e.fill) expect(state.sheets.find((s) => s.name === e.sheet)?.cells[e.cell]?.fill).toBe(e.fill);
    await m.host.revert();
    expect(ctx.comparable()).toEqual(before);
  });

  it('an Excel that cannot report merged cells or hidden rows is said to, in the check, not passed over', async () => {
    const file = 'seeds/seed-000.xlsx';
    const check = async (isSetSupported: (n: string, v: string) => boolean) => {
      const ctx = DoubleContext.fromWorkbook(await fixture(file));
      const { report } = await checkWithHost(excelHost(ctx, file, isSetSupported), OPTIONS);
      return report.findings.filter((f) => f.rule === 'host.limited').map((f) => f.message);
    };
    expect(await check(() => true)).toEqual([]);
    const old = await check((_n, v) => Number(v.split('.')[1]) < 9);
    expect(old).toHaveLength(2);
    expect(old[0]).toContain('Excel API 1.13');
    expect(old[1]).toContain('Excel API 1.9');
    expect(await check((_n, v) => Number(v.split('.')[1]) < 13)).toEqual([expect.stringContaining('合并单元格')]);
  });

  it('without ExcelApi 1.8, says what is missing in the user’s language', async () => {
    const ctx = DoubleContext.fromWorkbook(await fixture('seeds/seed-002.xlsx'));
    const host = excelHost(ctx, 'seed-002.xlsx', () => false);
    const err = await host.read().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).key).toBe('host.requirement-missing');
    expect((err as HostError).format('zh-CN')).toContain('Excel API 1.8');
    expect((err as HostError).format('zh-CN')).toContain('读取工作簿');
    expect((err as HostError).message).toContain('read this workbook');
    expect(ctx.syncs).toBe(0);
  });
});

describe('what the excel host refuses', () => {
  it('a plan whose sheet is already the user’s: a clear error and nothing written (the workflow names its sheet aside)', async () => {
    const wb = await fixture('seeds/seed-002.xlsx', (w) => {
      w.addWorksheet('评分汇总').getCell('A1').value = '我的汇总';
    });
    const ctx = DoubleContext.fromWorkbook(wb);
    const before = ctx.comparable();
    const plan = { version: 1 as const, edits: [{ kind: 'sheet' as const, sheet: '评分汇总' }] };
    const err = await excelHost(ctx, 'x.xlsx').apply(plan, { policy: DEFAULT_POLICY, lang: 'zh-CN' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).key).toBe('host.sheet-exists');
    expect((err as HostError).format('zh-CN')).toContain('评分汇总');
    expect(ctx.comparable()).toEqual(before);
    // Through the workflow the summary steps aside instead.
    expect((await applyWithHost(excelHost(ctx, 'x.xlsx'), OPTIONS)).journal.sheetsAdded).toEqual(['评分汇总 (2)']);
  });

  it('the double keeps a written value from a proxy loaded before it', async () => {
    const ctx = DoubleContext.fromWorkbook(await fixture('seeds/seed-002.xlsx'));
    const ws = ctx.workbook.worksheets.getItem('十大项目');
    const early = ws.getRange('A5').load('values');
    await ctx.sync();
    const seen = early.values[0]?.[0];
    ws.getRange('A5').values = [['改']];
    const late = ws.getRange('A5').load('values');
    expect(() => late.values).toThrow();
    await ctx.sync();
    expect(early.values[0]?.[0]).toBe(seen);
    expect(late.values[0]?.[0]).toBe('改');
    expect(ctx.requests[1]).toBeGreaterThan(0);
  });
});

