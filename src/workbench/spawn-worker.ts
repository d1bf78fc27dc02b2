/**
 * Starts the document worker. Its own file, as the one place that needs `import.meta`: webpack sees
 * `new Worker(new URL(…, import.meta.url))` and builds the worker as a bundle of its own.
 */
export function spawnDocumentWorker(): Worker {
  // @ts-expect-error TS1343: the type check compiles as CommonJS, where import.meta does not exist; webpack builds this file as an ES module.
  return new Worker(new URL('./document.worker.ts', import.meta.url), { name: 'resptable-document' });
}
