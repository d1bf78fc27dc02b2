#!/usr/bin/env node
'use strict';
// The command line is compiled to dist/ by `npm ci` (the prepare script).
require('../dist/cli/main.js').main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(String(err && err.stack || err) + '\n'); process.exitCode = 2; },
);
