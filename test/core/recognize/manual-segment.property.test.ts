import fc from 'fast-check';
import { gridFromMatrix, parseRange, rangeAddress } from '../../../src/core/grid';
import { recognizeSheet } from '../../../src/core/recognize';
import { ReportSchema } from '../../../src/core/contract';
import { MappingSchema } from '../../../src/core/settings/mapping';

const WORDS = ['序号', '工作任务', '完成时限', '责任单位', '权重', '2018.03.31', '第一季度', '一、重点工作', '陆伟明 87730990', '已完成', 'Task', '', null, 3, 10.5];

const matrixArb = fc.array(fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }), { maxLength: 20 });
const placeArb = fc
  .record({ top: fc.integer({ min: 1, max: 22 }), left: fc.integer({ min: 1, max: 9 }), h: fc.integer({ min: 0, max: 12 }), w: fc.integer({ min: 0, max: 6 }), header: fc.option(fc.record({ at: fc.nat(), n: fc.integer({ min: 1, max: 3 }) })) })
  .map(({ top, left, h, w, header }) => {
    const area = { top, left, bottom: top + h, right: left + w };
    const rows = header ? Array.from({ length: Math.min(header.n, h + 1) }, (_, i) => top + (header.at % (h + 1)) + i).filter((r) => r <= area.bottom) : undefined;
    return { range: rangeAddress(area), ...(rows && rows.length > 0 ? { headerRows: rows } : {}) };
  });

describe('a table placed by range, on arbitrary sheets', () => {
  it('never throws, fits the report contract, and is the one table over its range whenever the range holds anything', () => {
    let placedSeen = 0;
    fc.assert(
      fc.property(matrixArb, placeArb, (matrix, place) => {
        const grid = gridFromMatrix('Sheet1', matrix);
        const mapping = MappingSchema.parse({ version: 1, tables: [{ sheet: 'Sheet1', ...place }] });
        const r = recognizeSheet(grid, { mapping });
        ReportSchema.parse({ version: 1, lang: 'zh-CN', files: [{ file: 'x.xlsx', sheets: [r.sheet], findings: r.findings }] });
        const area = parseRange(place.range);
        const filled = matrix.some((line, i) => i + 1 >= area.top && i + 1 <= area.bottom && line.some((v, j) => v !== null && v !== '' && j + 1 >= area.left && j + 1 <= area.right));
        const placed = r.sheet.tables.filter((t) => t.rangeFrom === 'settings');
        if (!filled) {
          expect(placed).toEqual([]);
          expect(r.findings.some((f) => f.rule === 'recognize.mapping-range-empty')).toBe(true);
          return;
        }
        placedSeen++;
        expect(placed.map((t) => t.range)).toEqual([place.range]);
        // The recognizer's own tables give way where the user drew one.
        for (const t of r.sheet.tables.filter((x) => x.rangeFrom === undefined)) {
          const o = parseRange(t.range);
          expect(o.bottom < area.top || o.top > area.bottom || o.right < area.left || o.left > area.right).toBe(true);
        }
        if (place.headerRows) expect(placed[0]!.headerRows).toEqual(place.headerRows);
      }),
      { numRuns: 300 },
    );
    // The generator must reach ranges with content, not only empty ones (about one run in six does).
    expect(placedSeen).toBeGreaterThan(20);
  });
});
