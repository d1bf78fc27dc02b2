// jsdom test environments lack TextEncoder/TextDecoder, which browsers and Node both have; the
// package reader (src/hosts/xlsx/zip.ts) uses them, as it does in the workbench.
const util = require('util');
if (typeof globalThis.TextDecoder === 'undefined') globalThis.TextDecoder = util.TextDecoder;
if (typeof globalThis.TextEncoder === 'undefined') globalThis.TextEncoder = util.TextEncoder;
