/**
 * `npm run bench` (second part): `resptable check` over 1,000 generated workbooks of 50–500 node
 * rows, in the main thread (one worker's worth) and in a pool of all the machine's cores, as wall
 * time and speed-up. The workbooks are generated once (a seeded mix of sizes, the layout of
 * bench/generate.ts) into a cache folder and reused. Figures, not assertions; the issue's target
 * is ≥ 1.7× on 2 cores.
 *
 * BENCH_FILES picks the number of workbooks, BENCH_BATCH_DIR the cache folder, BENCH_BATCH=0 skips it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCheck } from '../src/cli/main';
import type { CheckArgs } from '../src/cli/args';
import { generateXlsx } from './generate';

const FILES = Number(process.env.BENCH_FILES ?? 1000);
const DIR = process.env.BENCH_BATCH_DIR ?? path.join(os.tmpdir(), `resptable-bench-batch-${FILES}`);

/** A small deterministic generator (mulberry32), so that every run checks the same sizes. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function workbooks(): Promise<{ files: string[]; rows: number }> {
  fs.mkdirSync(DIR, { recursive: true });
  const next = rng(15);
  const files: string[] = [];
  let rows = 0;
  // Sizes in steps of 10, so that a handful of generated packages serve all the files.
  const cache = new Map<number, Uint8Array>();
  for (let i = 0; i < FILES; i++) {
    const n = 50 + Math.floor(next() * 46) * 10;
    rows += n;
    const file = path.join(DIR, `unit-${String(i + 1).padStart(4, '0')}-${n}.xlsx`);
    files.push(file);
    if (fs.existsSync(file)) continue;
    if (!cache.has(n)) cache.set(n, await generateXlsx(n, { merged: true }));
    fs.writeFileSync(file, cache.get(n) as Uint8Array);
  }
  return { files, rows };
}

async function wall(files: string[], jobs: number): Promise<{ ms: number; failed: number }> {
  const args: CheckArgs = { command: 'check', files, json: false, severity: 'info', exitZero: true, inPlace: false, lang: 'zh-CN', asOf: '2018-07-15', jobs };
  const t0 = process.hrtime.bigint();
  const { report } = await runCheck(args, { out: () => undefined, err: () => undefined });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, failed: report.files.filter((f) => f.error).length };
}

export async function benchBatch(): Promise<void> {
  const cores = os.availableParallelism();
  const { files, rows } = await workbooks();
  console.log(`\ncheck of ${files.length} workbooks (${rows} node rows, 50–500 each), ${cores} cores`);
  // A warm-up of a few files, so that the first measurement does not pay for loading the modules.
  await wall(files.slice(0, 8), 1);
  const one = await wall(files, 1);
  const all = await wall(files, cores);
  const fmt = (ms: number) => `${(ms / 1000).toFixed(1)} s (${(ms / files.length).toFixed(1)} ms/file)`;
  console.log(`  1 worker (main thread): ${fmt(one.ms)}${one.failed ? `, ${one.failed} unreadable` : ''}`);
  console.log(`  ${cores} workers:              ${fmt(all.ms)}${all.failed ? `, ${all.failed} unreadable` : ''}`);
  console.log(`  speed-up: ${(one.ms / all.ms).toFixed(2)}× (target ≥ 1.7× on 2 cores)`);
}

if (require.main === module && process.env.BENCH_BATCH !== '0') void benchBatch();
