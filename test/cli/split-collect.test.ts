/** split then collect, on seeds 000 and 004: statuses typed into copies arrive; a locked cell changed is reported, not copied; revert restores the master. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main, type Io } from '../../src/cli/main';
import { edit, load } from './support/edit-copy';
import { fixturePath } from '../support/fixtures';
import { snapshotWorkbook } from '../support/workbook-snapshot';

function io(): Io & { text: () => string } {
  let s = '';
  return { out: (x) => (s += x), err: (x) => (s += x), text: () => s };
}

describe.each([
  // seed, sheet, unit whose copy is filled, copy cells to fill → master cells, a locked cell, the unit not returned
  { seed: 'seed-000', sheet: 'Sheet1', unit: '陆伟明', fill: { K3: ['已完成', 'K3'], K4: ['进行中', 'K4'], K7: ['已完成', 'K38'] }, locked: 'C3', drop: '梁玉勤' },
  { seed: 'seed-004', sheet: '推进计划表', unit: '医政医管科', fill: {} as Record<string, [string, string]>, locked: 'D34', drop: '' },
])('split and collect $seed', ({ seed, sheet, unit, fill, locked, drop }) => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-collect-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('issues copies, collects what units typed, reports a locked change, and reverts exactly', async () => {
    const master = path.join(dir, `${seed}.xlsx`);
    fs.copyFileSync(fixturePath(`seeds/${seed}.xlsx`), master);
    const out = path.join(dir, 'out');
    const s = io();
    expect(await main(['split', master, '--by', 'lead', '--out', out], s)).toBe(0);
    const copies = fs.readdirSync(out).sort();
    expect(copies.length).toBeGreaterThan(1);
    const mine = path.join(out, `${seed}-${unit}.xlsx`);
    expect(fs.existsSync(mine)).toBe(true);

    // The copy: protected without a password, the fillable cells open, every other cell locked.
    const copy = await load(mine);
    const ws = copy.getWorksheet(sheet) as ExcelJS.Worksheet;
    expect((ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection).toMatchObject({ sheet: true });
    expect((ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection.hashValue).toBeUndefined();
    expect(ws.getCell(locked).protection?.locked).not.toBe(false);
    expect(copy.getWorksheet('_resptable_split')?.state).toBe('veryHidden');

    // For 004 the unit's status column is the first added one: fill its first node row.
    let filled: Record<string, [string, string]> = fill as Record<string, [string, string]>;
    if (Object.keys(fill).length === 0) {
      const m = JSON.parse((copy.getWorksheet('_resptable_split') as ExcelJS.Worksheet).getCell('A1').value as string);
      const sh = m.sheets.find((x: { sheet: string }) => x.sheet === sheet);
      const status = sh.columns.find((c: { role: string }) => c.role === 'status').column as string;
      const rows = new Map<number, number>(sh.rows.map(([c, mr]: [number, number]) => [mr, c]));
      const [r1, r2, r3] = sh.fillRows as number[];
      filled = Object.fromEntries(
        ([['已完成', r1], ['进行中', r2], ['滞后', r3]] as Array<[string, number]>).map(([v, r]) => [`${status}${rows.get(r)}`, [v, `${status}${r}`] as [string, string]]),
      );
    }
    const lockedBefore = String(ws.getCell(locked).value ?? '');
    await edit(mine, sheet, { ...Object.fromEntries(Object.entries(filled).map(([a, [v]]) => [a, v])), [locked]: '改过的任务' }, true);
    if (drop) fs.rmSync(path.join(out, `${seed}-${drop}.xlsx`));

    const before = snapshotWorkbook(await load(master));
    const c = io();
    expect(await main(['collect', out, '--into', master, '--json'], c)).toBe(0);
    const report = JSON.parse(c.text());
    const own = report.copies.find((x: { unit: string }) => x.unit === unit);
    // The statuses arrive in the master cells the rows stand for.
    const after = await load(master);
    const mws = after.getWorksheet(sheet) as ExcelJS.Worksheet;
    for (const [, [v, at]] of Object.entries(filled)) expect(mws.getCell(at).value).toBe(v);
    // The locked cell: reported, not copied.
    expect(own.outside).toEqual([expect.objectContaining({ cell: `${sheet}!${locked}`, found: '改过的任务', expected: lockedBefore.trim() })]);
    expect(String(mws.getCell(locked).value ?? '')).toBe(lockedBefore);
    expect(report.notReturned).toEqual(drop ? [drop] : []);

    const r = io();
    expect(await main(['collect', '--revert', '--into', master], r)).toBe(0);
    expect(snapshotWorkbook(await load(master))).toEqual(before);
  });
});

describe('collect into a master that cannot be read', () => {
  it.each([[[] as string[]], [['--revert']]])('says which file and why, exit 1 (%j)', async (extra) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-collect-missing-'));
    try {
      const missing = path.join(dir, '汇总表.xlsx');
      const out = io();
      const args = extra.length ? ['collect', ...extra, '--into', missing, '--lang', 'en-US'] : ['collect', dir, '--into', missing, '--lang', 'en-US'];
      expect(await main(args, out)).toBe(1);
      expect(out.text()).toBe(`${missing}: no such file or folder\n`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
