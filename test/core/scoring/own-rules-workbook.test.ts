/**
 * A generated workbook, through the host and the check: a table with 加分 / 扣分 / 得分 columns and a
 * 扣分制 table score by their own rules, and a title's 截至 date is the default as-of. Expected
 * values worked out by hand from the rows below before the test ran.
 */
import type ExcelJS from 'exceljs';
import { type TableReport } from '../../../src/core/contract';
import { checkWorkbook } from '../../../src/core/check';
import { gridsFromWorkbook } from '../../../src/hosts/xlsx';
import { ownRulesWorkbook } from '../../support/own-rules-workbook';

function tables(wb: ExcelJS.Workbook, asOf: string, asOfFromTitle = false): TableReport[] {
  return checkWorkbook('own-rules', gridsFromWorkbook(wb), { asOf, asOfFromTitle }).sheets.map((s) => s.tables[0]!);
}

describe('a table with 加分 / 扣分 / 得分 columns', () => {
  it('scores each task by its own rules', () => {
    const [t] = tables(ownRulesWorkbook(), '2024-07-01');
    expect(t!.ownRules).toEqual({ bonusCap: 5 });
    // T1 done: 10 + min(8, 5) = 15. T2 overdue: 0 − 15 → 0. T3: its own 得分 27, read.
    // T4 overdue (no status, due 6-15): 0 + 2 − 3 → 0.
    expect(t!.tasks.map((k) => k.score?.earned)).toEqual([15, 0, 27, 0]);
    expect(t!.score).toEqual({ earned: 42, max: 100, outOf: 100, decided: 100, open: 0, unscorable: 0 });
  });

  it('offers the title’s 截至 date as the as-of, and uses it when asked', () => {
    const wb = ownRulesWorkbook();
    // As of 6-01, T4 (due 6-15) is still open: 40 points not read against.
    const [plain] = tables(wb, '2024-06-01');
    expect(plain!.asOfFromTitle).toBe('2024-06-30');
    expect(plain!.asOf).toBeUndefined();
    expect(plain!.score).toEqual({ earned: 42, max: 100, outOf: 60, decided: 60, open: 40, unscorable: 0 });
    // With the title's date (6-30), T4 is overdue.
    const [titled] = tables(wb, '2024-06-01', true);
    expect(titled!.asOf).toBe('2024-06-30');
    expect(titled!.tasks[3]!.nodes[0]!.state).toBe('overdue');
    expect(titled!.score?.outOf).toBe(100);
  });
});

describe('a 扣分制 table', () => {
  it('scores 起评分 minus its deductions plus its capped bonuses', () => {
    const [, t] = tables(ownRulesWorkbook(), '2024-07-01');
    expect(t!.ownRules).toEqual({ bonusCap: 5, deductionBase: 100 });
    // 100 − 5 − 12.5 + min(8, 5) = 87.5
    expect(t!.score).toEqual({ earned: 87.5, max: 100, outOf: 100, decided: 100, open: 0, unscorable: 0 });
    expect(t!.tasks.map((k) => k.score?.earned)).toEqual([-5, 5, -12.5]);
    expect(t!.noScore).toBeUndefined();
  });

  it('with nothing entered yet shows no points and says why, never 100', () => {
    const wb = ownRulesWorkbook();
    const ws = wb.getWorksheet('扣分')!;
    for (const c of ['D4', 'E5', 'D6']) ws.getCell(c).value = null;
    const [, t] = tables(wb, '2024-07-01');
    expect(t!.score).toEqual({ earned: null, max: 100, outOf: 0, decided: 0, open: 100, unscorable: 0 });
    expect(t!.noScore).toBe('no-deductions-yet');
  });
});
