/**
 * A batch in a pool of worker threads: the same report, in the same order, as in one thread; a file
 * that cannot be read is its own error and the rest are done; what apply says comes in input order;
 * plain progress lines when asked off a terminal; a bad --jobs is a usage error.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli as run } from './support/run-cli';
import { fixturePath } from '../support/fixtures';
import { runPool } from '../../src/cli/pool';
import type { CheckArgs } from '../../src/cli/args';
import type { FileJob } from '../../src/cli/run-file';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-pool-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const SEEDS = ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004'].map((s) => fixturePath(`seeds/${s}.xlsx`));

function broken(): string {
  const f = path.join(tmp, 'broken.xlsx');
  fs.writeFileSync(f, Buffer.from('PK\u0003\u0004 not really a zip'));
  return f;
}

describe('check and apply in a worker pool', () => {
  it('check --jobs 3 gives the report --jobs 1 gives, in the inputs’ order, the broken file its own error', async () => {
    const files = [SEEDS[0]!, broken(), ...SEEDS.slice(1)];
    const one = await run(['check', ...files, '--as-of', '2018-07-15', '--json', '--jobs', '1']);
    const three = await run(['check', ...files, '--as-of', '2018-07-15', '--json', '--jobs', '3']);
    expect(three.code).toBe(1);
    expect(three.out).toBe(one.out);
    const report = JSON.parse(three.out) as { files: Array<{ file: string; error?: string; sheets: unknown[] }> };
    expect(report.files.map((f) => f.file)).toEqual(files);
    expect(report.files.map((f) => f.error !== undefined)).toEqual([false, true, false, false, false, false]);
    expect(report.files[5]!.sheets.length).toBeGreaterThan(0);
  });

  it('apply --jobs 2 writes every copy and says so in the inputs’ order, with plain progress lines', async () => {
    const out = path.join(tmp, 'out');
    const r = await run(['apply', ...SEEDS, '--as-of', '2018-07-15', '--out', out, '--jobs', '2', '--progress', '--lang', 'en-US']);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(SEEDS.map((f) => path.basename(f)).sort());
    const wrote = r.err.split('\n').filter((l) => l.startsWith('wrote '));
    expect(wrote).toEqual(SEEDS.map((f) => `wrote ${path.join(out, path.basename(f))}`));
    const progress = r.err.split('\n').filter((l) => /^\[\d+\/5\] /.test(l));
    expect(progress.map((l) => l.slice(0, 5))).toEqual(['[1/5]', '[2/5]', '[3/5]', '[4/5]', '[5/5]']);
  });

  it('a --jobs that is not a count is a usage error', async () => {
    const r = await run(['check', SEEDS[0]!, '--jobs', 'all', '--lang', 'en-US']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--jobs all');
  });
});

describe('the pool itself', () => {
  const args: CheckArgs = { command: 'check', files: [], json: true, severity: 'info', exitZero: false, inPlace: false, lang: 'en-US', asOf: '2018-07-15' };
  const crashed = (job: FileJob, detail: string) => ({ outcome: { report: { file: job.file, error: `crashed: ${detail}`, sheets: [], findings: [] } }, said: [] });

  it('two workers alone (the main thread handing out only) give what the main thread alone gives', async () => {
    const jobs: FileJob[] = [SEEDS[0]!, broken(), ...SEEDS.slice(1), SEEDS[0]!].map((file) => ({ file }));
    const run = (threads: number, mainThread: boolean) =>
      runPool({ kind: 'file', shared: { args, asOf: '2018-07-15' }, tasks: jobs, threads, mainThread, crashed });
    const one = await run(1, true);
    const workers = await run(2, false);
    expect(workers).toEqual(one);
    expect(one.map((r) => r.outcome.report.file)).toEqual(jobs.map((j) => j.file));
    expect(one.map((r) => r.outcome.report.error !== undefined)).toEqual([false, true, false, false, false, false, false]);
    expect(one[1]!.outcome.report.error).not.toContain('crashed');
  });
});
