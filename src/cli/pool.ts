/**
 * Files of a batch spread over worker threads, one file at a time per worker, as many workers as
 * asked (the machine's cores by default). What each file says is kept with its result and handed
 * back in the order of the inputs, so the output is the same whatever the workers' timing. A worker
 * that dies takes only its current file with it: that file is an error, a new worker takes the rest.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { Mapping } from '../core/settings/mapping';
import type { CheckArgs } from './args';
import type { FileJob, FileOutcome } from './run-file';

export interface PoolTask {
  args: CheckArgs;
  job: FileJob;
  asOf: string;
  mapping?: Mapping;
}

export interface PoolResult {
  outcome: FileOutcome;
  /** What the file's run wrote to stderr, in order. */
  said: string[];
}

/** Sent to a worker: a task and its index; back: the result and the index. */
export interface WorkerRequest {
  index: number;
  task: PoolTask;
}
export interface WorkerReply {
  index: number;
  result: PoolResult;
}

/** The worker's script beside this one: compiled .js, or the .ts sources run through tsx (tests, bench). */
function newWorker(): Worker {
  const js = path.join(__dirname, 'worker.js');
  if (fs.existsSync(js)) return new Worker(js);
  // From the sources: tsx's require hook in the worker (execArgv loaders do not reach workers on Node 20).
  const ts = path.join(__dirname, 'worker.ts');
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(ts)});`, { eval: true });
}

/** A job's blocked error as plain data (a code survives; an Error's own fields do not cross threads). */
export function plainTask(task: PoolTask): PoolTask {
  // A file's run needs the options, not the batch's list of files (cloned for every file otherwise).
  const light = { ...task, args: { ...task.args, files: [] } };
  const b = task.job.blocked as { code?: unknown; message?: unknown } | undefined;
  if (b === undefined) return light;
  return { ...light, job: { ...task.job, blocked: { code: typeof b.code === 'string' ? b.code : undefined, message: String(b.message ?? b) } } };
}

export async function runInPool(
  tasks: readonly PoolTask[],
  workers: number,
  onDone: (index: number, result: PoolResult) => void,
  onCrash: (task: PoolTask, detail: string) => PoolResult,
): Promise<PoolResult[]> {
  const results: PoolResult[] = new Array<PoolResult>(tasks.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve) => {
    const finish = (index: number, result: PoolResult) => {
      results[index] = result;
      done += 1;
      onDone(index, result);
      if (done === tasks.length) resolve(results);
    };
    const start = () => {
      if (next >= tasks.length) return;
      const w = newWorker();
      let current: number | null = null;
      const feed = () => {
        if (next >= tasks.length) {
          current = null;
          void w.terminate();
          return;
        }
        current = next++;
        w.postMessage({ index: current, task: plainTask(tasks[current] as PoolTask) } satisfies WorkerRequest);
      };
      w.on('message', (m: WorkerReply) => {
        current = null;
        finish(m.index, m.result);
        feed();
      });
      const lost = (detail: string) => {
        if (current === null) return;
        const index = current;
        current = null;
        finish(index, onCrash(tasks[index] as PoolTask, detail));
        // The rest go to a new worker.
        start();
      };
      w.on('error', (e) => lost(e instanceof Error ? e.message : String(e)));
      w.on('exit', (code) => lost(`worker exited with code ${code}`));
      feed();
    };
    if (tasks.length === 0) resolve(results);
    for (let i = 0; i < Math.min(workers, tasks.length); i++) start();
  });
}
