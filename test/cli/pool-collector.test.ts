/**
 * diff --since and collect in the worker pool: the same report on several threads as on one, in
 * the inputs' order; a file that cannot be read is its own error and the rest are compared or
 * collected; what files say comes in order however the threads finish (../../src/cli/progress.ts).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli as run } from './support/run-cli';
import { edit, load } from './support/edit-copy';
import { fixturePath } from '../support/fixtures';
import { snapshotWorkbook } from '../support/workbook-snapshot';
import { inOrder } from '../../src/cli/progress';
import { runPool } from '../../src/cli/pool';
import type { Grid } from '../../src/core/grid';
import type { CopyRead } from '../../src/cli/collect';
import { gridsFromWorkbook, loadWorkbookBuffer } from '../../src/hosts/xlsx';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-pool-collector-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const SEEDS = ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004'];

const NOT_A_ZIP = Buffer.from('PK\u0003\u0004 not really a zip');

interface DiffJson {
  files: Array<{ last: string; file: string; error?: string; changes: Array<{ kind: string; cell?: string }> }>;
}

describe('diff --since in a worker pool', () => {
  const last = path.join(tmp, 'last');
  const now = path.join(tmp, 'this');
  let files: string[];
  beforeAll(async () => {
    fs.mkdirSync(last, { recursive: true });
    fs.mkdirSync(now, { recursive: true });
    for (const s of SEEDS) {
      fs.copyFileSync(fixturePath(`seeds/${s}.xlsx`), path.join(last, `${s}.xlsx`));
      fs.copyFileSync(fixturePath(`seeds/${s}.xlsx`), path.join(now, `${s}.xlsx`));
    }
    // This round seed 000's third node is due a month later (G5 held 2018.09.30).
    await edit(path.join(now, 'seed-000.xlsx'), 'Sheet1', { G5: '2018.10.31' });
    // broken.xlsx was a workbook last round and is not one this round; new.xlsx has no last round.
    fs.copyFileSync(fixturePath('seeds/seed-001.xlsx'), path.join(last, 'broken.xlsx'));
    fs.writeFileSync(path.join(now, 'broken.xlsx'), NOT_A_ZIP);
    fs.copyFileSync(fixturePath('seeds/seed-002.xlsx'), path.join(now, 'new.xlsx'));
    // Not in sorted order: the report keeps the order given.
    files = ['seed-003', 'broken', 'seed-000', 'new', 'seed-001', 'seed-004', 'seed-002'].map((s) => path.join(now, `${s}.xlsx`));
  });

  it('--jobs 3 reports what --jobs 1 reports, in the order given; the broken and the new file their own errors', async () => {
    const one = await run(['diff', '--since', last, ...files, '--json', '--jobs', '1', '--lang', 'en-US']);
    const three = await run(['diff', '--since', last, ...files, '--json', '--jobs', '3', '--lang', 'en-US']);
    expect(three.out).toBe(one.out);
    expect(three.code).toBe(1);
    const report = JSON.parse(three.out) as DiffJson;
    expect(report.files.map((f) => f.file)).toEqual(files);
    expect(report.files.map((f) => f.last)).toEqual(files.map((f) => path.join(last, path.basename(f))));
    expect(report.files.map((f) => f.error !== undefined)).toEqual([false, true, false, true, false, false, false]);
    expect(report.files[1]!.error).toContain('broken.xlsx');
    expect(report.files[3]!.error).toContain('new.xlsx');
    // The one change made, and nothing in the files left as they were.
    const seed000 = report.files[2]!;
    expect(seed000.changes.map((c) => [c.kind, c.cell])).toEqual([['deadline-moved', 'Sheet1!G5']]);
    for (const i of [0, 4, 5, 6]) expect(report.files[i]!.changes).toEqual([]);
  });

  it('in workers alone (the main thread handing out only), each pair compares as on the main thread', async () => {
    const pairs = files.map((file) => ({ last: path.join(last, path.basename(file)), file }));
    const crashed = ({ last: l, file }: { last: string; file: string }, detail: string) => ({ last: l, file, error: `crashed: ${detail}`, changes: [] });
    const run = (threads: number, mainThread: boolean) => runPool({ kind: 'diff', shared: { lang: 'en-US', since: last }, tasks: pairs, threads, mainThread, crashed });
    const one = await run(1, true);
    expect(await run(3, false)).toEqual(one);
    expect(one[2]!.changes.map((c) => c.kind)).toEqual(['deadline-moved']);
    expect(one.map((f) => f.error !== undefined)).toEqual([false, true, false, true, false, false, false]);
  });

  it('plain progress lines with --progress, one per file, counted up', async () => {
    const r = await run(['diff', '--since', last, ...files, '--jobs', '2', '--progress', '--lang', 'en-US']);
    const lines = r.err.split('\n').filter((l) => /^\[\d+\/7\] /.test(l));
    expect(lines.map((l) => l.slice(0, 5))).toEqual(['[1/7]', '[2/7]', '[3/7]', '[4/7]', '[5/7]', '[6/7]', '[7/7]']);
  });

  it('a --jobs that is not a count is a usage error, for diff and collect alike', async () => {
    const d = await run(['diff', '--since', last, files[0]!, '--jobs', '0', '--lang', 'en-US']);
    expect(d.code).toBe(2);
    expect(d.err).toContain('--jobs 0');
    const c = await run(['collect', now, '--into', files[0]!, '--jobs', 'all', '--lang', 'en-US']);
    expect(c.code).toBe(2);
    expect(c.err).toContain('--jobs all');
  });
});

describe('collect in a worker pool', () => {
  // Two masters of the same name (a copy names its master by file name), one collected on one
  // thread, the other on three.
  const one = path.join(tmp, 'one', 'seed-000.xlsx');
  const three = path.join(tmp, 'three', 'seed-000.xlsx');
  const out = path.join(tmp, 'copies');
  beforeAll(async () => {
    for (const m of [one, three]) {
      fs.mkdirSync(path.dirname(m), { recursive: true });
      fs.copyFileSync(fixturePath('seeds/seed-000.xlsx'), m);
    }
    const s = await run(['split', one, '--by', 'lead', '--out', out]);
    expect(s.code).toBe(0);
    // 陆伟明's copy: node rows 3 and 4 (its copy's rows 3, 4) done and under way, in the status column K.
    await edit(path.join(out, 'seed-000-陆伟明.xlsx'), 'Sheet1', { K3: '已完成', K4: '进行中' });
    // A file that is not a workbook, and a workbook that is not a returned copy, among the copies.
    fs.writeFileSync(path.join(out, 'aaa-broken.xlsx'), NOT_A_ZIP);
    fs.copyFileSync(fixturePath('seeds/seed-002.xlsx'), path.join(out, 'bbb-other.xlsx'));
  });

  it('--jobs 3 collects what --jobs 1 collects, copy by copy in the folder’s order; the broken file its own error', async () => {
    const copies = fs.readdirSync(out).sort();
    expect(copies.length).toBeGreaterThanOrEqual(4);
    const r1 = await run(['collect', out, '--into', one, '--json', '--jobs', '1']);
    const r3 = await run(['collect', out, '--into', three, '--json', '--jobs', '3']);
    // The report names its master; the rest is the same to the character.
    expect(r3.out.split(three).join('MASTER')).toBe(r1.out.split(one).join('MASTER'));
    // A copy that could not be read fails the collect, but the others are collected.
    expect(r1.code).toBe(1);
    expect(r3.code).toBe(1);
    const report = JSON.parse(r3.out) as { copies: Array<{ file: string; unit?: string; error?: string; edits: Array<{ cell: string; after: string }> }>; written: number };
    expect(report.copies.map((c) => path.basename(c.file))).toEqual(copies);
    expect(report.copies[0]!.error).toContain('aaa-broken.xlsx');
    expect(report.copies[1]!.error).toContain('bbb-other.xlsx');
    expect(report.copies.slice(2).every((c) => c.error === undefined && c.unit !== undefined)).toBe(true);
    const mine = report.copies.find((c) => c.unit === '陆伟明')!;
    expect(mine.edits.filter((e) => e.cell === 'K3' || e.cell === 'K4').map((e) => [e.cell, e.after])).toEqual([['K3', '已完成'], ['K4', '进行中']]);
    expect(report.written).toBeGreaterThanOrEqual(2);
    // Both masters hold the same cells after.
    const a = await load(one);
    const b = await load(three);
    expect(a.getWorksheet('Sheet1')!.getCell('K3').value).toBe('已完成');
    expect(snapshotWorkbook(b)).toEqual(snapshotWorkbook(a));
  });

  it('in workers alone (the main thread handing out only), each copy reads as on the main thread', async () => {
    const files = fs.readdirSync(out).sort().map((f) => path.join(out, f));
    const master = gridsFromWorkbook(await loadWorkbookBuffer(one, fs.readFileSync(one))).filter((g) => !g.name.startsWith('_resptable_'));
    const crashed = (file: string, detail: string) => ({ error: `crashed ${path.basename(file)}: ${detail}` });
    const run = (threads: number, mainThread: boolean) => runPool({ kind: 'copy', shared: { lang: 'en-US', masterName: 'seed-000.xlsx', master }, tasks: files, threads, mainThread, crashed });
    const main = await run(1, true);
    expect(await run(2, false)).toEqual(main);
    expect(main.map((r) => 'result' in r)).toEqual(files.map((_, i) => i >= 2));
  });

  it('in workers alone, a copy whose reading throws is that copy’s error; the copies after it are read', async () => {
    const files = fs.readdirSync(out).sort().map((f) => path.join(out, f));
    const crashed = (file: string, detail: string) => ({ error: `crashed ${path.basename(file)}: ${detail}` });
    // No master to hold the copies against: every true copy throws where it is compared, the others do not get so far.
    const reads = await runPool({ kind: 'copy', shared: { lang: 'en-US', masterName: 'seed-000.xlsx', master: null as unknown as Grid[] }, tasks: files, threads: 2, mainThread: false, crashed });
    expect(reads).toHaveLength(files.length);
    expect(reads[0]!).toEqual({ error: expect.stringContaining('aaa-broken.xlsx') });
    const errorOf = (r: CopyRead | undefined) => (r !== undefined && 'error' in r ? r.error : '');
    expect(errorOf(reads[0])).not.toContain('crashed');
    expect(errorOf(reads[1])).toContain('bbb-other.xlsx');
    expect(errorOf(reads[1])).not.toContain('crashed');
    for (const [i, r] of reads.entries()) if (i >= 2) expect(r).toEqual({ error: expect.stringContaining(`crashed ${path.basename(files[i]!)}: `) });
  });
});

describe('what files say, in the inputs’ order', () => {
  it('lets each result out once all before it are in, whatever order they come in', () => {
    const shown: Array<[number, string]> = [];
    const put = inOrder<string>((r, i) => shown.push([i, r]));
    put(2, 'c');
    put(1, 'b');
    expect(shown).toEqual([]);
    put(0, 'a');
    expect(shown).toEqual([[0, 'a'], [1, 'b'], [2, 'c']]);
    put(4, 'e');
    expect(shown).toHaveLength(3);
    put(3, 'd');
    expect(shown.map(([i]) => i)).toEqual([0, 1, 2, 3, 4]);
  });
});
