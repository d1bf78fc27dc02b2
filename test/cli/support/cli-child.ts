/** `resptable` run from the sources, for tests that need a process of its own (to kill it). */
import { main } from '../../../src/cli/main';

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`${String(e)}\n`);
    process.exitCode = 2;
  },
);
