import { findings, TITLE } from './helpers';

const HEADER = ['序号', '工作任务', '节点目标', '完成时限', '责任人', '权重'];

describe('structure rules', () => {
  it('structure.task-title: a task row without its name', () => {
    const bad = findings('structure.task-title', [TITLE, HEADER, [1, '', '完成调研。', '2024.03.31', '张三', 50], [2, '推进改革', '出台方案。', '2024.06.30', '李四', 50]]);
    expect(bad.map((f) => f.cell)).toEqual(['Sheet1!B3']);
    expect(bad[0]?.severity).toBe('error');
    expect(findings('structure.task-title', [TITLE, HEADER, [1, '推进改革', '出台方案。', '2024.06.30', '李四', 100]])).toEqual([]);
  });

  it('structure.node-text: a node row without its text', () => {
    const rows = [TITLE, HEADER, [1, '推进改革', '完成调研。', '2024.03.31', '张三', 100], [null, null, null, '2024.06.30', null, null]];
    const bad = findings('structure.node-text', rows, [{ top: 3, left: 1, bottom: 4, right: 1 }, { top: 3, left: 2, bottom: 4, right: 2 }]);
    expect(bad.map((f) => [f.cell, f.message])).toEqual([['Sheet1!C4', '第 1 项任务的一个节点“节点目标”为空（该行有期限“2024.06.30”），请补充节点内容。']]);
    expect(findings('structure.node-text', [TITLE, HEADER, [1, '推进改革', '完成调研。', '2024.03.31', '张三', 100]])).toEqual([]);
  });

  it('structure.node-deadline, structure.task-owner, structure.task-weight: blanks where the table asks for values', () => {
    const rows = [TITLE, HEADER, [1, '推进改革', '完成调研。', null, null, null], [2, '建设平台', '上线运行。', '2024.06.30', '李四', 100]];
    expect(findings('structure.node-deadline', rows).map((f) => f.cell)).toEqual(['Sheet1!D3']);
    expect(findings('structure.task-owner', rows).map((f) => f.cell)).toEqual(['Sheet1!E3']);
    expect(findings('structure.task-weight', rows).map((f) => f.cell)).toEqual(['Sheet1!F3']);
    const full = [TITLE, HEADER, [1, '推进改革', '完成调研。', '2024.03.31', '张三', 100]];
    for (const rule of ['structure.node-deadline', 'structure.task-owner', 'structure.task-weight']) expect(findings(rule, full)).toEqual([]);
  });

  it('structure.row-outside-task: a node row before the first task', () => {
    const rows = [TITLE, HEADER, [null, null, '无主节点。', '2024.03.31', null, null], [1, '推进改革', '完成调研。', '2024.06.30', '张三', 100]];
    expect(findings('structure.row-outside-task', rows).map((f) => f.cell)).toEqual(['Sheet1!A3']);
    expect(findings('structure.row-outside-task', [TITLE, HEADER, [1, '推进改革', '完成调研。', '2024.06.30', '张三', 100]])).toEqual([]);
  });
});
