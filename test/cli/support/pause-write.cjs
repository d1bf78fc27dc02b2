// Preloaded into a `resptable` child process: holds it forever at one point of writing a file, so that
// a test can kill it there. RESPTABLE_TEST_PAUSE=write: half the temporary file written and synced;
// =rename: the temporary file complete, not yet renamed over the target.
'use strict';
const fs = require('fs');

const at = process.env.RESPTABLE_TEST_PAUSE;
function hold() {
  process.stderr.write('RESPTABLE-PAUSED\n');
  setInterval(() => {}, 1000); // a pending promise alone does not keep a process alive
  return new Promise(() => {});
}

const open = fs.promises.open;
fs.promises.open = async function (...args) {
  const handle = await open.apply(this, args);
  // Any file opened for writing: the test holds whatever the command line writes, temporary or not.
  if (at === 'write' && /[wa+]/.test(String(args[1] ?? 'r'))) {
    handle.writeFile = async (data) => {
      await handle.write(data.subarray(0, Math.floor(data.length / 2)));
      await handle.sync();
      return hold();
    };
  }
  return handle;
};
if (at === 'rename') fs.promises.rename = async () => hold();
