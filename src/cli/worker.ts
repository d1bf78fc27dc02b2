/**
 * A worker of the pool (./pool.ts): opens the handler of its work once, says it is up, then runs the
 * tasks it is sent one at a time, in the order sent, and sends back each result.
 */
import { parentPort, workerData } from 'worker_threads';
import { openJob } from './jobs';
import type { WorkerInit, WorkerReply, WorkerRequest } from './pool';

const port = parentPort;
if (port) {
  const init = workerData as WorkerInit;
  const handler = openJob(init.kind, init.shared as never);
  const queue: WorkerRequest[] = [];
  let busy = false;
  const pump = async () => {
    if (busy) return;
    busy = true;
    for (let m = queue.shift(); m !== undefined; m = queue.shift()) {
      let reply: WorkerReply;
      try {
        reply = { index: m.index, result: await handler(m.task as never) };
      } catch (e) {
        reply = { index: m.index, thrown: e instanceof Error ? e.message : String(e) };
      }
      port.postMessage(reply);
    }
    busy = false;
  };
  port.on('message', (m: WorkerRequest) => {
    queue.push(m);
    void pump();
  });
  port.postMessage({ up: true } satisfies WorkerReply);
}
