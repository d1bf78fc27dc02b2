/** Task and category structures the seeds show only in part, on small grids. */
import { gridFromMatrix } from '../../../src/core/grid';
import { recognizeSheet } from '../../../src/core/recognize';

const tasksOf = (grid: ReturnType<typeof gridFromMatrix>) =>
  recognizeSheet(grid).sheet.tables.map((t) => t.tasks.map((k) => [k.rows, k.seq, k.category, k.nodes.map((n) => n.row)]));

describe('tasks and categories', () => {
  it('reads tasks kept with blank continuation cells instead of merges', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['2024年度重点工作任务分解表'],
      ['工作类别', '序号', '工作任务', '节点目标', '完成时限', '责任人', '权重'],
      ['重点工作', 1, '建设区域医疗中心', '完成可研批复。', '2024.03.31', '张三 87730990', 10],
      [null, null, null, '完成主体施工招标。', '2024.06.30', null, null],
      [null, null, null, '主体结构封顶。', '2024.12.31', null, null],
      [null, 2, '推进家庭医生签约', '签约率达到40%。', '2024.06.30', '李四 87730991', 10],
      ['职能工作', 3, '做好年度统计', '完成年报。', '2024.03.31', '王五 87730992', 5],
      [null, null, null, '完成季报。', '每季度', null, null],
    ]);
    expect(tasksOf(grid)).toEqual([
      [
        [[3, 5], '1', ['重点工作'], [3, 4, 5]],
        [[6, 6], '2', ['重点工作'], [6]],
        [[7, 8], '3', ['职能工作'], [7, 8]],
      ],
    ]);
  });

  it('reads section rows inside the body as categories above the category columns', () => {
    const grid = gridFromMatrix(
      'Sheet1',
      [
        ['序号', '类别', '工作任务', '完成时限', '责任单位'],
        ['一、医疗服务能力提升（60分）'],
        [1, '医疗质量', '开展质控检查', '2024.06.30', '医政科'],
        [2, '医疗质量', '推进日间手术', '2024.09.30', '医政科'],
        ['二、公共卫生'],
        [3, '疾病防控', '完成疫苗接种', '2024.12.31', '疾控科'],
      ],
      [
        { top: 2, left: 1, bottom: 2, right: 5 },
        { top: 5, left: 1, bottom: 5, right: 5 },
      ],
    );
    const t = recognizeSheet(grid).sheet.tables[0]!;
    expect(t.tasks.map((k) => [k.seq, k.category])).toEqual([
      ['1', ['医疗服务能力提升', '医疗质量']],
      ['2', ['医疗服务能力提升', '医疗质量']],
      ['3', ['公共卫生', '疾病防控']],
    ]);
    expect(t.categories.find((c) => c.path.length === 1 && c.path[0] === '医疗服务能力提升')).toMatchObject({ declared: 60, tasks: 2 });
  });

  it('keeps a row before the first task out of every task', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['序号', '工作任务', '节点目标', '完成时限'],
      [null, null, '无主的节点。', '2024.03.31'],
      [1, '推进信息化建设', '上线预约平台。', '2024.06.30'],
    ]);
    const r = recognizeSheet(grid);
    expect(r.sheet.tables[0]?.tasks.map((k) => k.rows)).toEqual([[3, 3]]);
    expect(r.details[0]?.orphanRows).toEqual([2]);
  });

  it('survives error cells, formulas and numbers in text columns', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['序号', '工作任务', '完成时限', '权重'],
      [1, 12345, '2024.03.31', '#REF!'],
      [2, '推进信息化建设', 45382, 10],
    ]);
    const t = recognizeSheet(grid).sheet.tables[0]!;
    expect(t.tasks.map((k) => [k.title, k.weight])).toEqual([
      ['12345', null],
      ['推进信息化建设', 10],
    ]);
  });
  it('takes a headerless column of status words right of the header as the status column, and nothing else', () => {
    const rows = (extra: Array<string | null>) =>
      gridFromMatrix('Sheet1', [
        ['序号', '工作任务', '完成时限', '责任人', null],
        [1, '建设区域医疗中心', '2024.03.31', '张三', extra[0] ?? null],
        [2, '推进家庭医生签约', '2024.06.30', '李四', extra[1] ?? null],
        [3, '做好年度统计', '2024.09.30', '王五', extra[2] ?? null],
      ]);
    const roleOf = (g: ReturnType<typeof gridFromMatrix>) => recognizeSheet(g).sheet.tables[0]?.columns.map((c) => [c.column, c.role]);
    const typed = recognizeSheet(rows(['已完成', null, '滞后'])).sheet.tables[0];
    expect(typed?.range).toBe('A1:E4');
    expect(typed?.columns.at(-1)).toEqual(expect.objectContaining({ column: 'E', role: 'status', header: null }));
    expect(typed?.tasks.map((k) => k.nodes.map((n) => n.status))).toEqual([['已完成'], [null], ['滞后']]);
    expect(roleOf(rows(['已完成', '见附件', null]))).toEqual([['A', 'seq'], ['B', 'task'], ['C', 'deadline'], ['D', 'owner']]);
    expect(roleOf(rows([null, null, null]))?.length).toBe(4);
  });
  it('ends the body at a row whose first cell only says 备注, and splits a group header over an item and its rule', () => {
    const grid = gridFromMatrix(
      'Sheet1',
      [
        ['考核条目', null, '考核细则', null],
        ['重点工作', 1, '上报年度重点工作实施方案。', '未报扣10分'],
        [null, 2, '上报半年实施情况报告。', '未报扣10分'],
        [null, 3, '未按要求参加有关会议和调研活动。', '每次扣5分'],
        ['备注', '仅有列督事项的单位，考核扣分分值加倍。', null, '原扣5分现扣10分'],
      ],
      [
        { top: 1, left: 1, bottom: 1, right: 2 },
        { top: 1, left: 3, bottom: 1, right: 4 },
        { top: 2, left: 1, bottom: 4, right: 1 },
        { top: 5, left: 2, bottom: 5, right: 3 },
      ],
    );
    const table = recognizeSheet(grid).sheet.tables[0];
    expect(table?.range).toBe('A1:D4');
    expect(table?.columns.map((c) => c.role)).toEqual(['category', 'seq', 'task', 'criteria']);
    expect(table?.tasks.map((k) => k.title)).toEqual(['上报年度重点工作实施方案。', '上报半年实施情况报告。', '未按要求参加有关会议和调研活动。']);
  });
  it('reads one milestone column per quarter: each filled cell a node due at its quarter, done when its row says so', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['2024年重点工作推进计划表'],
      ['序号', '重点工作', '责任单位', '一季度', '二季度', '三季度', '四季度', '完成情况'],
      [1, '建设区域医疗中心', '医政科', '完成可研批复', '完成招标', '主体封顶', '竣工验收', '滞后'],
      [2, '推进家庭医生签约', '基卫科', '制定方案', null, '签约率40%', '签约率50%', '已完成'],
    ]);
    const table = recognizeSheet(grid).sheet.tables[0];
    expect(table?.columns.map((c) => c.role)).toEqual(['seq', 'task', 'owner', 'node', 'node', 'node', 'node', 'status']);
    const nodes = table?.tasks.map((k) => k.nodes.map((n) => [n.row, n.text, n.deadline?.text, n.deadline?.cell, n.status]));
    expect(nodes?.[0]).toEqual([
      [3, '完成可研批复', '一季度', 'Sheet1!D2', null],
      [3, '完成招标', '二季度', 'Sheet1!E2', null],
      [3, '主体封顶', '三季度', 'Sheet1!F2', null],
      [3, '竣工验收', '四季度', 'Sheet1!G2', null],
    ]);
    expect(nodes?.[1]?.map((n) => n[2])).toEqual(['一季度', '三季度', '四季度']);
    expect(nodes?.[1]?.every((n) => n[4] === '已完成')).toBe(true);
  });

  it('does not take a data row with one period word in its deadline cell for a header', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['序号', '重点工作', '完成时限', '工作措施'],
      [1, '手术分级管理', '一季度', '完成手术分级调整'],
      [null, null, '三季度', '根据国考标准调整目录'],
    ]);
    const tables = recognizeSheet(grid).sheet.tables;
    expect(tables.map((t) => t.range)).toEqual(['A1:D3']);
    expect(tables[0]?.tasks[0]?.nodes.map((n) => n.deadline?.text)).toEqual(['一季度', '三季度']);
  });
});
