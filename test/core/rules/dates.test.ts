import { findings, TITLE } from './helpers';

const HEADER = ['序号', '工作任务', '节点目标', '节点完成期限', '责任人'];
const task = (seq: number, due: string | number, node = '完成工作。') => [seq, `任务${seq}`, node, due, '张三'];

describe('date rules', () => {
  it('date.invalid: an impossible date, in every cell it occurs, with the reason', () => {
    const rows = [TITLE, HEADER, task(1, '2024-6-30 2024-9-31 2024-12-31'), task(2, '2024-9-31'), task(3, '2024-09-30')];
    const bad = findings('date.invalid', rows);
    expect(bad.map((f) => [f.cell, f.found, f.severity])).toEqual([
      ['Sheet1!D3', '2024-9-31', 'error'],
      ['Sheet1!D4', '2024-9-31', 'error'],
    ]);
    expect(bad[0]?.message).toBe('“节点完成期限”2024-9-31 不是有效日期（9月只有30天），请改为实际的日期。');
    expect(findings('date.invalid', [TITLE, HEADER, task(1, '2024-09-30')])).toEqual([]);
  });

  it('date.unparseable: digits that read as no date', () => {
    expect(findings('date.unparseable', [TITLE, HEADER, task(1, '2024..6'), task(2, '2024.06.30')]).map((f) => f.cell)).toEqual(['Sheet1!D3']);
    // Words with no date are a deadline of their own kind, not a mistake.
    expect(findings('date.unparseable', [TITLE, HEADER, task(1, '重要敏感时点'), task(2, '第二季度')])).toEqual([]);
  });

  it('date.no-year: yearless dates and no plan year, said once', () => {
    const rows = [['重点工作任务分解表'], HEADER, task(1, '3月31日前'), task(2, '6月30日前')];
    expect(findings('date.no-year', rows).map((f) => f.cell)).toEqual(['Sheet1!D3']);
    expect(findings('date.no-year', [TITLE, HEADER, task(1, '3月31日前')])).toEqual([]);
  });

  it('date.outside-year: a date in another year than the plan', () => {
    expect(findings('date.outside-year', [TITLE, HEADER, task(1, '2023.12.31'), task(2, '2024.06.30')]).map((f) => f.cell)).toEqual(['Sheet1!D3']);
    expect(findings('date.outside-year', [TITLE, HEADER, task(1, '2024.06.30')])).toEqual([]);
  });

  it('date.out-of-order: a milestone due before the one above it, but not a new round', () => {
    const merges = [{ top: 3, left: 1, bottom: 6, right: 1 }, { top: 3, left: 2, bottom: 6, right: 2 }, { top: 3, left: 5, bottom: 6, right: 5 }];
    const rows = [TITLE, HEADER, task(1, '2024.03.31'), [null, null, '二', '2024.09.30'], [null, null, '三', '2024.06.30'], [null, null, '四', '2024.12.31']];
    expect(findings('date.out-of-order', rows, merges).map((f) => f.cell)).toEqual(['Sheet1!D5']);
    // Quarters restarting for a second sub-item are in order.
    const rounds = [TITLE, HEADER, task(1, '2024.03.31'), [null, null, '二', '2024.12.31'], [null, null, '三', '2024.03.31'], [null, null, '四', '2024.12.31']];
    expect(findings('date.out-of-order', rounds, merges)).toEqual([]);
  });

  it('date.after-task: a milestone due after its task', () => {
    const header = ['序号', '工作任务', '年度目标', '节点目标', '完成时限', '责任人'];
    const rows = [TITLE, header, [1, '建设平台', '9月底前，平台上线。', '完成测试。', '2024.10.31', '张三'], [2, '推进改革', '年底前完成。', '出台方案。', '2024.06.30', '李四']];
    expect(findings('date.after-task', rows).map((f) => f.cell)).toEqual(['Sheet1!E3']);
  });
});
