/**
 * Scores of the seeds and the public fixtures with no statuses entered, as of a date each (the
 * policy's defaults: earned so far). None of these workbooks has a status saying done, so nothing is
 * earned: a table shows 0 when some node is decided (overdue) and no points at all, only the reason,
 * when none is. What is decided, open and unscorable follows from the node states reviewed by hand in
 * test/golden/states.json (seeds) and from the fixtures' deadlines read by hand (public fixtures, below).
 */
import * as fs from 'fs';
import * as path from 'path';
import { type TableReport } from '../../src/core/contract';
import { checkWorkbook } from '../../src/core/check';
import { readGridsFromFile } from '../../src/hosts/xlsx';
import { fixturePath, GOLDEN_DIR } from '../support/fixtures';

async function table(file: string, asOf: string): Promise<TableReport> {
  const r = checkWorkbook(file, await readGridsFromFile(fixturePath(`${file}.xlsx`)), { asOf });
  const tables = r.sheets.flatMap((s) => s.tables);
  expect(tables).toHaveLength(1);
  return tables[0]!;
}

const close = (n: number) => expect.closeTo(n, 9);

describe('seeds with no statuses: points only where something is decided, and then 0', () => {
  const golden = JSON.parse(fs.readFileSync(path.join(GOLDEN_DIR, 'states.json'), 'utf8')) as Record<string, { asOf: string; tasks: Array<[string | null, string]> }>;
  it.each(Object.keys(golden))('%s', async (seed) => {
    const { asOf, tasks } = golden[seed]!;
    const t = await table(`seeds/${seed}`, asOf);
    // Each task's maximum spread equally over its nodes; O is decided, P and S open, - unscorable.
    const part = { decided: 0, open: 0, unscorable: 0 };
    tasks.forEach(([, codes], i) => {
      const share = (t.tasks[i]!.score!.max ?? 0) / codes.length;
      for (const c of codes) part[c === 'O' ? 'decided' : c === 'P' || c === 'S' ? 'open' : 'unscorable'] += share;
    });
    const max = t.tasks.reduce((n, k) => n + k.score!.max, 0);
    expect(t.score).toEqual({ earned: part.decided > 0 ? 0 : null, max: close(max), outOf: close(part.decided), decided: close(part.decided), open: close(part.open), unscorable: close(part.unscorable) });
    expect(t.noScore).toBe(part.decided > 0 ? undefined : 'not-yet-due');
  });
});

describe('public fixtures with no status saying done', () => {
  it.each<[string, string, TableReport['score'], TableReport['noScore']]>([
    // 10 items of 10 (no weight column): 5月底前 on rows 7 and 8 (of 8's two nodes) overdue by July.
    ['dazhu-2016-minsheng', '2016-07-01', { earned: 0, max: 100, outOf: 15, decided: 15, open: 85, unscorable: 0 }, undefined],
    // Rules with no deadline, no status and no year: nothing can be scored.
    ['ducha-kaohe-xize', '2024-07-01', { earned: null, max: 100, outOf: 0, decided: 0, open: 0, unscorable: 100 }, 'no-deadline-no-status'],
    // Four actions of 25: three due 10.05.2023 and not closed; one with no date.
    ['eastamb-2023-action-tracker', '2023-07-01', { earned: 0, max: 100, outOf: 75, decided: 75, open: 0, unscorable: 25 }, undefined],
    // 顺利推进 with no deadline column: due at the end of 2023, open in April.
    ['keqiao-2023-q1-progress', '2023-04-01', { earned: null, max: 100, outOf: 0, decided: 0, open: 100, unscorable: 0 }, 'not-yet-due'],
    ['nanling-2024-gzbg', '2024-07-01', { earned: null, max: 100, outOf: 0, decided: 0, open: 100, unscorable: 0 }, 'not-yet-due'],
    ['zhonglou-2021-minsheng', '2021-07-01', { earned: null, max: 100, outOf: 0, decided: 0, open: 100, unscorable: 0 }, 'not-yet-due'],
  ])('%s as of %s', async (name, asOf, score, reason) => {
    const t = await table(`public/${name}`, asOf);
    expect(t.score).toEqual({ ...score!, max: close(score!.max), outOf: close(score!.outOf), decided: close(score!.decided), open: close(score!.open) });
    expect(t.noScore).toBe(reason);
    expect(t.equalShares).toBe(true);
  });
});
