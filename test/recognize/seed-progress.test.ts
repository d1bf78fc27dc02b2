/**
 * Node states of every seed as of a date chosen per seed, and scores of seeds 000 and 003 with
 * statuses the test writes into a 完成情况 column (the rule for each is stated below). The expected
 * states are in test/golden/states.json, reviewed against the seed deadlines by hand.
 */
import * as fs from 'fs';
import * as path from 'path';
import { cellOf, columnLetters, type Grid } from '../../src/core/grid';
import { checkWorkbook, type FileReport } from '../../src/core/report';
import { readGridsFromFile } from '../../src/hosts/xlsx';
import { fixturePath, GOLDEN_DIR } from '../support/fixtures';

const AS_OF: Record<string, string> = {
  'seed-000': '2018-07-15',
  'seed-001': '2019-07-25',
  'seed-002': '2017-07-01',
  'seed-003': '2022-07-01',
  'seed-004': '2023-07-15',
};
const CODE: Record<string, string> = { done: 'D', done_late: 'L', overdue: 'O', due_soon: 'S', pending: 'P', no_deadline: '-' };

function compact(report: FileReport): Array<[string | null, string]> {
  return report.sheets.flatMap((s) => s.tables.flatMap((t) => t.tasks.map((k) => [k.seq, k.nodes.map((n) => CODE[n.state ?? ''] ?? '?').join('')] as [string | null, string])));
}

describe('node states as of a date', () => {
  const golden = JSON.parse(fs.readFileSync(path.join(GOLDEN_DIR, 'states.json'), 'utf8')) as Record<string, { asOf: string; tasks: Array<[string | null, string]> }>;
  it.each(Object.keys(AS_OF))('%s', async (seed) => {
    const grids = await readGridsFromFile(fixturePath(`seeds/${seed}.xlsx`));
    const report = checkWorkbook(seed, grids, { asOf: AS_OF[seed] });
    expect({ asOf: AS_OF[seed], tasks: compact(report) }).toEqual(golden[seed]);
  });

  it('seed 000 with no status: due before 2018-07-15 is overdue, the rest pending', async () => {
    const grids = await readGridsFromFile(fixturePath('seeds/seed-000.xlsx'));
    const t = checkWorkbook('seed-000', grids, { asOf: '2018-07-15' }).sheets[0]!.tables[0]!;
    expect(t.states).toEqual({ done: 0, done_late: 0, overdue: 29, due_soon: 0, pending: 25, no_deadline: 0 });
    for (const k of t.tasks) for (const n of k.nodes) {
      const first = (n.deadline?.parts?.map((p) => p.end).filter(Boolean).sort()[0] ?? n.deadline?.end) as string;
      expect([n.row, n.state]).toEqual([n.row, first < '2018-07-15' ? 'overdue' : 'pending']);
    }
  });
});

/** Adds a 完成情况 column right of the table with the given status per sheet row. */
function withStatus(grid: Grid, headerRow: number, statuses: Map<number, string>): Grid {
  const col = grid.colCount + 1;
  const rows = grid.rows.map((r) => (r ? [...r] : r));
  const put = (row: number, text: string) => {
    const line = (rows[row - 1] ??= []);
    line[col - 1] = cellOf(text);
  };
  put(headerRow, '完成情况');
  for (const [row, s] of statuses) put(row, s);
  return { ...grid, rows, colCount: col };
}

describe('scores with statuses written by the test', () => {
  it('seed 000 as of 2018-07-15: Q1 done everywhere, Q2 done but for tasks 2 and 8, task 5 done', async () => {
    const [grid] = await readGridsFromFile(fixturePath('seeds/seed-000.xlsx'));
    const plain = checkWorkbook('seed-000', [grid!]).sheets[0]!.tables[0]!;
    const statuses = new Map<number, string>();
    for (const k of plain.tasks) for (const n of k.nodes) {
      const due = n.deadline?.text ?? '';
      const q1 = /03\.\s*31/.test(due);
      const q2 = /06\.\s*30/.test(due) && k.seq !== '2' && k.seq !== '8';
      if (q1 || q2 || k.seq === '5') statuses.set(n.row, '已完成');
    }
    const report = checkWorkbook('seed-000', [withStatus(grid!, 2, statuses)], { asOf: '2018-07-15' });
    const t = report.sheets[0]!.tables[0]!;
    expect(t.columns.at(-1)).toMatchObject({ column: columnLetters(grid!.colCount + 1), role: 'status' });
    expect(t.tasks.map((k) => [k.seq, k.score])).toEqual([
      ['1', { earned: 10, max: 10 }],
      ['2', { earned: 5, max: 10 }],
      ['3', { earned: 0, max: 0 }],
      ['4', { earned: 10, max: 10 }],
      ['5', { earned: 10, max: 10 }],
      ['6', { earned: 10, max: 10 }],
      ['7', { earned: 0, max: 10 }],
      ['8', { earned: 5, max: 10 }],
      ['9', { earned: 10, max: 10 }],
      ['10', { earned: 10, max: 10 }],
    ]);
    expect(t.categories.map((c) => [c.path[0], c.score])).toEqual([
      ['区委区政府重点工作', { earned: 45, max: 50 }],
      ['民生实事', { earned: 5, max: 20 }],
      ['职能工作', { earned: 20, max: 20 }],
    ]);
    expect(t.score).toEqual({ earned: 70, max: 90 });
  });

  it('seed 003: all done but the veto item 安全生产 (未完成) and 信访稳定 (滞后): the veto zeroes 重点（职能）工作', async () => {
    const [grid] = await readGridsFromFile(fixturePath('seeds/seed-003.xlsx'));
    const plain = checkWorkbook('seed-003', [grid!]).sheets[0]!.tables[0]!;
    const statuses = new Map<number, string>();
    for (const k of plain.tasks) statuses.set(k.rows[0], k.title === '安全生产' ? '未完成' : k.title === '信访稳定' ? '滞后' : '已完成');
    const t = checkWorkbook('seed-003', [withStatus(grid!, 5, statuses)], { asOf: '2022-12-31' }).sheets[0]!.tables[0]!;
    expect(t.categories.map((c) => [c.path.join('/'), c.declared, c.score])).toEqual([
      ['围绕中心履职尽责', 400, { earned: 20, max: 400 }],
      ['围绕中心履职尽责/重点（职能）工作', 380, { earned: 0, max: 380 }],
      ['围绕中心履职尽责/专项考核', 20, { earned: 20, max: 20 }],
    ]);
    expect(t.score).toEqual({ earned: 20, max: 400 });
    // Without the veto the category would have all but 信访稳定's 5 points.
    const noVeto = new Map(statuses);
    noVeto.set(plain.tasks.find((k) => k.title === '安全生产')!.rows[0], '已完成');
    const u = checkWorkbook('seed-003', [withStatus(grid!, 5, noVeto)], { asOf: '2022-12-31' }).sheets[0]!.tables[0]!;
    expect(u.score).toEqual({ earned: 395, max: 400 });
  });
});
