/**
 * 加分 / 扣分 / 得分 columns and 扣分制 tables score by their own rules. Golden values written by
 * hand from the small tables below before the code ran.
 */
import type { NodeState } from '../../../src/core/progress';
import type { TableReport, TaskReport } from '../../../src/core/contract';
import { bonusCap, deductionBase, scoreTable } from '../../../src/core/scoring';
import { DEFAULT_POLICY } from '../../../src/core/settings/scoring-policy';

function table(tasks: Array<Partial<TaskReport>>, weighted = true): TableReport {
  return {
    range: 'A1:F9', titleRows: [1], headerRows: [2], title: null, year: 2024, confidence: 1,
    columns: weighted ? [{ column: 'C', header: '分值', role: 'weight', confidence: 1, why: '' }] : [],
    tasks: tasks.map((t, i) => ({ rows: [i + 3, i + 3], seq: String(i + 1), category: [], title: `任务${i + 1}`, nodes: [], ...t })),
    categories: [],
  };
}
const score = (earned: number | null, max: number, outOf: number, decided: number, open: number, unscorable: number) => ({ earned, max, outOf, decided, open, unscorable });

describe('the rules a table states', () => {
  it('reads a bonus cap from the header, and a starting score from a title or preamble', () => {
    expect(bonusCap('加分（最高5分）')).toBe(5);
    expect(bonusCap('加分(不超过3分)')).toBe(3);
    expect(bonusCap('加分项（上限2.5分）')).toBe(2.5);
    expect(bonusCap('加分')).toBeNull();
    expect(bonusCap(null)).toBeNull();
    expect(deductionBase(['2024年度安全生产目标考核表（起评分100分）'])).toBe(100);
    expect(deductionBase(['2024年度考核细则', '基础分为100分，扣完为止'])).toBe(100);
    expect(deductionBase(['基本分：80分'])).toBe(80);
    expect(deductionBase(['2024年重点工作任务分解表', '满分100分'])).toBeNull();
  });
});

describe('a table with 加分 / 扣分 / 得分 columns', () => {
  // Weights 10 / 20 / 30 / 40, bonus capped at 5 by its header, so-far reading.
  const t = table([{ weight: 10 }, { weight: 20 }, { weight: 30 }, { weight: 40 }]);
  const states: NodeState[][] = [['done', 'done'], ['done', 'overdue'], ['pending'], ['done', 'pending']];
  const extras = [
    { bonus: 8, deduction: 0 }, // 10 + min(8, 5) = 15
    { deduction: 15 }, // 10 − 15 → never below 0: 0
    { own: 27 }, // the table's own 得分: read, not recomputed
    { bonus: 2, deduction: 3 }, // 20 − 3 + 2 = 19
  ];
  const r = scoreTable(t, states, DEFAULT_POLICY, extras, { bonusCap: 5 });

  it('scores each task by base points − deductions + capped bonuses, or its own 得分 when filled', () => {
    expect(r.tasks[0]).toEqual(score(15, 10, 10, 10, 0, 0));
    expect(r.tasks[1]).toEqual(score(0, 20, 20, 20, 0, 0));
    // Read as written: the whole task is decided by the table's own score.
    expect(r.tasks[2]).toEqual(score(27, 30, 30, 30, 0, 0));
    expect(r.tasks[3]).toEqual(score(19, 40, 20, 20, 20, 0));
    expect(r.table).toEqual(score(61, 100, 80, 80, 20, 0));
    expect(r.noScore).toBeUndefined();
  });

  it('leaves a bonus uncapped when nothing declares a cap', () => {
    const u = scoreTable(t, states, DEFAULT_POLICY, extras);
    expect(u.tasks[0]?.earned).toBe(18);
  });
});

describe('a 扣分制 table', () => {
  // 起评分 100; three rule items with no deadlines; bonus column headed 加分（最高5分）.
  const t = table([{}, {}, {}], false);
  const none: NodeState[][] = [['no_deadline'], ['no_deadline'], ['no_deadline']];

  it('scores 起评分 minus its deductions plus its bonuses', () => {
    const r = scoreTable(t, none, DEFAULT_POLICY, [{ deduction: 5 }, { bonus: 8 }, { deduction: 12.5 }], { deductionBase: 100, bonusCap: 5 });
    // 100 − 5 − 12.5 + min(8, 5) = 87.5
    expect(r.table).toEqual(score(87.5, 100, 100, 100, 0, 0));
    // Each item shows what it took off or added.
    expect(r.tasks.map((s) => s.earned)).toEqual([-5, 5, -12.5]);
    expect(r.equalShares).toBe(false);
  });

  it('never goes below 0', () => {
    const r = scoreTable(t, none, DEFAULT_POLICY, [{ deduction: 70 }, { deduction: 50 }, {}], { deductionBase: 100 });
    expect(r.table.earned).toBe(0);
  });

  it('with no deduction or bonus entered yet, shows no points and says so, never 100', () => {
    const r = scoreTable(t, none, DEFAULT_POLICY, [{}, { deduction: null }, {}], { deductionBase: 100 });
    expect(r.table).toEqual(score(null, 100, 0, 0, 100, 0));
    expect(r.noScore).toBe('no-deductions-yet');
  });

  it('is decided once one deduction is entered: the items without one took nothing off', () => {
    // 100 − 5 = 95
    const r = scoreTable(t, none, DEFAULT_POLICY, [{ deduction: 5 }, {}, {}], { deductionBase: 100 });
    expect(r.table.earned).toBe(95);
  });
});
