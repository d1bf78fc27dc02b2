/**
 * A 扣分制 table whose items each carry a 分值 and a 扣分: an item scores its 分值 minus its 扣分,
 * at least 0 and at most its 分值, plus its capped bonus; an item with nothing entered is open, never
 * full marks. Expected values worked out by hand from test/support/own-rules-workbook.ts.
 */
import ExcelJS from 'exceljs';
import { type TableReport } from '../../../src/core/contract';
import { checkWorkbook } from '../../../src/core/check';
import { deductsPerItem, itemScore } from '../../../src/core/scoring';
import { DEFAULT_POLICY } from '../../../src/core/settings/scoring-policy';
import { gridsFromWorkbook } from '../../../src/hosts/xlsx';
import { itemDeductionsWorkbook, ownRulesWorkbook } from '../../support/own-rules-workbook';

function table(wb: ExcelJS.Workbook, asOf = '2024-07-01'): TableReport {
  return checkWorkbook('item-deductions', gridsFromWorkbook(wb), { asOf }).sheets[0]!.tables[0]!;
}

describe('a 扣分制 table with a 分值 and a 扣分 per item', () => {
  it('scores each item 分值 − 扣分, between 0 and its 分值, plus its capped bonus', () => {
    const t = table(itemDeductionsWorkbook());
    expect(t.ownRules).toEqual({ bonusCap: 3, itemDeductions: true });
    // 20 − 6 = 14; 10 − 12 → 0; not assessed: no points; 15 − 0 + min(5, 3) = 18;
    // 15 − (−4) → at most 15; its 得分 8, as written.
    expect(t.tasks.map((k) => k.score?.earned)).toEqual([14, 0, null, 18, 15, 8]);
    expect(t.tasks.map((k) => k.score?.decided)).toEqual([20, 10, 0, 15, 15, 10]);
    expect(t.tasks[2]!.score).toEqual({ earned: null, max: 30, outOf: 0, decided: 0, open: 30, unscorable: 0 });
    expect(t.tasks.map((k) => k.deduction)).toEqual([6, 12, undefined, 0, -4, undefined]);
    expect(t.tasks[3]!.bonus).toBe(5);
    // 14 + 0 + 18 + 15 + 8 = 55, read against the 70 points assessed; 30 still open.
    expect(t.score).toEqual({ earned: 55, max: 100, outOf: 70, decided: 70, open: 30, unscorable: 0 });
    expect(t.noScore).toBeUndefined();
  });

  it('with nothing entered shows no points and says why, never 100', () => {
    const wb = itemDeductionsWorkbook();
    const ws = wb.getWorksheet('细则')!;
    for (const c of ['E3', 'E4', 'E6', 'F6', 'E7', 'G8']) ws.getCell(c).value = null;
    const t = table(wb);
    expect(t.tasks.map((k) => k.score?.earned)).toEqual([null, null, null, null, null, null]);
    expect(t.score).toEqual({ earned: null, max: 100, outOf: 0, decided: 0, open: 100, unscorable: 0 });
    expect(t.noScore).toBe('no-deductions-yet');
  });

  it('a milestone table that merely has a 扣分 column still earns on its nodes', () => {
    const t = checkWorkbook('own-rules', gridsFromWorkbook(ownRulesWorkbook()), { asOf: '2024-07-01' }).sheets[0]!.tables[0]!;
    expect(t.ownRules).toEqual({ bonusCap: 5 });
    expect(t.tasks.map((k) => k.score?.earned)).toEqual([15, 0, 27, 0]);
  });
});

describe('deductsPerItem and itemScore', () => {
  it.each<[string, string[], string[], boolean]>([
    ['rules in the rows', [], ['未按时清运的每次扣2分', '扣三分', 'x'], true],
    ['a rule in the title', ['考核细则（扣分制）'], ['a', 'b'], true],
    ['扣完为止 in the preamble', ['按下列细则评分，扣完为止'], [], true],
    ['fewer than half the rows', [], ['逾期扣2分', '完成道路改造', '建成污水处理厂'], false],
    ['English', [], ['deduct 2 points per missed report'], true],
    ['nothing', ['2024年重点工作任务考核表'], ['完成道路改造'], false],
  ])('%s', (_name, lines, rows, want) => {
    expect(deductsPerItem(lines, rows)).toBe(want);
  });

  it('caps a bonus at the header’s cap, floors the deduction at the item’s points', () => {
    expect(itemScore(10, DEFAULT_POLICY, { deduction: 2.5, bonus: 4 }, { bonusCap: 3 }).earned).toBe(10.5);
    expect(itemScore(10, DEFAULT_POLICY, { deduction: 25 }, {}).earned).toBe(0);
    expect(itemScore(10, DEFAULT_POLICY, { deduction: 0 }, {}).earned).toBe(10);
    expect(itemScore(10, DEFAULT_POLICY, {}, {}).earned).toBeNull();
    expect(itemScore(10, { ...DEFAULT_POLICY, reading: 'year-end' }, {}, {}).outOf).toBe(10);
  });
});

describe('the text output of a 扣分制 table scored by item', () => {
  it('gives its score and says the rule', async () => {
    const { formatFile } = await import('../../../src/cli/summary');
    const r = checkWorkbook('items.xlsx', gridsFromWorkbook(itemDeductionsWorkbook()), { lang: 'zh-CN', asOf: '2024-07-01' });
    const out = formatFile('zh-CN', r).join('\n');
    expect(out).toContain('扣分制：每项得分为分值减扣分（不低于 0，不超过分值），加加分；未录入扣分的项暂不计分');
    expect(out).toMatch(/55\D+70/);
  });
});
