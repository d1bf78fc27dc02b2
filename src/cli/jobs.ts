/**
 * The kinds of work the pool (./pool.ts) runs, each as a handler opened once per thread from what
 * its tasks share: one file checked, applied or reverted; one pair of rounds compared; one returned
 * copy read and held against the master. The main thread and the workers open the same handler, so
 * a batch says the same on one thread as on many. (Imported, not loaded on demand: a dynamic
 * import resolves differently under tsx's ESM loader, ts-jest and the compiled CommonJS.)
 */
import { fileHandler, type FileJob, type FileShared, type PoolResult } from './run-file';
import { diffHandler, type DiffPair, type DiffShared } from './diff';
import type { FileDiff } from '../core/diff';
import { copyHandler, type CopyRead, type CopyShared } from './collect';

export interface JobTypes {
  file: { shared: FileShared; task: FileJob; result: PoolResult };
  diff: { shared: DiffShared; task: DiffPair; result: FileDiff };
  copy: { shared: CopyShared; task: string; result: CopyRead };
}
export type JobKind = keyof JobTypes;
export type Handler<K extends JobKind> = (task: JobTypes[K]['task']) => Promise<JobTypes[K]['result']>;

const OPENERS: { [K in JobKind]: (shared: JobTypes[K]['shared']) => Handler<K> } = {
  file: fileHandler,
  diff: diffHandler,
  copy: copyHandler,
};

export function openJob<K extends JobKind>(kind: K, shared: JobTypes[K]['shared']): Handler<K> {
  return OPENERS[kind](shared);
}
