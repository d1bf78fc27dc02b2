import type { NodeState } from '../../../src/core/progress';
import type { TableReport, TaskReport } from '../../../src/core/report';
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

describe('scoring policy', () => {
  it('earns the share of milestones due by the as-of date that are done; none due earns all', () => {
    const s: NodeState[] = ['done', 'overdue', 'pending', 'due_soon'];
    expect(taskCredit(s, DEFAULT_POLICY)).toBe(0.5);
    expect(taskCredit(['pending', 'due_soon', 'no_deadline'], DEFAULT_POLICY)).toBe(1);
  });

  it('gives late completion the policy’s credit', () => {
    expect(taskCredit(['done_late', 'done'], DEFAULT_POLICY)).toBe(0.75);
    expect(taskCredit(['done_late', 'done'], ScoringPolicySchema.parse({ lateCredit: 0 }))).toBe(0.5);
  });

  it('counts a percentage as partial credit only when the policy says so', () => {
    expect(taskCredit(['overdue'], DEFAULT_POLICY, [0.6])).toBe(0);
    expect(taskCredit(['overdue'], ScoringPolicySchema.parse({ partialCredit: true }), [0.6])).toBe(0.6);
  });

  it('shares 100 equally when the table has no weights', () => {
    const r = scoreTable(table([{}, {}, {}, {}], [], false), [['done'], ['overdue'], ['done'], ['pending']], DEFAULT_POLICY);
    expect(r.tasks.map((t) => t.max)).toEqual([25, 25, 25, 25]);
    expect(r.table).toEqual({ earned: 75, max: 100 });
  });

  it('adds bonus and takes off deductions, never below zero', () => {
    const r = scoreTable(table([{ weight: 10 }, { weight: 10 }]), [['done'], ['overdue']], DEFAULT_POLICY, [{ bonus: 2 }, { deduction: 3 }]);
    expect(r.tasks.map((t) => t.earned)).toEqual([12, 0]);
  });

  it('caps a category at its declared total', () => {
    const t = table([{ weight: 30, category: ['重点'] }, { weight: 30, category: ['重点'], }, { weight: 40, category: ['职能'] }], [cat(['重点'], 50), cat(['职能'])]);
    const r = scoreTable(t, [['done'], ['done'], ['done']], DEFAULT_POLICY);
    expect(r.categories.get('重点')).toEqual({ earned: 50, max: 50 });
    expect(r.table).toEqual({ earned: 90, max: 90 });
    expect(scoreTable(t, [['done'], ['done'], ['done']], ScoringPolicySchema.parse({ capCategories: false })).table).toEqual({ earned: 100, max: 100 });
  });

  it('zeroes the category of a veto item that is not done, or the table, as the policy says', () => {
    const t = table([{ weight: 10, veto: true, category: ['重点'] }, { weight: 40, category: ['重点'] }, { weight: 50, category: ['职能'] }], [cat(['重点']), cat(['职能'])]);
    const states: NodeState[][] = [['overdue'], ['done'], ['done']];
    expect(scoreTable(t, states, DEFAULT_POLICY).table).toEqual({ earned: 50, max: 100 });
    expect(scoreTable(t, states, ScoringPolicySchema.parse({ vetoScope: 'total' })).table).toEqual({ earned: 0, max: 100 });
    expect(scoreTable(t, [['done'], ['done'], ['done']], DEFAULT_POLICY).table).toEqual({ earned: 100, max: 100 });
  });

  it('marks 一票否优 without touching the points', () => {
    const t = table([{ weight: 100, goal: '发生群众不满意情况的，将对年度考核结果进行一票否优。' }]);
    const r = scoreTable(t, [['overdue']], DEFAULT_POLICY);
    expect(r.notEligibleForExcellence).toBe(true);
    expect(r.table).toEqual({ earned: 0, max: 100 });
    expect(scoreTable(t, [['done']], DEFAULT_POLICY).notEligibleForExcellence).toBe(false);
  });
});
