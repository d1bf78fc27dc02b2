/**
 * The layers of src/ and what each may import: the architecture as data (README, Layout). Core is the
 * ground; the hosts stand on core through one interface; the pane, the workbench and the command line
 * stand on the hosts. The first layer that holds a file is its layer, so a named exception comes
 * before the folder it is carved from. Every file of src/ must belong to a layer.
 */
import type { Layer } from './imports';

const CORE = 'src/core/';
const CONTRACT = 'src/core/contract/';
const HOST_INTERFACE = 'src/hosts/host.ts';
const WORKFLOW = 'src/hosts/workflow.ts';

export const LAYERS: readonly Layer[] = [
  {
    // The ground floor of core: the report schema, the roles and the lights vocabulary that every stage
    // shares. It stands on nothing else in core, so that every import in core can point down to it.
    name: 'core contract',
    files: [CONTRACT],
    mayImport: [CONTRACT],
    packages: ['zod'],
  },
  {
    // Pure TypeScript: runs the same under Office.js, in the browser and in Node, and is tested alone.
    name: 'core',
    files: [CORE],
    mayImport: [CORE],
    packages: ['zod', 'opencc-js'],
  },
  {
    name: 'host interface',
    files: [HOST_INTERFACE],
    mayImport: [CORE],
    packages: [],
  },
  {
    // The check → plan → apply → revert sequence over any host; it knows hosts only by their interface.
    name: 'workflow',
    files: [WORKFLOW],
    mayImport: [CORE, HOST_INTERFACE],
    packages: [],
  },
  {
    // Office.js is the only way in; never the xlsx host, which needs ExcelJS and Node.
    name: 'excel host',
    files: ['src/hosts/excel/'],
    mayImport: [CORE, HOST_INTERFACE, 'src/hosts/excel/'],
    packages: ['office-js'],
  },
  {
    // ExcelJS as the model; its own zip and XML readers (fflate, saxes); Node for files, and the
    // stream ExcelJS's style translators read from (write/exceljs-xforms.ts); zlib to deflate what the
    // surgical writer rewrites (write/zip-write.ts, reached from the command line only).
    name: 'xlsx host',
    files: ['src/hosts/xlsx/'],
    mayImport: [CORE, HOST_INTERFACE, 'src/hosts/xlsx/'],
    packages: ['exceljs', 'fflate', 'saxes', 'fs', 'stream', 'zlib'],
  },
  {
    // Exception: the pane's Office pages. office-entry.tsx mounts the pane over the Excel host (through
    // its public index), in the language Office reports; commands.ts is the ribbon's function file.
    // What office-entry alone needs (office-lang.ts, OutsideExcel.tsx) keeps the pane's rules.
    name: 'task pane, Office entry',
    files: ['src/taskpane/office-entry.tsx', 'src/taskpane/commands.ts'],
    mayImport: [CORE, 'src/taskpane/', 'src/hosts/excel/index.ts'],
    packages: ['office-js', 'react-dom'],
  },
  {
    // The pane knows the workbook only through the host interface, so the same pane runs in Excel and
    // in the workbench.
    name: 'task pane',
    files: ['src/taskpane/'],
    mayImport: [CORE, HOST_INTERFACE, WORKFLOW, 'src/taskpane/'],
    packages: ['react', '@fluentui/react-components'],
  },
  {
    // The xlsx host through its browser face only (its Node index re-exports the file loader), and the
    // pane through its root component. ExcelJS directly: the workbench draws and saves the ExcelJS
    // workbook that its host edits.
    name: 'workbench',
    files: ['src/workbench/'],
    // The workflow runs in its document worker (document.worker.ts), which speaks to the page in zod-checked messages.
    mayImport: [CORE, HOST_INTERFACE, WORKFLOW, 'src/hosts/xlsx/browser.ts', 'src/taskpane/App.tsx', 'src/workbench/'],
    packages: ['react', 'react-dom', '@fluentui/react-components', 'exceljs', 'zod'],
  },
  {
    // Node: files in and out, and the whole xlsx host (its Node side: loading, splitting, collecting);
    // worker threads and the cores for a batch, LibreOffice for PDFs, fflate for the summary's chart part.
    name: 'command line',
    files: ['src/cli/'],
    mayImport: [CORE, HOST_INTERFACE, WORKFLOW, 'src/hosts/xlsx/', 'src/cli/'],
    packages: ['exceljs', 'fs', 'path', 'crypto', 'os', 'worker_threads', 'child_process', 'fflate'],
  },
];
