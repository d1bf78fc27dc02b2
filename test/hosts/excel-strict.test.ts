/**
 * The Excel API double as strict as Excel on each documented point (see its header for the
 * sources), and the Office.js host against it: a generated 2,000-row table with each task merged
 * over its rows (3,500 merged areas, over Excel's 512 per call), 50-character CJK texts and a user's
 * conditional format on two ranges, checked, applied and reverted at ExcelApi 1.9, 1.13 and the
 * newest, every request and response under 5 MB; a protected sheet refused before anything is written.
 */
import ExcelJS from 'exceljs';
import { HostError } from '../../src/hosts/excel';
import { applyWithHost } from '../../src/hosts/workflow';
import { gridsFromWorkbook } from '../../src/hosts/xlsx/read-grid';
import { comparableWorkbook, DoubleApiError, DoubleContext, EXCEL_LIMITS } from '../support/excel-double';
import { bigTable, excelHost, fixture, reload } from './contract/harness';

const OPTIONS = { lang: 'zh-CN' as const, asOf: '2018-07-15', today: '2018-07-15' };
const minor = (v: string) => Number(v.split('.')[1]);

const failure = async (p: Promise<unknown>): Promise<(Error & { code?: string }) | null> =>
  p.then(
    () => null,
    (e: unknown) => e as DoubleApiError,
  );

async function seed(): Promise<DoubleContext> {
  return DoubleContext.fromWorkbook(await fixture('seeds/seed-002.xlsx'));
}

describe('the double refuses what Excel refuses', () => {
  it('more than 512 merged areas in one getMergedAreasOrNullObject', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    for (let r = 1; r <= 513; r++) ws.mergeCells(r, 1, r, 2);
    ws.getCell('A1').value = 'x';
    const ctx = DoubleContext.fromWorkbook(await reload(wb));
    const sheet = ctx.workbook.worksheets.getItem('S');
    sheet.getRange('A1:B512').getMergedAreasOrNullObject().load('areas/items/address');
    await ctx.sync();
    sheet.getRange('A1:B513').getMergedAreasOrNullObject().load('areas/items/address');
    expect((await failure(ctx.sync()))?.code).toBe('GeneralException');
  });

  it('requests and responses over 5 MB, and reads of more than 5,000,000 cells', async () => {
    const ctx = await seed();
    const ws = ctx.workbook.worksheets.getItem('十大项目');
    const big = 'x'.repeat(EXCEL_LIMITS.payloadBytes + 1);
    ws.getRange('Z1').values = [[big]];
    expect((await failure(ctx.sync()))?.code).toBe('RequestPayloadSizeLimitExceeded');
    // Nothing of a refused request was done.
    expect(ctx.state.sheets.find((x) => x.name === '十大项目')?.cells.get(1)?.get(26)).toBeUndefined();
    ws.getRange('Z1:Z3').values = [['x'.repeat(2_000_000)], ['x'.repeat(2_000_000)], ['x'.repeat(2_000_000)]];
    expect((await failure(ctx.sync()))?.code).toBe('RequestPayloadSizeLimitExceeded');
    for (const a of ['Z1', 'Z2', 'Z3']) {
      ws.getRange(a).values = [['y'.repeat(2_000_000)]];
      await ctx.sync();
    }
    ws.getRange('Z1:Z3').load('values');
    expect((await failure(ctx.sync()))?.code).toBe('ResponsePayloadSizeLimitExceeded');
    ws.getRange('A1:E1000001').load('values');
    expect((await failure(ctx.sync()))?.code).toBe('GeneralException');
  });

  it('row and column properties bring only the keys asked for', async () => {
    const ctx = await seed();
    const range = ctx.workbook.worksheets.getItem('十大项目').getRange('A1:B2');
    const rows = range.getRowProperties({ rowHidden: true });
    const indexed = range.getRowProperties({ rowIndex: true, rowHidden: true });
    const cols = range.getColumnProperties({ columnHidden: true });
    await ctx.sync();
    expect(rows.value).toEqual([{ rowHidden: false }, { rowHidden: false }]);
    expect(indexed.value).toEqual([{ rowIndex: 0, rowHidden: false }, { rowIndex: 1, rowHidden: false }]);
    expect(cols.value).toEqual([{ columnHidden: false }, { columnHidden: false }]);
  });

  it('new conditional formats go on top, priorities are positions, getRange throws on several ranges', async () => {
    const wb = await fixture('seeds/seed-002.xlsx', (w) => {
      w.worksheets[0]?.addConditionalFormatting({ ref: 'B3:B10 D3:D10', rules: [{ type: 'expression', priority: 1, formulae: ['B3>1'], style: {} } as ExcelJS.ConditionalFormattingRule] });
    });
    const ctx = DoubleContext.fromWorkbook(wb);
    const ws = ctx.workbook.worksheets.getItem(ctx.state.sheets[0]?.name as string);
    const added = ws.getRange('A1:A5').conditionalFormats.add('Custom');
    added.custom.rule.formula = '=A1>2';
    await ctx.sync();
    const items = ws.getRange().conditionalFormats.load('items/type,items/priority');
    await ctx.sync();
    expect(items.items.map((f) => f.priority)).toEqual([0, 1]);
    expect(ctx.state.sheets[0]?.formats.map((f) => f.formula)).toEqual(['=A1>2', '=B3>1']);
    const user = items.items[1];
    user?.getRangeOrNullObject().load('isNullObject');
    const areas = user?.getRanges().load('areas/items/address');
    await ctx.sync();
    expect(areas?.areas.items).toHaveLength(2);
    user?.getRange().load('address');
    expect((await failure(ctx.sync()))?.code).toBe('InvalidOperation');
  });

  it('a protected sheet, and a typed list over 255 characters', async () => {
    const ctx = await seed();
    const s = ctx.state.sheets[0];
    if (!s) throw new Error('no sheet');
    s.protected = true;
    const ws = ctx.workbook.worksheets.getItem(s.name);
    ws.getRange('A1').values = [['x']];
    expect((await failure(ctx.sync()))?.code).toBe('AccessDenied');
    s.protected = false;
    ws.getRange('Z1').dataValidation.rule = { list: { inCellDropDown: true, source: 'a,'.repeat(128) } };
    expect((await failure(ctx.sync()))?.code).toBe('InvalidArgument');
    ws.getRange('Z1').dataValidation.rule = { list: { inCellDropDown: true, source: 'a,'.repeat(127) } };
    await ctx.sync();
  });

  it('a member above the API level fails its batch with ApiNotFound', async () => {
    const ctx = DoubleContext.fromWorkbook(await fixture('seeds/seed-002.xlsx'), { apiLevel: 9 });
    const ws = ctx.workbook.worksheets.getItem(ctx.state.sheets[0]?.name as string);
    ws.getRanges('A1,B2').format.fill.color = '#FF0000';
    await ctx.sync();
    ws.getRange('A1:B2').getMergedAreasOrNullObject().load('isNullObject');
    expect((await failure(ctx.sync()))?.code).toBe('ApiNotFound');
    expect(ctx.missing).toEqual(['Range.getMergedAreasOrNullObject']);
  });
});

describe('the excel host against the strict double', () => {
  it('a protected sheet is reported before anything is written, in the user’s language', async () => {
    const ctx = await seed();
    const before = ctx.comparable();
    const name = ctx.state.sheets[0]?.name as string;
    (ctx.state.sheets[0] as { protected: boolean }).protected = true;
    const err = await failure(applyWithHost(excelHost(ctx, 'seed-002.xlsx'), OPTIONS));
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).key).toBe('host.sheet-protected');
    expect((err as HostError).format('zh-CN')).toContain(`“${name}”受保护`);
    expect(ctx.comparable()).toEqual(before);
  });

  it.each([
    ['1.9', 9],
    ['1.13', 13],
    ['the newest', Infinity],
  ])('a 2,000-row table with 3,500 merged areas at ExcelApi %s: read, apply and revert exact, every payload under 5 MB', async (label, level) => {
    const wb = await bigTable();
    const ctx = DoubleContext.fromWorkbook(wb, { apiLevel: level });
    expect(ctx.state.sheets[0]?.merges.length).toBeGreaterThan(EXCEL_LIMITS.mergedAreas);
    const host = excelHost(ctx, 'big.xlsx', (_n, v) => minor(v) <= level);
    const want = gridsFromWorkbook(wb).map((g) => (level >= 13 ? g : { ...g, merges: [] }));
    expect(await host.read()).toEqual(want);
    const { plan } = await applyWithHost(host, OPTIONS);
    expect(plan.edits.length).toBeGreaterThan(2000);
    expect(await host.revert()).toEqual({ skipped: [] });
    expect(ctx.comparable()).toEqual(comparableWorkbook(wb));
    expect(ctx.missing).toEqual([]);
    expect(Math.max(...ctx.requests)).toBeLessThan(EXCEL_LIMITS.payloadBytes);
    expect(Math.max(...ctx.payloads)).toBeLessThan(EXCEL_LIMITS.payloadBytes);
    process.stdout.write(`${label}: ${ctx.syncs} syncs, largest request ${(Math.max(...ctx.requests) / 1e6).toFixed(2)} MB, largest response ${(Math.max(...ctx.payloads) / 1e6).toFixed(2)} MB\n`);
  }, 600_000);
});
