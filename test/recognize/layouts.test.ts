/** Layout guarantees stated in the issue, each on its fixture. */
import { checkFixture } from '../support/fixtures';

const shape = (r: Awaited<ReturnType<typeof checkFixture>>) =>
  r.sheets.map((s) =>
    s.tables.map((t) => ({
      roles: t.columns.map((c) => [c.role, c.level ?? null]),
      tasks: t.tasks.map((k) => ({ rows: k.rows, seq: k.seq, title: k.title, category: k.category, nodes: k.nodes.length, weight: k.weight })),
    })),
  );

describe('layouts', () => {
  it('the English-header variant of seed 000 gives the same roles and tasks', async () => {
    const zh = await checkFixture('seeds/seed-000.xlsx');
    const en = await checkFixture('seeds/seed-000-en.xlsx');
    expect(shape(en)).toEqual(shape(zh));
    expect(en.sheets[0]?.tables[0]?.tasks).toHaveLength(10);
  });

  it('two tables on one sheet come out as two tables, and the notes under them are not a table', async () => {
    const r = await checkFixture('layouts/two-tables.xlsx');
    const tables = r.sheets[0]?.tables ?? [];
    expect(tables.map((t) => t.range)).toEqual(['A2:F8', 'A12:F17']);
    // The notes block (rows 19–22) lies in no table and in no task.
    for (const t of tables) for (const k of t.tasks) expect(k.rows[1]).toBeLessThan(19);
  });

  it('a repeated header continues the same table (seed 001: 14 items, one table)', async () => {
    const r = await checkFixture('seeds/seed-001.xlsx');
    expect(r.sheets[0]?.tables).toHaveLength(1);
    expect(r.sheets[0]?.tables[0]?.headerRows).toHaveLength(14);
  });

  it('takes each task of seed 004 from the heading, key-value block and node table of its item', async () => {
    const r = await checkFixture('seeds/seed-004.xlsx');
    const t = r.sheets[0]!.tables[0]!;
    expect(t.tasks).toHaveLength(20);
    expect(t.tasks[0]).toMatchObject({
      seq: '1',
      leader: '马应忠',
      owner: '杨建玲',
      lead: '医政医管科',
      partner: '党群科、中医与科教科、公立医疗机构管理中心',
    });
    expect(t.tasks[0]?.nodes.map((n) => n.deadline?.text)).toEqual(['第一季度', '第二、三季度', '第四季度']);
  });

  it('reads declared category totals and the veto item of seed 003', async () => {
    const r = await checkFixture('seeds/seed-003.xlsx');
    const t = r.sheets[0]!.tables[0]!;
    expect(t.categories.map((c) => [c.path.join('/'), c.declared, c.weightSum, c.tasks])).toEqual([
      ['围绕中心履职尽责', 400, 400, 47],
      ['围绕中心履职尽责/重点（职能）工作', 380, 380, 45],
      ['围绕中心履职尽责/专项考核', 20, 20, 2],
    ]);
    const veto = t.tasks.filter((k) => k.veto);
    expect(veto.map((k) => [k.title, k.weight, k.weightText])).toEqual([['安全生产', 10, '一票否决\n10']]);
  });

  it('finds the node deadline inside node text when there is no deadline column (seed 001)', async () => {
    const r = await checkFixture('seeds/seed-001.xlsx');
    const first = r.sheets[0]!.tables[0]!.tasks[0]!;
    expect(first.goal).toBe('公立医院医疗费用增长幅度控制在10%以内。\n完成三级医院综合绩效考核工作。');
    expect(first.nodes[0]?.deadline).toEqual({ kind: 'date', start: '2019-03-31', end: '2019-03-31', text: '3月31日前', cell: '考核细则!D5' });
  });
});
