/**
 * Applying every offered fix to a copy of each seed workbook and checking again leaves no finding of
 * the fixed kinds, and no cell but the ones the fixes name has changed.
 */
import ExcelJS from 'exceljs';
import { getCell, sheetCellAddress } from '../../../src/core/grid';
import { checkWorkbook } from '../../../src/core/check';
import { RULES } from '../../../src/core/rules';
import { applyFixes, gridsFromWorkbook } from '../../../src/hosts/xlsx';
import { fixturePath } from '../../support/fixtures';

const SEEDS = ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004', 'seed-000-en'];
const FIXABLE = new Set(RULES.filter((r) => r.fixable).map((r) => r.id));

describe.each(SEEDS)('%s', (seed) => {
  it('is clean of fixable findings after its fixes, and only the named cells changed', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fixturePath(`seeds/${seed}.xlsx`));
    const before = gridsFromWorkbook(wb);
    const first = checkWorkbook(seed, before);
    const fixes = first.findings.filter((f) => f.fix);
    const written = new Set(applyFixes(wb, fixes));

    // Through a saved file, as a user would reopen it.
    const again = new ExcelJS.Workbook();
    await again.xlsx.load((await wb.xlsx.writeBuffer()) as ExcelJS.Buffer);
    const after = gridsFromWorkbook(again);
    const second = checkWorkbook(seed, after);
    expect(second.findings.filter((f) => FIXABLE.has(f.rule))).toEqual([]);
    // The findings that have nothing to do with the fixes stay where they were (messages may quote a fixed cell).
    const where = (fs: typeof first.findings) => fs.filter((f) => !FIXABLE.has(f.rule)).map((f) => [f.rule, f.cell, f.found]);
    expect(where(second.findings)).toEqual(where(first.findings));

    for (const [i, g] of before.entries()) {
      const h = after[i]!;
      expect(h.merges).toEqual(g.merges);
      for (let r = 1; r <= Math.max(g.rowCount, h.rowCount); r++) {
        for (let c = 1; c <= Math.max(g.colCount, h.colCount); c++) {
          if (written.has(sheetCellAddress(g.name, r, c))) continue;
          expect([sheetCellAddress(g.name, r, c), getCell(h, r, c)]).toEqual([sheetCellAddress(g.name, r, c), getCell(g, r, c)]);
        }
      }
    }
  });
});
