/**
 * The user's own data validations where the plan puts its dropdowns, of kinds other than a list:
 * a date rule over the whole status column and a decimal rule with a warning alert and a prompt
 * over part of it. Apply records them, revert puts every one back, at ExcelApi 1.9, 1.13 and the
 * newest, in the double that keeps validations as Excel does (test/support/double-validations).
 */
import type { Edit } from '../../../src/core/plan';
import { applyWithHost } from '../../../src/hosts/workflow';
import { DoubleContext } from '../../support/excel-double';
import { excelHost, fixture } from './harness';

const OPTIONS = { lang: 'zh-CN' as const, asOf: '2018-07-15', today: '2018-07-15' };
const minor = (v: string) => Number(v.split('.')[1]);

async function userRules(level: number): Promise<{ ctx: DoubleContext; column: string }> {
  const ctx = DoubleContext.fromWorkbook(await fixture('seeds/seed-000.xlsx'), { apiLevel: level });
  // Where the plan puts its dropdowns: found from a plan made on a copy.
  const probe = DoubleContext.fromWorkbook(await fixture('seeds/seed-000.xlsx'));
  const { plan } = await applyWithHost(excelHost(probe, 'seed-000.xlsx'), OPTIONS);
  const choices = plan.edits.filter((e): e is Extract<Edit, { kind: 'choices' }> => e.kind === 'choices');
  const column = (/^[A-Z]+/.exec(choices[0]?.range ?? '') ?? [''])[0];
  expect(choices.length).toBeGreaterThan(20);
  expect(choices.every((e) => e.range.startsWith(column))).toBe(true);
  // As the user would set them in Excel: a date over the whole column, then a decimal over rows 10–20.
  const ws = ctx.workbook.worksheets.getItem('Sheet1');
  ws.getRange(`${column}:${column}`).dataValidation.rule = { date: { operator: 'GreaterThanOrEqualTo', formula1: '2018-01-01' } };
  const dec = ws.getRange(`${column}10:${column}20`).dataValidation;
  dec.clear();
  dec.rule = { decimal: { operator: 'Between', formula1: 0, formula2: 100.5 } };
  dec.ignoreBlanks = false;
  dec.errorAlert = { showAlert: true, style: 'Warning', title: '完成率', message: '请填写 0 到 100.5 之间的数' };
  dec.prompt = { showPrompt: true, title: '提示', message: '百分比' };
  await ctx.sync();
  return { ctx, column };
}

describe.each([
  ['1.9', 9],
  ['1.13', 13],
  ['the newest', Infinity],
])('the user’s own validations under the plan’s dropdowns, ExcelApi %s', (_label, level) => {
  it('are recorded by apply and put back by revert: a whole-column date rule and a decimal rule with its alert and prompt', async () => {
    const { ctx, column } = await userRules(level);
    const before = ctx.comparable();
    const sheet = () => ctx.comparable().sheets.find((s) => s.name === 'Sheet1');
    // What the user set, as the snapshot shows it (by hand from the rules above; 43101 is 2018-01-01).
    expect(before.sheets.find((s) => s.name === 'Sheet1')?.validations).toEqual({
      [`${column}1:${column}9`]: { type: 'date', operator: 'greaterThanOrEqual', formula: '43101', allowBlank: true, alert: 'shown|stop||' },
      [`${column}10:${column}20`]: { type: 'decimal', operator: 'between', formula: '0', formula2: '100.5', allowBlank: false, alert: 'shown|warning|完成率|请填写 0 到 100.5 之间的数', prompt: 'shown|提示|百分比' },
      [`${column}21:${column}1048576`]: { type: 'date', operator: 'greaterThanOrEqual', formula: '43101', allowBlank: true, alert: 'shown|stop||' },
    });
    const host = excelHost(ctx, 'seed-000.xlsx', (_n, v) => minor(v) <= level);
    const { journal } = await applyWithHost(host, OPTIONS);
    // The journal keeps them in the file's terms, so that either host can put them back.
    const kinds = new Set(journal.validations.map((v) => v.before?.type));
    expect(kinds).toEqual(new Set(['date', 'decimal']));
    expect(journal.validations.find((v) => v.range === `${column}15`)?.before).toEqual({
      type: 'decimal',
      operator: 'between',
      allowBlank: false,
      formulae: [0, 100.5],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '完成率',
      error: '请填写 0 到 100.5 之间的数',
      showInputMessage: true,
      promptTitle: '提示',
      prompt: '百分比',
    });
    expect(journal.validations.find((v) => v.range === `${column}30`)?.before).toEqual({ type: 'date', operator: 'greaterThanOrEqual', allowBlank: true, formulae: ['2018-01-01T00:00:00.000Z'], showErrorMessage: true });
    // Applied, the dropdowns are there; the rows without one keep the user's date rule.
    expect(Object.values(sheet()?.validations ?? {}).some((v) => v.type === 'list')).toBe(true);
    expect(sheet()?.validations[`${column}1:${column}2`]).toEqual(expect.objectContaining({ type: 'date' }));
    expect(await host.revert()).toEqual({ skipped: [] });
    expect(ctx.comparable()).toEqual(before);
    expect(ctx.missing).toEqual([]);
  });
});
