/**
 * `npm run bench`: for generated workbooks of 10k, 20k and 100k node rows, the bare ExcelJS load,
 * the read into a Grid, and the recognition, each the median of several runs, with their ratios
 * to the bare load. Figures, not assertions: read them, compare them with the closing notes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { recognizeSheet } from '../src/core/recognize';
import { checkWorkbook } from '../src/core/report';
import { annotateWorkbook, gridsFromWorkbook } from '../src/hosts/xlsx';
import { generateWorkbook } from './generate';

const SIZES = (process.env.BENCH_SIZES ?? '10000,20000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

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

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-bench-'));
  const rows: Array<Record<string, string | number>> = [];
  const base: Record<number, { load: number; grid: number; rec: number; full: number }> = {};
  for (const n of SIZES) {
    const file = path.join(dir, `gen-${n}.xlsx`);
    await generateWorkbook(n).xlsx.writeFile(file);
    const buf = fs.readFileSync(file);
    const runs = n >= 100000 ? Math.max(3, Math.min(RUNS, 3)) : RUNS;
    const load: number[] = [];
    const grid: number[] = [];
    const rec: number[] = [];
    const full: number[] = [];
    let nodes = 0;
    let findings = 0;
    // Run 0 warms the JIT and is not counted.
    for (let i = 0; i <= runs; i++) {
      const [tl, wb] = await timeIt(async () => {
        const w = new ExcelJS.Workbook();
        await w.xlsx.load(buf as unknown as ExcelJS.Buffer);
        return w;
      });
      const [tg, grids] = await timeIt(() => gridsFromWorkbook(wb));
      const [tr, result] = await timeIt(() => recognizeSheet(grids[0]!));
      nodes = result.sheet.tables.reduce((s, t) => s + t.tasks.reduce((m, k) => m + k.nodes.length, 0), 0);
      // The whole check: recognition, deadlines and every rule.
      const [tc, report] = await timeIt(() => checkWorkbook('gen.xlsx', grids));
      findings = report.findings.length;
      if (i === 0) continue;
      full.push(tc);
      load.push(tl);
      grid.push(tg);
      rec.push(tr);
    }
    const m = { load: median(load), grid: median(grid), rec: median(rec), full: median(full) };
    base[n] = m;
    rows.push({
      'node rows': n,
      'recognized nodes': nodes,
      runs,
      'file MB': Number((buf.length / 1e6).toFixed(2)),
      'ExcelJS load ms': Math.round(m.load),
      'read→Grid ms': Math.round(m.grid),
      'recognize ms': Math.round(m.rec),
      'check ms': Math.round(m.full),
      findings,
      'Grid/load': Number((m.grid / m.load).toFixed(3)),
      'recognize/load': Number((m.rec / m.load).toFixed(3)),
      'check/load': Number((m.full / m.load).toFixed(3)),
    });
  }
  console.table(rows);

  // Applying highlights and scores, against the bare load and save of the same file.
  const applyRows: Array<Record<string, string | number>> = [];
  for (const n of SIZES.filter((x) => x <= 20000)) {
    const buf = fs.readFileSync(path.join(dir, `gen-${n}.xlsx`));
    const bare: number[] = [];
    const applied: number[] = [];
    for (let i = 0; i <= Math.min(RUNS, 3); i++) {
      const [tb] = await timeIt(async () => {
        const w = new ExcelJS.Workbook();
        await w.xlsx.load(buf as unknown as ExcelJS.Buffer);
        await w.xlsx.writeBuffer();
      });
      const [ta] = await timeIt(async () => {
        const w = new ExcelJS.Workbook();
        await w.xlsx.load(buf as unknown as ExcelJS.Buffer);
        annotateWorkbook(w, 'gen.xlsx', { lang: 'zh-CN', asOf: '2018-07-15', today: '2018-07-15' });
        await w.xlsx.writeBuffer();
      });
      if (i === 0) continue;
      bare.push(tb);
      applied.push(ta);
    }
    applyRows.push({
      'node rows': n,
      'load+save ms': Math.round(median(bare)),
      'load+apply+save ms': Math.round(median(applied)),
      'apply/(load+save)': Number((median(applied) / median(bare)).toFixed(3)),
    });
  }
  console.table(applyRows);
  const small = base[SIZES[0] as number];
  const large = base[SIZES[SIZES.length - 1] as number];
  if (small && large && SIZES.length > 1) {
    const k = (SIZES[SIZES.length - 1] as number) / (SIZES[0] as number);
    console.log(
      `growth ${SIZES[0]}→${SIZES[SIZES.length - 1]} rows (×${k}): load ×${(large.load / small.load).toFixed(2)}, ` +
        `read→Grid ×${(large.grid / small.grid).toFixed(2)}, recognize ×${(large.rec / small.rec).toFixed(2)}, check ×${(large.full / small.full).toFixed(2)}`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
