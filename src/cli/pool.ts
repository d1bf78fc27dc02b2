/**
 * A batch's files spread over threads: the main thread and `threads - 1` worker threads take the
 * next file from one queue until none is left. The main thread works too, because on a small machine
 * a worker of its own would cost a start-up (loading every module again, warming them again) and
 * every report would cross threads; it is the whole pool when `threads` is 1, so one worker and all
 * cores run the same code. Each worker holds a second file while it works on one, so that it never
 * waits for the main thread to be free to hand it the next.
 *
 * Results come back in the order of the inputs whatever the timing. A worker that dies takes only
 * the file it was working on with it (that file is an error); the file it held goes back to the
 * queue, and a new worker takes its place. One that dies before it was ready is not replaced, and
 * blames no file: the others and the main thread do the rest.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { availableParallelism } from 'os';
import { openJob, type JobKind, type JobTypes } from './jobs';

/** Sent to a worker: a task and its index; back: its result, or why its handler threw. */
export interface WorkerRequest {
  index: number;
  task: unknown;
}
export type WorkerReply = { up: true } | { index: number; result: unknown } | { index: number; thrown: string };

/** What a worker is told once, at its start: which work, and what every task of it shares. */
export interface WorkerInit {
  kind: JobKind;
  shared: unknown;
}

/** Files a worker holds at once: the one it works on and the next. */
const DEPTH = 2;

/** Below this many files a pool costs more (starting workers) than it saves. */
export const POOL_FROM = 16;

/** Threads for a batch of `files`: as asked (--jobs), else the machine's cores once the batch is worth it. */
export function threadCount(jobs: number | undefined, files: number): number {
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, files));
  return files >= POOL_FROM ? Math.max(1, Math.min(availableParallelism(), files)) : 1;
}

/** The worker's script beside this one: compiled .js, or the .ts sources run through tsx (tests, bench). */
function newWorker(init: WorkerInit): Worker {
  const js = path.join(__dirname, 'worker.js');
  if (fs.existsSync(js)) return new Worker(js, { workerData: init });
  // From the sources: tsx's require hook in the worker (execArgv loaders do not reach workers on Node 20).
  const ts = path.join(__dirname, 'worker.ts');
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(ts)});`, { eval: true, workerData: init });
}

export interface PoolRun<K extends JobKind> {
  kind: K;
  shared: JobTypes[K]['shared'];
  tasks: ReadonlyArray<JobTypes[K]['task']>;
  threads: number;
  /** Each result as it comes, in no particular order. */
  onDone?: (index: number, result: JobTypes[K]['result']) => void;
  /** The result of a task whose run threw or whose worker died while on it. */
  crashed: (task: JobTypes[K]['task'], detail: string) => JobTypes[K]['result'];
  /**
   * false: the main thread only hands tasks out, to `threads` workers, and works only if none is
   * left alive (the tests, to see what the workers give; a small batch is otherwise all done on the
   * main thread before a worker is up).
   */
  mainThread?: boolean;
}

export async function runPool<K extends JobKind>(run: PoolRun<K>): Promise<Array<JobTypes[K]['result']>> {
  type Result = JobTypes[K]['result'];
  const { tasks } = run;
  const results = new Array<Result>(tasks.length);
  if (tasks.length === 0) return results;
  const local = openJob(run.kind, run.shared);
  let next = 0;
  /** Tasks a dead worker held and did not start, taken before new ones. */
  const returned: number[] = [];
  const take = (): number | undefined => returned.pop() ?? (next < tasks.length ? next++ : undefined);
  let done = 0;
  /** Each live worker, and how to top up what it holds once it is up. */
  const live = new Map<Worker, () => void>();
  let resolveAll: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (resolveAll = resolve));

  const finish = (index: number, result: Result) => {
    results[index] = result;
    done += 1;
    run.onDone?.(index, result);
    if (done === tasks.length) {
      for (const w of live.keys()) void w.terminate();
      live.clear();
      resolveAll();
    }
  };

  // The main thread's share: the next task whenever it is free, until the queue is empty.
  let draining = false;
  let mainWorks = run.mainThread !== false;
  const drain = async () => {
    if (draining || !mainWorks) return;
    draining = true;
    for (let i = take(); i !== undefined; i = take()) {
      const task = tasks[i] as JobTypes[K]['task'];
      let result: Result;
      try {
        result = await local(task);
      } catch (e) {
        result = run.crashed(task, e instanceof Error ? e.message : String(e));
      }
      finish(i, result);
      // Let the workers' replies in (and hand them their next file) between two of the main thread's.
      await new Promise((r) => setImmediate(r));
    }
    draining = false;
  };

  const start = () => {
    const w = newWorker({ kind: run.kind, shared: run.shared });
    let up = false;
    let gone = false;
    const held: number[] = [];
    const feed = () => {
      // Near the end a worker holds only the file it works on: a second held back there would keep
      // the batch waiting for it while the main thread had nothing left to do.
      const depth = returned.length + tasks.length - next > run.threads ? DEPTH : 1;
      while (up && held.length < depth) {
        const i = take();
        if (i === undefined) break;
        held.push(i);
        w.postMessage({ index: i, task: tasks[i] } satisfies WorkerRequest);
      }
    };
    live.set(w, feed);
    w.on('message', (m: WorkerReply) => {
      if ('up' in m) {
        up = true;
        feed();
        return;
      }
      // A worker runs what it holds in the order it got it: the reply is for the first.
      held.shift();
      const task = tasks[m.index] as JobTypes[K]['task'];
      finish(m.index, 'thrown' in m ? run.crashed(task, m.thrown) : (m.result as Result));
      feed();
    });
    const lost = (detail: string) => {
      if (gone) return;
      gone = true;
      live.delete(w);
      if (done === tasks.length) return;
      const working = up ? held.shift() : undefined;
      // Back to the queue, to be taken in the order they were held.
      for (let j = held.length - 1; j >= 0; j--) returned.push(held[j] as number);
      held.length = 0;
      if (working !== undefined) finish(working, run.crashed(tasks[working] as JobTypes[K]['task'], detail));
      if (done === tasks.length) return;
      // One that died working is replaced; one that never came up would only die again.
      if (up && returned.length + tasks.length - next > 1) start();
      for (const top of live.values()) top();
      if (live.size === 0) mainWorks = true;
      void drain();
    };
    w.on('error', (e) => lost(e instanceof Error ? e.message : String(e)));
    w.on('exit', (code) => lost(`worker exited with code ${code}`));
  };

  const workers = mainWorks ? Math.min(run.threads - 1, tasks.length - 1) : Math.min(run.threads, tasks.length);
  for (let k = 0; k < workers; k++) start();
  void drain();
  await all;
  return results;
}
