import fc from 'fast-check';
import type { Cell, Grid, RangeRef } from '../../../src/core/grid';
import { recognizeSheet } from '../../../src/core/recognize';
import { ReportSchema } from '../../../src/core/contract';

/** Words that make the recognizer work hard: header synonyms, deadlines, status words, ordinals. */
const WORDS = [
  '序号', '号', '工作任务', '年度目标', '节点', '完成标准', '节点完成期限', '责任人及联系电话', '权重', '备注', '牵头领导',
  '配合部门', '项目目标', '工作节点', '2018.03.31', '2018-9-31', '第一季度', '3月31日前，完成调研。', '一、重点工作',
  '1. 推进', '陆伟明 87730990', '一票否决\n10', '已完成', '是', '（400分）', '', ' ', 'Task', 'Deadline', '附件',
];

const cellArb: fc.Arbitrary<Cell | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(...WORDS).map((s): Cell => ({ value: { kind: 'string', value: s }, text: s })),
  fc.string({ maxLength: 30 }).map((s): Cell => ({ value: { kind: 'string', value: s }, text: s })),
  fc.string({ minLength: 5000, maxLength: 20000 }).map((s): Cell => ({ value: { kind: 'string', value: s }, text: s })),
  fc.double({ noNaN: true }).map((n): Cell => ({ value: { kind: 'number', value: n }, text: String(n) })),
  fc.constantFrom('#REF!', '#N/A', '#DIV/0!').map((e): Cell => ({ value: { kind: 'error', value: e }, text: e })),
  fc.integer({ min: 1, max: 60000 }).map((s): Cell => ({ value: { kind: 'date', value: '2018-03-31', serial: s }, text: '2018-03-31' })),
  fc.boolean().map((b): Cell => ({ value: { kind: 'boolean', value: b }, text: String(b) })),
);

const gridArb: fc.Arbitrary<Grid> = fc
  .record({
    rows: fc.integer({ min: 0, max: 25 }),
    cols: fc.integer({ min: 0, max: 9 }),
    cells: fc.array(fc.array(cellArb, { maxLength: 9 }), { maxLength: 25 }),
    header: fc.option(
      fc.record({
        at: fc.integer({ min: 0, max: 24 }),
        labels: fc.shuffledSubarray(['序号', '工作任务', '年度目标', '节点目标', '完成时限', '责任单位', '权重', '完成情况', '备注'], { minLength: 2 }),
      }),
    ),
    merges: fc.array(
      fc.record({ top: fc.integer({ min: 1, max: 25 }), left: fc.integer({ min: 1, max: 9 }), h: fc.integer({ min: 0, max: 5 }), w: fc.integer({ min: 0, max: 3 }) }),
      { maxLength: 8 },
    ),
  })
  .map(({ cells: raw, header, merges }) => {
    const cells = raw.map((r) => [...r]);
    if (header) {
      cells[Math.min(header.at, cells.length)] = header.labels.map((l): Cell => ({ value: { kind: 'string', value: l }, text: l }));
    }
    // Merges in a real sheet never overlap; keep the first of any overlapping pair.
    const kept: RangeRef[] = [];
    for (const m of merges) {
      const r = { top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w };
      if (r.bottom === r.top && r.right === r.left) continue;
      if (kept.some((k) => !(r.bottom < k.top || r.top > k.bottom || r.right < k.left || r.left > k.right))) continue;
      kept.push(r);
    }
    const rowCount = Math.max(cells.length, ...kept.map((k) => k.bottom), 0);
    const colCount = Math.max(0, ...cells.map((r) => r.length), ...kept.map((k) => k.right));
    return { name: 'Sheet1', rowCount, colCount, rows: cells, merges: kept, hiddenRows: [], hiddenCols: [] };
  });

describe('recognizer on arbitrary grids', () => {
  it('never throws, and what it returns fits the report contract', () => {
    let withTables = 0;
    fc.assert(
      fc.property(gridArb, (grid) => {
        const r = recognizeSheet(grid);
        if (r.sheet.tables.length > 0) withTables++;
        ReportSchema.parse({ version: 1, lang: 'zh-CN', files: [{ file: 'x.xlsx', sheets: [r.sheet], findings: r.findings }] });
      }),
      { numRuns: 400 },
    );
    // The generator must reach the interesting paths, not only sheets without a header.
    expect(withTables).toBeGreaterThan(20);
  });
});
