/**
 * The 100k-node workbooks of the bench, with the task cells merged over their node rows (175,001
 * merges) and without, read and checked whole: no stack overflow anywhere on the way (spreading
 * that many merges or cells into a call threw a RangeError, reported as an unreadable file), and
 * every task and node recognized. Slow by nature (seconds per workbook on a 2-core box), not timed.
 */
import { generateXlsx } from '../../../bench/generate';
import { checkWithHost } from '../../../src/hosts/workflow';
import { readGridsFromBytes } from '../../../src/hosts/xlsx';
import { GridWorkbookHost } from '../../../src/hosts/xlsx/grid-host';

const NODES = 100_000;

describe.each([
  { layout: 'task cells merged over their node rows', merged: true },
  { layout: 'task cells blank on node rows', merged: false },
])('a 100k-node workbook, $layout', ({ merged }) => {
  it('is read and checked whole', async () => {
    const bytes = await generateXlsx(NODES, { merged });
    const grids = readGridsFromBytes(bytes);
    // The title's merge A1:J1, and per task of four nodes seven columns merged over its rows.
    expect(grids[0]?.merges.length).toBe(merged ? 1 + (NODES / 4) * 7 : 1);
    const { report } = await checkWithHost(new GridWorkbookHost(grids, 'gen.xlsx'), { lang: 'en-US', today: '2018-07-15', asOf: '2018-07-15' });
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const [table] = report.sheets[0]?.tables ?? [];
    expect(table?.tasks.length).toBe(NODES / 4);
    expect(table?.tasks.reduce((n, t) => n + t.nodes.length, 0)).toBe(NODES);
    // As of mid-July 2018 the first two quarters' nodes are overdue (no status says done), the rest pending.
    expect(table?.states).toMatchObject({ overdue: NODES / 2, pending: NODES / 2 });
  }, 900_000);
});
