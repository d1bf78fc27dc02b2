import { gridFromMatrix } from '../../../src/core/grid';
import { recognizeSheet } from '../../../src/core/recognize';
import { MappingSchema, type Mapping } from '../../../src/core/settings/mapping';

/** Seed-like: a title, a header, three tasks, two blank rows, two more tasks of the same table. */
const split = gridFromMatrix('Plan', [
  ['2024年重点工作任务分解表'],
  ['序号', '工作任务', '完成时限', '责任单位'],
  [1, '完成年度预算编制', '2024.03.31', '财务科'],
  [2, '开展安全生产大检查', '2024.06.30', '办公室'],
  [3, '组织业务培训', '2024.09.30', '人事科'],
  [],
  [],
  [4, '完成档案整理', '2024.11.30', '办公室'],
  [5, '开展年度总结', '2024.12.31', '人事科'],
]);

const mapping = (...tables: unknown[]): Mapping => MappingSchema.parse({ version: 1, tables });

describe('a table placed by hand', () => {
  it('takes the whole range the user gave, past the gap where the recognizer stops', () => {
    // Without the mapping, the two blank rows end the table at row 5.
    const auto = recognizeSheet(split).sheet.tables;
    expect(auto.map((t) => [t.range, t.tasks.length])).toEqual([['A2:D5', 3]]);

    const r = recognizeSheet(split, { mapping: mapping({ sheet: 'Plan', range: 'A2:D9' }) });
    expect(r.sheet.tables).toHaveLength(1);
    const t = r.sheet.tables[0]!;
    expect(t).toMatchObject({ range: 'A2:D9', rangeFrom: 'settings', headerRows: [2], titleRows: [1], title: '2024年重点工作任务分解表', year: 2024 });
    expect(t.tasks.map((k) => k.seq)).toEqual(['1', '2', '3', '4', '5']);
    expect(t.columns.map((c) => c.role)).toEqual(['seq', 'task', 'deadline', 'owner']);
    expect(r.findings.filter((f) => f.rule.startsWith('recognize.mapping'))).toEqual([]);
  });

  it('reads the header from the rows the user chose: two rows, the group label above the leaf', () => {
    const grid = gridFromMatrix(
      'S',
      [
        ['序号', '工作任务', '落实要求', null],
        [null, null, '完成时限', '责任单位'],
        [1, '完成年度预算编制', '2024.03.31', '财务科'],
        [2, '开展安全生产大检查', '2024.06.30', '办公室'],
      ],
      [{ top: 1, left: 3, bottom: 1, right: 4 }],
    );
    const r = recognizeSheet(grid, { mapping: mapping({ sheet: 'S', range: 'A1:D4', headerRows: [1, 2] }) });
    const t = r.sheet.tables[0]!;
    expect(t.headerRows).toEqual([1, 2]);
    expect(t.columns.map((c) => [c.column, c.header, c.role])).toEqual([
      ['A', '序号', 'seq'],
      ['B', '工作任务', 'task'],
      ['C', '落实要求 / 完成时限', 'deadline'],
      ['D', '落实要求 / 责任单位', 'owner'],
    ]);
    expect(t.tasks).toHaveLength(2);
  });

  it('a header row chosen lower makes the rows above it the title, not tasks', () => {
    const r = recognizeSheet(split, { mapping: mapping({ sheet: 'Plan', range: 'A1:D5', headerRows: [2] }) });
    const t = r.sheet.tables[0]!;
    expect(t).toMatchObject({ range: 'A1:D5', headerRows: [2], titleRows: [1] });
    expect(t.tasks).toHaveLength(3);
  });

  it('finds a table the recognizer did not, and the user’s roles apply to it', () => {
    // Words it does not know over a single row: no header by words, none by layout.
    const grid = gridFromMatrix('S', [
      ['甲', '乙', '丙'],
      ['编预算', '三月', '老王'],
    ]);
    expect(recognizeSheet(grid).sheet.tables).toEqual([]);
    const r = recognizeSheet(grid, { mapping: mapping({ sheet: 'S', range: 'A1:C2', columns: { A: 'task', C: 'owner' }, year: 2023 }) });
    const t = r.sheet.tables[0]!;
    expect(t.columns.map((c) => [c.column, c.role, c.confidence])).toEqual([
      ['A', 'task', 1],
      ['B', expect.anything(), expect.any(Number)],
      ['C', 'owner', 1],
    ]);
    expect(t).toMatchObject({ year: 2023, yearFrom: 'settings', rangeFrom: 'settings' });
    expect(t.tasks.map((k) => k.title)).toEqual(['编预算']);
    expect(r.findings.some((f) => f.rule === 'recognize.no-table')).toBe(false);
  });

  it('counts placed and found tables together, top to bottom, for the mapping’s table numbers', () => {
    const grid = gridFromMatrix('S', [
      ['甲', '乙', '丙'],
      ['编预算', '三月', '老王'],
      [],
      [],
      ['序号', '工作任务', '完成时限', '责任单位'],
      [1, '完成年度预算编制', '2024.03.31', '财务科'],
      [2, '开展安全生产大检查', '2024.06.30', '办公室'],
    ]);
    const r = recognizeSheet(grid, {
      mapping: mapping({ sheet: 'S', range: 'A1:C2', columns: { A: 'task' } }, { sheet: 'S', table: 2, columns: { D: 'partner' } }),
    });
    expect(r.sheet.tables.map((t) => [t.range, t.rangeFrom])).toEqual([
      ['A1:C2', 'settings'],
      ['A5:D7', undefined],
    ]);
    expect(r.sheet.tables[1]!.columns.find((c) => c.column === 'D')).toMatchObject({ role: 'partner', confidence: 1 });
    // Table 2 is the found one: the mapping's number does not count as unused.
    expect(r.findings.filter((f) => f.rule === 'recognize.mapping-unused')).toEqual([]);
  });

  it('says so, and goes on without it, when a range holds nothing or overlaps one set before', () => {
    const r = recognizeSheet(split, {
      lang: 'en-US',
      mapping: mapping({ sheet: 'Plan', range: 'A2:D9' }, { sheet: 'Plan', range: 'C4:F5' }, { sheet: 'Plan', range: 'H20:K30' }),
    });
    expect(r.sheet.tables.map((t) => t.range)).toEqual(['A2:D9']);
    const said = r.findings.filter((f) => f.rule.startsWith('recognize.mapping'));
    expect(said.map((f) => [f.rule, f.cell, f.severity])).toEqual([
      ['recognize.mapping-range-overlap', 'Plan!C4', 'warning'],
      ['recognize.mapping-range-empty', 'Plan!H20', 'warning'],
    ]);
    expect(said[0]!.message).toBe('The mapping sets the table range C4:F5 on sheet "Plan", which overlaps the range A2:D9 set before it; it was not applied.');
    expect(said[1]!.message).toContain('H20:K30');
  });

  it('a range on another sheet leaves this one as recognized', () => {
    const r = recognizeSheet(split, { mapping: mapping({ sheet: 'Other', range: 'A1:B2' }) });
    expect(r.sheet.tables.map((t) => [t.range, t.rangeFrom])).toEqual([['A2:D5', undefined]]);
  });
});

describe('the header of a placed table, when the user did not give it', () => {
  it('is the header row under a title the user selected with the table', () => {
    const r = recognizeSheet(split, { mapping: mapping({ sheet: 'Plan', range: 'A1:D5' }) });
    expect(r.sheet.tables[0]).toMatchObject({ range: 'A1:D5', headerRows: [2], titleRows: [1] });
  });

  it('is the first row that is not a title when no row reads as a header', () => {
    const grid = gridFromMatrix('S', [
      ['2023年工作计划表'],
      ['甲', '乙', '丙'],
      ['编预算', '三月', '老王'],
    ]);
    expect(recognizeSheet(grid, { mapping: mapping({ sheet: 'S', range: 'A1:C3' }) }).sheet.tables[0]).toMatchObject({ headerRows: [2], titleRows: [1], year: 2023 });
  });
});
