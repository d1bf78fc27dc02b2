import { gridFromMatrix } from '../../../src/core/grid';
import { LOW_CONFIDENCE, recognizeSheet } from '../../../src/core/recognize';

describe('low confidence is said, never hidden', () => {
  it('names a column whose role is unsure or unknown', () => {
    const grid = gridFromMatrix('Sheet1', [
      ['序号', '工作任务', '完成时限', '责任单位', '情况'],
      [1, '完成年度预算编制', '2024.03.31', '财务科', 'A-12/x'],
      [2, '开展安全生产大检查', '2024.06.30', '办公室', 'B-07/y'],
      [3, '组织业务培训', '2024.09.30', '人事科', 'C-33/z'],
    ]);
    const r = recognizeSheet(grid, { lang: 'en-US' });
    const col = r.sheet.tables[0]?.columns.find((c) => c.column === 'E');
    expect(col?.confidence).toBeLessThan(LOW_CONFIDENCE);
    const f = r.findings.filter((x) => x.rule === 'recognize.low-confidence');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', cell: 'Sheet1!E1', found: '情况' });
    expect(f[0]?.message).toContain('Column E');
    // The confident columns carry no finding.
    expect(r.sheet.tables[0]?.columns.filter((c) => c.confidence < LOW_CONFIDENCE).map((c) => c.column)).toEqual(['E']);
  });

  it('names a table whose structure is unsure', () => {
    // Two label words make a header, but nothing below reads as tasks with milestones.
    const grid = gridFromMatrix('Sheet1', [
      ['备注', '状态'],
      ['x', 'y'],
      ['z', 'w'],
    ]);
    const r = recognizeSheet(grid, { lang: 'zh-CN' });
    expect(r.sheet.tables).toHaveLength(1);
    expect(r.sheet.tables[0]!.confidence).toBeLessThan(LOW_CONFIDENCE);
    const tableFinding = r.findings.find((x) => x.rule === 'recognize.low-confidence' && x.message.includes('表格'));
    expect(tableFinding?.message).toContain('A1:B3');
  });
});
