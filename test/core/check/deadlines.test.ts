import { gridFromMatrix } from '../../../src/core/grid';
import { checkWorkbook } from '../../../src/core/check/check';

const table = (deadlines: string[]) => {
  const grid = gridFromMatrix('计划表', [
    ['序号', '工作任务', '责任单位', '完成时限'],
    ...deadlines.map((d, i) => [String(i + 1), `推进第${i + 1}项重点工作落实`, '县卫健局', d]),
  ]);
  return checkWorkbook('t.xlsx', [grid]).sheets[0]?.tables[0];
};

describe('deadlines when no line states the plan year', () => {
  it('the plan year stays unsaid: deadlines say when items are due, not which year the plan is for', () => {
    expect(table(['2024年3月底前', '2024年6月底前', '12月底前'])?.year).toBeNull();
  });

  it('a deadline without a year falls in the one year its neighbours name', () => {
    const t = table(['2024年3月底前', '2024年6月底前', '12月底前']);
    const last = t?.tasks[2]?.nodes[0]?.deadline;
    expect(last?.end).toBe('2024-12-31');
    expect(last?.noYear).toBeUndefined();
  });

  it('and stays without one when they name several years', () => {
    const last = table(['2024年3月底前', '2025年6月底前', '12月底前'])?.tasks[2]?.nodes[0]?.deadline;
    expect(last?.noYear).toBe(true);
    expect(last?.end).toBeUndefined();
  });
});
