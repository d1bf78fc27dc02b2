/**
 * Period columns as deadlines (issue 13): a table whose milestones stand one column per period reads
 * each column's cell as a node due at the end of that period. Expected values written by hand.
 * (`一季度目标` is not yet read as a period label: see src/core/recognize/period-labels.ts.)
 */
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../../src/core/check';
import { gridsFromWorkbook } from '../../../src/hosts/xlsx';

function table(header: string[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['2024年重点工作推进计划表']);
  ws.addRow(header);
  ws.addRow([1, '推进老旧小区改造', '完成摸底调查', '启动施工', '完成主体工程', '全部竣工验收', '住建局']);
  ws.addRow([2, '建设智慧停车平台', '完成方案设计', '完成招标', '上线试运行', '正式运行', '城管局']);
  return checkWorkbook('x', gridsFromWorkbook(wb), { asOf: '2024-07-15' }).sheets[0]!.tables[0];
}

describe('period columns as deadlines', () => {
  it('Q1–Q4: each column is a node due at the end of its quarter', () => {
    const t = table(['序号', '任务', 'Q1', 'Q2', 'Q3', 'Q4', '责任单位'])!;
    const nodes = t.tasks[0]!.nodes;
    expect(nodes.map((n) => [n.text, n.deadline?.end, n.state])).toEqual([
      ['完成摸底调查', '2024-03-31', 'overdue'],
      ['启动施工', '2024-06-30', 'overdue'],
      ['完成主体工程', '2024-09-30', 'pending'],
      ['全部竣工验收', '2024-12-31', 'pending'],
    ]);
  });

  it('一季度 … 四季度: the same', () => {
    const t = table(['序号', '任务', '一季度', '二季度', '三季度', '四季度', '责任单位'])!;
    expect(t.tasks[1]!.nodes.map((n) => n.deadline?.end)).toEqual(['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31']);
  });
});
