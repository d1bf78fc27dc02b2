import type { NodeState } from '../../../src/core/progress';
import type { TableReport, TaskReport } from '../../../src/core/contract';
import { scoreTable, taskCredit } from '../../../src/core/scoring';
import { DEFAULT_POLICY, ScoringPolicySchema } from '../../../src/core/settings/scoring-policy';

function table(tasks: Array<Partial<TaskReport>>, categories: TableReport['categories'] = [], weighted = true): TableReport {
  return {
    range: 'A1:B2', titleRows: [], headerRows: [1], title: null, year: 2024, confidence: 1,
    columns: weighted ? [{ column: 'A', header: '分值', role: 'weight', confidence: 1, why: '' }] : [],
    tasks: tasks.map((t, i) => ({ rows: [i + 2, i + 2], seq: String(i + 1), category: [], title: `任务${i + 1}`, nodes: [], ...t })),
    categories,
  };
}
const cat = (path: string[], declared?: number): TableReport['categories'][number] => ({
  path, label: path.at(-1)!, cell: 'Sheet1!A2', tasks: 0, ...(declared !== undefined ? { declared } : {}),
});

const YEAR_END = ScoringPolicySchema.parse({ reading: 'year-end' });
const score = (earned: number | null, max: number, outOf: number, decided: number, open: number, unscorable: number) => ({ earned, max, outOf, decided, open, unscorable });

describe('scoring policy', () => {
  it('earns the share of decided milestones that are done; with none decided there is no credit at all', () => {
    const s: NodeState[] = ['done', 'overdue', 'pending', 'due_soon'];
    // So far: done and overdue are decided, one of two done.
    expect(taskCredit(s, DEFAULT_POLICY)).toBe(0.5);
    // Year-end: all four have a deadline and count, one done.
    expect(taskCredit(s, YEAR_END)).toBe(0.25);
    // Not yet due and no deadline: nothing decided, never full credit.
    expect(taskCredit(['pending', 'due_soon', 'no_deadline'], DEFAULT_POLICY)).toBeNull();
    expect(taskCredit(['pending', 'due_soon', 'no_deadline'], YEAR_END)).toBe(0);
    expect(taskCredit(['no_deadline'], YEAR_END)).toBeNull();
  });

  it('gives late completion the policy’s credit', () => {
    expect(taskCredit(['done_late', 'done'], DEFAULT_POLICY)).toBe(0.75);
    expect(taskCredit(['done_late', 'done'], ScoringPolicySchema.parse({ lateCredit: 0 }))).toBe(0.5);
  });

  it('counts a percentage as partial credit only when the policy says so', () => {
    expect(taskCredit(['overdue'], DEFAULT_POLICY, [0.6])).toBe(0);
    expect(taskCredit(['overdue'], ScoringPolicySchema.parse({ partialCredit: true }), [0.6])).toBe(0.6);
  });

  it('gives each node an equal part of its task; an open node never earns its part', () => {
    const t = table([{ weight: 10, nodes: [] }]);
    const states: NodeState[][] = [['done', 'overdue', 'pending', 'due_soon']];
    const r = scoreTable(t, states, DEFAULT_POLICY);
    expect(r.nodes[0]).toEqual([
      { basis: 'decided', share: 2.5, earned: 2.5 },
      { basis: 'decided', share: 2.5, earned: 0 },
      { basis: 'open', share: 2.5, earned: null },
      { basis: 'open', share: 2.5, earned: null },
    ]);
    expect(r.tasks[0]).toEqual(score(2.5, 10, 5, 5, 5, 0));
    expect(scoreTable(t, states, YEAR_END).tasks[0]).toEqual(score(2.5, 10, 10, 5, 5, 0));
  });

  it('shows no points for a table with nothing decided, and says why', () => {
    const t = table([{ weight: 60 }, { weight: 40 }]);
    const none = scoreTable(t, [['no_deadline'], ['no_deadline']], DEFAULT_POLICY);
    expect(none.table).toEqual(score(null, 100, 0, 0, 0, 100));
    expect(none.noScore).toBe('no-deadline-no-status');
    const early = scoreTable(t, [['pending', 'pending'], ['due_soon']], DEFAULT_POLICY);
    expect(early.table).toEqual(score(null, 100, 0, 0, 100, 0));
    expect(early.noScore).toBe('not-yet-due');
    expect(scoreTable(t, [['pending'], ['no_deadline']], DEFAULT_POLICY).noScore).toBe('not-yet-due-or-no-deadline');
    // Read at year end, what is not done by its deadline earns nothing: 0 of 100, a real score.
    const yearEnd = scoreTable(t, [['pending', 'pending'], ['due_soon']], YEAR_END);
    expect(yearEnd.table).toEqual(score(0, 100, 100, 0, 100, 0));
    expect(yearEnd.noScore).toBeUndefined();
    // One decided node is enough for points; the tasks without any still show none.
    const one = scoreTable(t, [['done', 'pending'], ['pending']], DEFAULT_POLICY);
    expect(one.tasks).toEqual([score(30, 60, 30, 30, 30, 0), score(null, 40, 0, 0, 40, 0)]);
    expect(one.table).toEqual(score(30, 100, 30, 30, 70, 0));
  });

  it('counts a task without nodes as unscorable', () => {
    const r = scoreTable(table([{ weight: 10 }]), [[]], DEFAULT_POLICY);
    expect(r.tasks[0]).toEqual(score(null, 10, 0, 0, 0, 10));
  });

  it('shares 100 equally when the table has no weights, and says so', () => {
    const r = scoreTable(table([{}, {}, {}, {}], [], false), [['done'], ['overdue'], ['done'], ['pending']], DEFAULT_POLICY);
    expect(r.tasks.map((t) => t.max)).toEqual([25, 25, 25, 25]);
    expect(r.tasks.map((t) => t.earned)).toEqual([25, 0, 25, null]);
    expect(r.table).toEqual(score(50, 100, 75, 75, 25, 0));
    expect(r.equalShares).toBe(true);
    expect(scoreTable(table([{ weight: 10 }]), [['done']], DEFAULT_POLICY).equalShares).toBe(false);
  });

  it('adds bonus and takes off deductions, never below zero; either is decided by itself', () => {
    const r = scoreTable(table([{ weight: 10 }, { weight: 10 }, { weight: 10 }, { weight: 10 }]), [['done'], ['overdue'], ['pending'], ['pending']], DEFAULT_POLICY, [
      { bonus: 2 },
      { deduction: 3 },
      { bonus: 2 },
      {},
    ]);
    expect(r.tasks.map((t) => t.earned)).toEqual([12, 0, 2, null]);
  });

  it('caps a category at its declared total', () => {
    const t = table([{ weight: 30, category: ['重点'] }, { weight: 30, category: ['重点'], }, { weight: 40, category: ['职能'] }], [cat(['重点'], 50), cat(['职能'])]);
    const r = scoreTable(t, [['done'], ['done'], ['done']], DEFAULT_POLICY);
    expect(r.categories.get('重点')).toEqual(score(50, 50, 50, 60, 0, 0));
    expect(r.table).toEqual(score(90, 90, 90, 100, 0, 0));
    expect(scoreTable(t, [['done'], ['done'], ['done']], ScoringPolicySchema.parse({ capCategories: false })).table).toEqual(score(100, 100, 100, 100, 0, 0));
  });

  it('zeroes the category of a veto item that is not done, or the table, as the policy says', () => {
    const t = table([{ weight: 10, veto: true, category: ['重点'] }, { weight: 40, category: ['重点'] }, { weight: 50, category: ['职能'] }], [cat(['重点']), cat(['职能'])]);
    const states: NodeState[][] = [['overdue'], ['done'], ['done']];
    expect(scoreTable(t, states, DEFAULT_POLICY).table.earned).toBe(50);
    expect(scoreTable(t, states, ScoringPolicySchema.parse({ vetoScope: 'total' })).table.earned).toBe(0);
    expect(scoreTable(t, [['done'], ['done'], ['done']], DEFAULT_POLICY).table.earned).toBe(100);
  });

  it('marks 一票否优 without touching the points', () => {
    const t = table([{ weight: 100, goal: '发生群众不满意情况的，将对年度考核结果进行一票否优。' }]);
    const r = scoreTable(t, [['overdue']], DEFAULT_POLICY);
    expect(r.notEligibleForExcellence).toBe(true);
    expect(r.table).toEqual(score(0, 100, 100, 100, 0, 0));
    expect(scoreTable(t, [['done']], DEFAULT_POLICY).notEligibleForExcellence).toBe(false);
  });
});
