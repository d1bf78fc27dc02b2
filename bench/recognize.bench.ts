/**
 * `npm run bench`: for generated workbooks of 10k, 20k and 100k node rows, with the task cells
 * blank on node rows and merged over them (the normal layout), the floor — unzipping the sheet
 * and the shared strings and running the streaming XML parser over them with no work at all —
 * measured in the same run, and as ratios to it: the read into Grids, the whole check (what
 * `resptable check` does after reading the file) and the whole apply (load, plan, write). Each is
 * the median of several runs after a warm-up. Figures, not assertions.
 *
 * BENCH_SIZES=10000,20000 picks sizes, BENCH_RUNS the runs, BENCH_APPLY=0 leaves out apply,
 * BENCH_STAGES=1 adds where the check's time goes (read, recognize, deadlines, progress and
 * scores, rules, the report's validation) at each size, merged.
 */
import { SaxesParser } from 'saxes';
import { checkWithHost } from '../src/hosts/workflow';
import { annotatePackage } from '../src/cli/annotate-package';
import { readGridsFromBytes } from '../src/hosts/xlsx';
import { GridWorkbookHost } from '../src/hosts/xlsx/grid-host';
import { InflateBudget, readZipDirectory, streamEntryText } from '../src/hosts/xlsx/zip';
import { generateXlsx } from './generate';
import type { Grid } from '../src/core/grid';
import { recognizeSheet } from '../src/core/recognize';
import { annotateDeadlines } from '../src/core/check/deadlines';
import { annotateProgress } from '../src/core/check/annotate-progress';
import { FileReportSchema } from '../src/core/contract';
import { runRules } from '../src/core/rules';
import { DEFAULT_POLICY } from '../src/core/settings/scoring-policy';
import { pushAll } from '../src/core/arrays';

const SIZES = (process.env.BENCH_SIZES ?? '10000,20000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const APPLY = process.env.BENCH_APPLY !== '0';
const STAGES = process.env.BENCH_STAGES === '1';
const OPTIONS = { lang: 'zh-CN' as const, today: '2018-07-15', asOf: '2018-07-15' };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

async function timeIt<T>(f: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = process.hrtime.bigint();
  const v = await f();
  return [Number(process.hrtime.bigint() - t0) / 1e6, v];
}

/** The least any reader must do: inflate the two parts that hold the cells and tokenize their XML. */
function floor(bytes: Uint8Array): void {
  const dir = readZipDirectory(bytes);
  for (const part of ['xl/sharedstrings.xml', 'xl/worksheets/sheet1.xml']) {
    const entry = dir.get(part);
    if (!entry) throw new Error(`generated workbook without ${part}`);
    const p = new SaxesParser({ position: false });
    p.on('opentag', () => undefined);
    p.on('text', () => undefined);
    streamEntryText(bytes, entry, new InflateBudget(2 ** 31), (s) => p.write(s));
    p.close();
  }
}

/** The whole apply as `resptable apply` runs it: read, plan, and the package written surgically. */
async function apply(bytes: Uint8Array): Promise<number> {
  return (await annotatePackage(bytes, 'gen.xlsx', OPTIONS)).bytes.byteLength;
}

const ratio = (x: number, f: number) => Number((x / f).toFixed(2));

/** The check taken apart, as `checkWorkbook` runs it, each stage's median ms and its ratio to the floor. */
async function stages(): Promise<void> {
  const rows: Array<Record<string, string | number>> = [];
  for (const n of SIZES) {
    const bytes = await generateXlsx(n, { merged: true });
    const runs = n >= 100000 ? Math.min(RUNS, 3) : RUNS;
    const t: Record<string, number[]> = {};
    const time = async <T>(k: string, f: () => T): Promise<T> => {
      const [ms, v] = await timeIt(f);
      (t[k] ??= []).push(ms);
      return v;
    };
    for (let i = 0; i <= runs; i++) {
      if (i === 1) for (const k of Object.keys(t)) t[k] = [];
      await time('floor', () => floor(bytes));
      const grid = (await time('read', () => readGridsFromBytes(bytes)))[0] as Grid;
      const r = await time('recognize', () => recognizeSheet(grid, { lang: OPTIONS.lang }));
      const findings = [...r.findings];
      for (const [j, table] of r.sheet.tables.entries()) {
        await time('deadlines', () => annotateDeadlines(grid, table));
        await time('progress+scores', () => annotateProgress(r.view, table, OPTIONS.asOf, DEFAULT_POLICY));
        pushAll(findings, await time('rules', () => runRules(grid, r.view, table, r.details[j]?.orphanRows ?? [], OPTIONS.lang)));
      }
      await time('zod', () => FileReportSchema.parse({ file: 'gen.xlsx', sheets: [r.sheet], findings }));
    }
    const fm = median(t.floor as number[]);
    const row: Record<string, string | number> = { 'node rows': n, merged: 'yes', 'floor ms': Math.round(fm) };
    for (const [k, v] of Object.entries(t)) if (k !== 'floor') row[`${k}/floor`] = ratio(median(v), fm);
    rows.push(row);
  }
  console.log('where the check goes (ratios to the floor):');
  console.table(rows);
}

async function main(): Promise<void> {
  const rows: Array<Record<string, string | number>> = [];
  /** `what:size:merged` → median ms, for the growth from the smallest size to the largest. */
  const medians = new Map<string, number>();
  for (const n of SIZES) {
    for (const merged of [false, true]) {
      const bytes = await generateXlsx(n, { merged });
      const runs = n >= 100000 ? Math.min(RUNS, 3) : RUNS;
      const f: number[] = [];
      const r: number[] = [];
      const c: number[] = [];
      const a: number[] = [];
      let findings = 0;
      let merges = 0;
      for (let i = 0; i <= runs; i++) {
        const [tf] = await timeIt(() => floor(bytes));
        const [tr, grids] = await timeIt(() => readGridsFromBytes(bytes));
        merges = grids[0]?.merges.length ?? 0;
        // The whole check from the bytes, as the command line runs it: read, user view, recognize, rules.
        const [tc, result] = await timeIt(() => checkWithHost(new GridWorkbookHost(readGridsFromBytes(bytes), 'gen.xlsx'), OPTIONS));
        findings = result.report.findings.length;
        // Apply is slow at 100k (ExcelJS loads and writes); one counted run there.
        const [ta] = APPLY && (n < 100000 || i <= 1) ? await timeIt(() => apply(bytes)) : [Number.NaN];
        if (i === 0) continue;
        f.push(tf);
        r.push(tr);
        c.push(tc);
        if (!Number.isNaN(ta)) a.push(ta);
      }
      const fm = median(f);
      medians.set(`read:${n}:${merged}`, median(r));
      medians.set(`check:${n}:${merged}`, median(c));
      if (APPLY) medians.set(`apply:${n}:${merged}`, median(a));
      rows.push({
        'node rows': n,
        merged: merged ? 'yes' : 'no',
        merges,
        'file MB': Number((bytes.length / 1e6).toFixed(2)),
        runs,
        'floor ms': Math.round(fm),
        'read ms': Math.round(median(r)),
        'check ms': Math.round(median(c)),
        ...(APPLY ? { 'apply ms': Math.round(median(a)) } : {}),
        'read/floor': ratio(median(r), fm),
        'check/floor': ratio(median(c), fm),
        ...(APPLY ? { 'apply/floor': ratio(median(a), fm) } : {}),
        findings,
      });
    }
  }
  console.table(rows);
  const small = SIZES[0] as number;
  const large = SIZES[SIZES.length - 1] as number;
  if (SIZES.length > 1) {
    for (const merged of [false, true]) {
      const growth = (what: string) => {
        const k = (medians.get(`${what}:${large}:${merged}`) as number) / (medians.get(`${what}:${small}:${merged}`) as number);
        return `${what} ×${k.toFixed(2)}`;
      };
      const what = ['read', 'check', ...(APPLY ? ['apply'] : [])];
      console.log(`${small}→${large} rows (×${large / small})${merged ? ', merged' : ''}: ${what.map(growth).join(', ')}`);
    }
  }
  if (STAGES) await stages();
  console.log('targets: check of 20k merged ≤ 2.5× the floor; apply ≤ 6×; 10k → 100k within 11×');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
