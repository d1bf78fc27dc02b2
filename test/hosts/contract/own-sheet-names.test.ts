/**
 * The add-in's own sheet names step aside for the user's: a workbook that already has a sheet named
 * 评分汇总 (or Scores, in any case) gets the summary as `评分汇总 (2)`, on both hosts, and revert
 * takes away only that one.
 */
import type ExcelJS from 'exceljs';
import { freeSheetName } from '../../../src/core/plan/build';
import { applyWithHost } from '../../../src/hosts/workflow';
import { fixture, HARNESSES } from './harness';

const TODAY = '2018-07-15';

describe('freeSheetName', () => {
  it.each<[string, string[], string]>([
    ['评分汇总', [], '评分汇总'],
    ['评分汇总', ['Sheet1', '评分汇总'], '评分汇总 (2)'],
    ['评分汇总', ['评分汇总', '评分汇总 (2)'], '评分汇总 (3)'],
    ['Scores', ['scores'], 'Scores (2)'],
  ])('%s beside %j is %s', (base, taken, want) => {
    expect(freeSheetName(base, taken)).toBe(want);
  });
});

const mine = (name: string) => (wb: ExcelJS.Workbook) => {
  const ws = wb.addWorksheet(name);
  ws.getCell('A1').value = '我自己的汇总';
  ws.getCell('B2').value = 41;
};

describe.each(HARNESSES)('$name host', (harness) => {
  it.each([
    ['zh-CN' as const, '评分汇总', '评分汇总 (2)'],
    ['en-US' as const, 'SCORES', 'Scores (2)'],
  ])('%s: a sheet of the user’s named %s stays theirs; the summary is %s', async (lang, taken, want) => {
    const s = harness.open(await fixture('seeds/seed-000.xlsx', mine(taken)), 'seed-000.xlsx');
    const before = await s.exact();
    const { journal } = await applyWithHost(s.host, { lang, asOf: TODAY, today: TODAY });
    expect(journal.sheetsAdded).toEqual([want]);
    const user = s.stored().find((g) => g.name === taken);
    expect(user?.rows[0]?.[0]?.value).toEqual({ kind: 'string', value: '我自己的汇总' });
    expect(await s.host.revert()).toEqual({ skipped: [] });
    expect(await s.exact()).toEqual(before);
  });
});
