/** A worker of the pool (./pool.ts): runs the files it is sent, one at a time, and sends back each result. */
import { parentPort } from 'worker_threads';
import { runFile } from './run-file';
import type { WorkerReply, WorkerRequest } from './pool';

const port = parentPort;
if (port) {
  port.on('message', (m: WorkerRequest) => {
    const said: string[] = [];
    const io = { out: (s: string) => said.push(s), err: (s: string) => said.push(s) };
    void runFile(m.task.args, m.task.job, m.task.asOf, m.task.mapping, io).then((outcome) => {
      port.postMessage({ index: m.index, result: { outcome, said } } satisfies WorkerReply);
    });
  });
}
