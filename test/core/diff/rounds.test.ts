/** Two rounds made from seed 000: a deadline moved, a task renamed, three statuses advanced, a row deleted — exactly those. */
import { cellOf, type Grid } from '../../../src/core/grid';
import { compareRounds, changeLine, type Round } from '../../../src/core/diff';
import { checkWorkbook } from '../../../src/core/check';
import { readGridsFromFile } from '../../../src/hosts/xlsx';
import { fixturePath } from '../../support/fixtures';

function clone(g: Grid): Grid {
  return JSON.parse(JSON.stringify(g)) as Grid;
}

function set(g: Grid, row: number, col: number, text: string): void {
  const line = (g.rows[row - 1] ??= []);
  line[col - 1] = cellOf(text);
  g.colCount = Math.max(g.colCount, col);
}

/** Deletes a sheet row as Excel does: rows below move up, merges shrink or move with them. */
function deleteRow(g: Grid, row: number): void {
  g.rows.splice(row - 1, 1);
  g.merges = g.merges.flatMap((m) => {
    if (m.top > row) return [{ ...m, top: m.top - 1, bottom: m.bottom - 1 }];
    if (m.bottom < row) return [m];
    if (m.top === m.bottom) return [];
    return [{ ...m, bottom: m.bottom - 1 }];
  });
  g.rowCount--;
}

function round(file: string, grids: Grid[]): Round {
  return { file, report: checkWorkbook(file, grids, { asOf: '2018-07-15' }), grids };
}

describe('diff of two rounds of seed 000', () => {
  let last: Round;
  let next: Round;
  beforeAll(async () => {
    const [seed] = await readGridsFromFile(fixturePath('seeds/seed-000.xlsx'));
    const a = clone(seed as Grid);
    // The last round: a status column, every node not started.
    set(a, 2, 11, '完成情况');
    for (let r = 3; r <= 56; r++) set(a, r, 11, '未开始');
    const b = clone(a);
    set(b, 4, 7, '2018.07.31'); // task 1's second node: due 2018.06.30 before
    set(b, 3, 3, '36. 加快推进新城医院项目建设。'); // task 1 renamed
    set(b, 7, 11, '进行中');
    set(b, 8, 11, '已完成');
    set(b, 9, 11, '已完成');
    deleteRow(b, 20); // task 3's second node
    last = round('last.xlsx', [a]);
    next = round('this.xlsx', [b]);
  });

  it('finds the status column in both rounds', () => {
    expect(last.report.sheets[0]?.tables[0]?.columns.find((c) => c.column === 'K')?.role).toBe('status');
    expect(next.report.sheets[0]?.tables[0]?.columns.find((c) => c.column === 'K')?.role).toBe('status');
  });

  it('reports exactly the changes made', () => {
    const changes = compareRounds(last, next).map((c) => ({ kind: c.kind, seq: c.seq, cell: c.cell ?? c.lastCell, from: c.from, to: c.to }));
    expect(changes).toEqual([
      { kind: 'task-renamed', seq: '1', cell: 'Sheet1!C3', from: '36. 加快新城医院项目建设。', to: '36. 加快推进新城医院项目建设。' },
      { kind: 'deadline-moved', seq: '1', cell: 'Sheet1!G4', from: '2018.06.30', to: '2018.07.31' },
      { kind: 'status-advanced', seq: '2', cell: 'Sheet1!K7', from: '未开始', to: '进行中' },
      { kind: 'status-advanced', seq: '2', cell: 'Sheet1!K8', from: '未开始', to: '已完成' },
      { kind: 'status-advanced', seq: '2', cell: 'Sheet1!K9', from: '未开始', to: '已完成' },
      { kind: 'node-removed', seq: '3', cell: 'Sheet1!E20', from: expect.any(String), to: undefined },
    ]);
  });

  it('against the issued template, keeps to what a template fixes and names each cell', () => {
    const changes = compareRounds(last, next, { template: true });
    expect(changes.map((c) => c.kind)).toEqual(['task-renamed', 'deadline-moved', 'node-removed']);
    expect(changeLine(changes[1]!, 'zh-CN')).toBe('Sheet1!G4  1 36. 加快推进新城医院项目建设。 节点“第二季度完成方案设计、扩初设计工作、用地预审规…”完成期限 2018.06.30 → 2018.07.31');
    expect(changeLine(changes[1]!, 'en-US')).toMatch(/^Sheet1!G4 {2}1 .*due 2018\.06\.30 → 2018\.07\.31$/);
  });

  it('reports nothing between a round and itself', () => {
    expect(compareRounds(last, last)).toEqual([]);
  });
});
