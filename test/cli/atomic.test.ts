/**
 * Atomic output: a copy is written to a temporary file beside its target and renamed over it when
 * complete. Killed during the write, or stopped by a full or read-only disk, `apply --in-place`
 * leaves the input exactly as it was, and says so.
 */
import { spawn } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli as run } from './support/run-cli';
import { ReportSchema } from '../../src/core/contract';
import { fixturePath } from '../support/fixtures';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-atomic-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
afterEach(() => jest.restoreAllMocks());

function inputCopy(name: string, seed = 'seed-000'): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${seed}.xlsx`);
  fs.copyFileSync(fixturePath(`seeds/${seed}.xlsx`), file);
  return file;
}

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => w.name);
}

/** Runs `resptable` in a process of its own, held at `pause`, and kills it there (SIGKILL: no cleanup runs). */
function killDuringWrite(argv: string[], pause: 'write' | 'rename'): Promise<{ paused: boolean; signal: NodeJS.Signals | null; err: string }> {
  const child = spawn(
    process.execPath,
    ['--require', require.resolve('tsx/cjs'), '--require', path.join(__dirname, 'support', 'pause-write.cjs'), path.join(__dirname, 'support', 'cli-child.ts'), ...argv],
    { env: { ...process.env, RESPTABLE_TEST_PAUSE: pause }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  let paused = false;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s: string) => {
    err += s;
    if (!paused && err.includes('RESPTABLE-PAUSED')) {
      paused = true;
      child.kill('SIGKILL');
    }
  });
  return new Promise((resolve) => child.on('exit', (_code, signal) => resolve({ paused, signal, err })));
}

describe('apply --in-place killed while writing', () => {
  it.each(['write', 'rename'] as const)('held at %s and killed: the input is byte for byte as it was', async (pause) => {
    const input = inputCopy(`killed-${pause}`);
    const before = fs.readFileSync(input);
    const killed = await killDuringWrite(['apply', input, '--in-place', '--as-of', '2018-07-15'], pause);
    expect(killed.err).toContain('RESPTABLE-PAUSED');
    expect(killed).toMatchObject({ paused: true, signal: 'SIGKILL' });
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    // What the killed process left is a temporary file of its own beside the input, nothing else.
    const left = fs.readdirSync(path.dirname(input)).filter((f) => f !== path.basename(input));
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^\.seed-000\.xlsx\.\d+-[0-9a-f]{8}\.tmp$/);
    const partial = fs.statSync(path.join(path.dirname(input), left[0]!)).size;
    expect(partial).toBeGreaterThan(0);
    if (pause === 'write') expect(partial).toBeLessThan(before.length);

    // The next run does the job, and the input is then the annotated workbook.
    const again = await run(['apply', input, '--in-place', '--as-of', '2018-07-15']);
    expect(again.code).toBe(0);
    expect(await sheetNames(input)).toEqual(['Sheet1', '评分汇总', '_resptable_journal']);
  });
});

/** A Node errno error, as the file system gives it. */
function errno(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall} '${file}'`), { code, syscall, path: file });
}

/** fs.promises.open as on a disk that fills up halfway through the temporary file. */
function diskFullAfterHalf(): void {
  const open = fs.promises.open;
  jest.spyOn(fs.promises, 'open').mockImplementation(async (...args: Parameters<typeof open>) => {
    const handle = await open(...args);
    if (String(args[0]).endsWith('.tmp')) {
      handle.writeFile = async (data: unknown) => {
        const bytes = data as Uint8Array;
        await handle.write(bytes.subarray(0, bytes.length >> 1));
        throw errno('ENOSPC', 'write', String(args[0]));
      };
    }
    return handle;
  });
}

describe('a disk that is full or read-only', () => {
  it('full during --in-place: the input unchanged, no temporary file left, and the message says both', async () => {
    const input = inputCopy('full');
    const other = inputCopy('full-other', 'seed-002');
    const before = fs.readFileSync(input);
    diskFullAfterHalf();
    const r = await run(['apply', input, other, '--in-place', '--as-of', '2018-07-15', '--json', '--lang', 'en-US']);
    const report = ReportSchema.parse(JSON.parse(r.out));
    expect(report.files[0]!.error).toBe(`Could not write ${input}: the disk is full. The input ${input} is unchanged.`);
    expect(report.files[0]!.findings).toEqual([{ rule: 'file.unwritable', severity: 'error', message: report.files[0]!.error }]);
    expect(report.files[1]!.error).toMatch(/the disk is full/);
    expect(r.code).toBe(1);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(input))).toEqual(['seed-000.xlsx']);
    expect(fs.readdirSync(path.dirname(other))).toEqual(['seed-002.xlsx']);
  });

  it('full while replacing an earlier copy in --out: the earlier copy stays whole, in Chinese too', async () => {
    const input = inputCopy('full-out-in');
    const out = path.join(tmp, 'full-out');
    expect((await run(['apply', input, '--out', out, '--as-of', '2018-07-01'])).code).toBe(0);
    const earlier = fs.readFileSync(path.join(out, 'seed-000.xlsx'));
    diskFullAfterHalf();
    const r = await run(['apply', input, '--out', out, '--as-of', '2018-07-15']);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`无法写入 ${path.join(out, 'seed-000.xlsx')}：磁盘空间已满。原文件 ${input} 未被改动。`);
    expect(fs.readFileSync(path.join(out, 'seed-000.xlsx')).equals(earlier)).toBe(true);
    expect(fs.readdirSync(out)).toEqual(['seed-000.xlsx']);
  });

  it.each([
    ['EROFS', 'the disk is read-only', '所在磁盘是只读的'],
    ['EACCES', 'permission denied', '没有访问权限'],
  ])('a target folder that refuses new files (%s): the input unchanged and said so', async (code, en, zh) => {
    const input = inputCopy(`refuse-${code}`);
    const before = fs.readFileSync(input);
    const open = fs.promises.open;
    jest.spyOn(fs.promises, 'open').mockImplementation(async (...args: Parameters<typeof open>) => {
      if (String(args[0]).endsWith('.tmp')) throw errno(code, 'open', String(args[0]));
      return open(...args);
    });
    const r = await run(['apply', input, '--in-place', '--json', '--lang', 'en-US']);
    expect(ReportSchema.parse(JSON.parse(r.out)).files[0]!.error).toBe(`Could not write ${input}: ${en}. The input ${input} is unchanged.`);
    expect(r.code).toBe(1);
    const reverted = await run(['revert', input, '--in-place']);
    // Nothing to revert in an input that was never written: nothing written, exit 0.
    expect(reverted.code).toBe(0);
    const zhRun = await run(['apply', input, '--in-place']);
    expect(zhRun.out).toContain(`无法写入 ${input}：${zh}。原文件 ${input} 未被改动。`);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(input))).toEqual(['seed-000.xlsx']);
  });

  it('the rename refused: the temporary file is removed and the input unchanged', async () => {
    const input = inputCopy('rename-refused');
    const before = fs.readFileSync(input);
    jest.spyOn(fs.promises, 'rename').mockRejectedValue(errno('EBUSY', 'rename', input));
    const r = await run(['apply', input, '--in-place', '--lang', 'en-US']);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Could not write ${input}: the file is in use by another program. The input ${input} is unchanged.`);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(input))).toEqual(['seed-000.xlsx']);
  });
});

describe('what --in-place replaces', () => {
  it('keeps the file’s permissions, and writes through a symlink to the real file, keeping the link', async () => {
    const input = inputCopy('perm');
    fs.chmodSync(input, 0o640);
    const link = path.join(tmp, 'perm-link.xlsx');
    fs.symlinkSync(input, link);
    const r = await run(['apply', link, '--in-place', '--as-of', '2018-07-15']);
    expect(r.code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.statSync(input).mode & 0o777).toBe(0o640);
    expect(await sheetNames(input)).toEqual(['Sheet1', '评分汇总', '_resptable_journal']);
    expect(fs.readdirSync(path.dirname(input))).toEqual(['seed-000.xlsx']);
  });

  it('a copy in --out never opens the input for writing', async () => {
    const input = inputCopy('never-opened');
    const before = fs.readFileSync(input);
    const opened: string[] = [];
    const open = fs.promises.open;
    jest.spyOn(fs.promises, 'open').mockImplementation(async (...args: Parameters<typeof open>) => {
      opened.push(`${String(args[0])} ${String(args[1] ?? 'r')}`);
      return open(...args);
    });
    const out = path.join(tmp, 'never-opened-out');
    expect((await run(['apply', input, '--out', out, '--as-of', '2018-07-15'])).code).toBe(0);
    expect(opened.filter((o) => !/ r$/.test(o)).map((o) => path.dirname(o.split(' ')[0]!))).toEqual([out]);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });
});
