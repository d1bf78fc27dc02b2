/**
 * A table placed by hand where the recognizer found it reads as the recognizer read it: the same
 * header rows, tasks, milestones, roles, title and year, on every seed and layout fixture. So the
 * pane's header-rows choice, which places a found table at its range, loses nothing by itself.
 */
import { parseRange, rangeAddress } from '../../../src/core/grid';
import { recognizeSheet } from '../../../src/core/recognize';
import type { TableReport } from '../../../src/core/contract';
import { loadWorkbookFile } from '../../../src/hosts/xlsx';
import { gridsFromWorkbook } from '../../../src/hosts/xlsx/read-grid';
import { fixturePath } from '../../support/fixtures';

const FILES = ['seeds/seed-000.xlsx', 'seeds/seed-001.xlsx', 'seeds/seed-002.xlsx', 'seeds/seed-003.xlsx', 'seeds/seed-004.xlsx', 'layouts/two-tables.xlsx', 'layouts/two-level-header.xlsx'];

const reading = (t: TableReport) => ({
  headerRows: t.headerRows,
  titleRows: t.titleRows,
  title: t.title,
  year: t.year,
  roles: t.columns.map((c) => [c.column, c.role, c.level]),
  tasks: t.tasks.map((k) => [k.rows, k.seq, k.title, k.nodes.length]),
});

describe.each(FILES)('%s', (file) => {
  it.each([false, true])('placed from its title down (header rows given: %s), every table reads as found', async (giveHeader) => {
    const grids = gridsFromWorkbook(await loadWorkbookFile(fixturePath(file)));
    let tables = 0;
    for (const g of grids) {
      const found = recognizeSheet(g).sheet.tables;
      const ranges = found.map((t) => {
        const area = parseRange(t.range);
        return rangeAddress({ ...area, top: Math.min(area.top, ...t.titleRows) });
      });
      const mapping = {
        version: 1 as const,
        tables: found.map((t, i) => ({ sheet: g.name, table: i + 1, columns: {}, range: ranges[i]!, ...(giveHeader ? { headerRows: t.headerRows.filter((r, j) => r === (t.headerRows[0] as number) + j) } : {}) })),
      };
      const placed = recognizeSheet(g, { mapping }).sheet.tables;
      expect(placed.map((t) => [t.range, t.rangeFrom])).toEqual(ranges.map((r) => [r, 'settings']));
      expect(placed.map(reading)).toEqual(found.map(reading));
      tables += found.length;
    }
    expect(tables).toBeGreaterThan(0);
  });
});
