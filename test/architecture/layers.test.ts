/**
 * The layering of src/ (test/architecture/layers.ts): every import of every file is one its layer
 * allows. The checker is shown to read every form of import and to fail on a planted wrong one, so
 * that a clean pass over the real tree means something.
 */
import * as path from 'path';
import { checkLayers, importsOf, readTree, violationText, type Violation } from './imports';
import { LAYERS } from './layers';

const ROOT = path.resolve(__dirname, '../..');

describe('src/ keeps to its layers', () => {
  const tree = readTree(ROOT, 'src');

  test('no file imports outside what its layer allows', () => {
    expect(checkLayers(tree, LAYERS).map(violationText)).toEqual([]);
  });

  test('the checker reads the real tree: its files, and their imports', () => {
    expect(tree.size).toBeGreaterThan(100);
    expect(importsOf('src/hosts/excel/workbook-host.ts', tree.get('src/hosts/excel/workbook-host.ts') ?? '').map((s) => s.specifier)).toEqual(
      expect.arrayContaining(['office-js', '../host', '../../core/grid', './apply']),
    );
  });

  test('every layer of the table holds a file of src/ (no stale rows)', () => {
    const files = [...tree.keys()];
    const empty = LAYERS.filter((l) => !files.some((f) => l.files.some((e) => (e.endsWith('/') ? f.startsWith(e) : f === e))));
    expect(empty.map((l) => l.name)).toEqual([]);
  });

  test.each([
    // The Excel host reaching into the xlsx host: the one cross-host import there used to be.
    ['src/hosts/excel/batch.ts', "import { formatNumber } from '../xlsx/cell-text';", '../xlsx/cell-text', 'excel host', 'src/hosts/xlsx/cell-text.ts'],
    ['src/core/grid/a1.ts', "import * as fs from 'fs';", 'fs', 'core', 'package fs'],
    // The ground floor standing on a stage of core.
    ['src/core/contract/roles.ts', "import { parseRange } from '../grid';", '../grid', 'core contract', 'src/core/grid/index.ts'],
    ['src/taskpane/Pane.tsx', "import { XlsxWorkbookHost } from '../hosts/xlsx/browser';", '../hosts/xlsx/browser', 'task pane', 'src/hosts/xlsx/browser.ts'],
  ])('a wrong import planted in the real %s is the one violation', (file, line, specifier, layer, target) => {
    const planted = new Map(tree);
    const text = tree.get(file);
    expect(text).toBeDefined();
    // Appended on a line of its own, after the file's last line.
    const body = (text ?? '').endsWith('\n') ? (text ?? '') : `${text ?? ''}\n`;
    planted.set(file, `${body}${line}\n`);
    const lineNo = body.split('\n').length;
    expect(checkLayers(planted, LAYERS)).toEqual([{ file, line: lineNo, specifier, layer, target }]);
  });
});

describe('the parser finds every form of import', () => {
  test('imports, type imports, re-exports, require, dynamic import, import =, import types and reference directives', () => {
    const source = [
      '/// <reference types="office-js" />', // 1
      "import a from 'pkg-a';", // 2
      'import type {', // 3
      '  B,', // 4
      "} from './b';", // 5
      "import './side-effect';", // 6
      "export * from './c';", // 7
      "export { d } from '@scope/d/sub';", // 8
      "import e = require('pkg-e');", // 9
      'export function f() {', // 10
      "  return require('node:fs');", // 11
      '}', // 12
      "const g = () => import('./g');", // 13
      "type H = import('./h').H;", // 14
      'const name = "x"; require(name);', // 15
      "const s = 'from \"not-an-import\"';", // 16
      '',
    ].join('\n');
    expect(importsOf('x.ts', source)).toEqual([
      { specifier: 'office-js', line: 1 },
      { specifier: 'pkg-a', line: 2 },
      { specifier: './b', line: 3 },
      { specifier: './side-effect', line: 6 },
      { specifier: './c', line: 7 },
      { specifier: '@scope/d/sub', line: 8 },
      { specifier: 'pkg-e', line: 9 },
      { specifier: 'node:fs', line: 11 },
      { specifier: './g', line: 13 },
      { specifier: './h', line: 14 },
      { specifier: '<computed: name>', line: 15 },
    ]);
  });

  test('JSX files parse as JSX', () => {
    const source = "import { App } from './App';\nexport const x = <App lang=\"en-US\" />;\n";
    expect(importsOf('x.tsx', source)).toEqual([{ specifier: './App', line: 1 }]);
  });
});

/**
 * A small tree with one file per layer, each importing what its layer allows (the Office entry its
 * exception included), so that any violation comes from the one planted import.
 */
function fixtureTree(): Map<string, string> {
  return new Map([
    ['src/core/contract/schema.ts', "import { z } from 'zod';\n"],
    ['src/core/grid/grid.ts', "import { z } from 'zod';\nimport * as OpenCC from 'opencc-js/t2cn';\n"],
    ['src/core/grid/index.ts', "export * from './grid';\n"],
    ['src/hosts/host.ts', "import type { Grid } from '../core/grid';\n"],
    ['src/hosts/workflow.ts', "import type { WorkbookHost } from './host';\nimport { Grid } from '../core/grid/grid';\n"],
    ['src/hosts/excel/read-grid.ts', '/// <reference types="office-js" />\nimport type { WorkbookHost } from \'../host\';\n'],
    ['src/hosts/excel/index.ts', "export * from './read-grid';\n"],
    ['src/hosts/xlsx/load.ts', "import * as fs from 'fs';\nimport ExcelJS from 'exceljs';\n"],
    ['src/hosts/xlsx/workbook-host.ts', "import type ExcelJS from 'exceljs';\nimport type { WorkbookHost } from '../host';\n"],
    ['src/hosts/xlsx/index.ts', "export * from './load';\nexport * from './workbook-host';\n"],
    ['src/hosts/xlsx/browser.ts', "export { XlsxWorkbookHost } from './workbook-host';\n"],
    ['src/taskpane/App.tsx', "import { useState } from 'react';\nimport type { WorkbookHost } from '../hosts/host';\nimport { runCheck } from '../hosts/workflow';\n"],
    ['src/taskpane/office-entry.tsx', "/// <reference types=\"office-js\" />\nimport { createRoot } from 'react-dom/client';\nimport { ExcelWorkbookHost } from '../hosts/excel';\nimport { App } from './App';\n"],
    ['src/workbench/index.tsx', "import ExcelJS from 'exceljs';\nimport { XlsxWorkbookHost } from '../hosts/xlsx/browser';\nimport { App } from '../taskpane/App';\n"],
    ['src/cli/main.ts', "import * as path from 'path';\nimport { load } from '../hosts/xlsx/load';\nimport { runCheck } from '../hosts/workflow';\n"],
  ]);
}

describe('a planted wrong import fails the check', () => {
  test('the fixture tree without a plant is clean', () => {
    expect(checkLayers(fixtureTree(), LAYERS)).toEqual([]);
  });

  const cases: Array<[string, string, string, Omit<Violation, 'file' | 'line'>]> = [
    ['core uses React', 'src/core/grid/grid.ts', "import { useState } from 'react';", { specifier: 'react', layer: 'core', target: 'package react' }],
    ['core uses a Node built-in, written node:', 'src/core/grid/grid.ts', "import * as fs from 'node:fs';", { specifier: 'node:fs', layer: 'core', target: 'package fs' }],
    ['core names the Office.js types', 'src/core/grid/grid.ts', '/// <reference types="office-js" />', { specifier: 'office-js', layer: 'core', target: 'package office-js' }],
    ['core requires ExcelJS inside a function', 'src/core/grid/grid.ts', "export function f() { return require('exceljs'); }", { specifier: 'exceljs', layer: 'core', target: 'package exceljs' }],
    ['core imports zip code', 'src/core/grid/grid.ts', "import { unzip } from 'fflate';", { specifier: 'fflate', layer: 'core', target: 'package fflate' }],
    ['the contract takes a type from a stage of core', 'src/core/contract/schema.ts', "import type { Grid } from '../grid/grid';", { specifier: '../grid/grid', layer: 'core contract', target: 'src/core/grid/grid.ts' }],
    ['the contract uses opencc-js, which core may', 'src/core/contract/schema.ts', "import * as OpenCC from 'opencc-js/t2cn';", { specifier: 'opencc-js/t2cn', layer: 'core contract', target: 'package opencc-js' }],
    ['core takes a type from the host interface', 'src/core/grid/grid.ts', "import type { WorkbookHost } from '../../hosts/host';", { specifier: '../../hosts/host', layer: 'core', target: 'src/hosts/host.ts' }],
    ['the Excel host re-exports from the xlsx host', 'src/hosts/excel/read-grid.ts', "export { load } from '../xlsx/load';", { specifier: '../xlsx/load', layer: 'excel host', target: 'src/hosts/xlsx/load.ts' }],
    ['the pane imports the Excel host outside its Office entry', 'src/taskpane/App.tsx', "import { ExcelWorkbookHost } from '../hosts/excel';", { specifier: '../hosts/excel', layer: 'task pane', target: 'src/hosts/excel/index.ts' }],
    ['the pane loads the xlsx host lazily', 'src/taskpane/App.tsx', "const later = () => import('../hosts/xlsx/browser');", { specifier: '../hosts/xlsx/browser', layer: 'task pane', target: 'src/hosts/xlsx/browser.ts' }],
    ['the workbench reaches inside the xlsx host', 'src/workbench/index.tsx', "import { XlsxWorkbookHost } from '../hosts/xlsx/workbook-host';", { specifier: '../hosts/xlsx/workbook-host', layer: 'workbench', target: 'src/hosts/xlsx/workbook-host.ts' }],
    ['the workbench takes the Node index of the xlsx host', 'src/workbench/index.tsx', "import { load } from '../hosts/xlsx';", { specifier: '../hosts/xlsx', layer: 'workbench', target: 'src/hosts/xlsx/index.ts' }],
    ['the workbench mounts the Office entry', 'src/workbench/index.tsx', "import '../taskpane/office-entry';", { specifier: '../taskpane/office-entry', layer: 'workbench', target: 'src/taskpane/office-entry.tsx' }],
    ['an import points to no file', 'src/hosts/workflow.ts', "import { x } from './nowhere';", { specifier: './nowhere', layer: 'workflow', target: 'unresolved (no file src/hosts/nowhere)' }],
  ];

  test.each(cases)('%s: exactly that violation, with file and line', (_rule, file, line, expected) => {
    const tree = fixtureTree();
    // The plant goes first, so that it is line 1 and the file's own imports follow it.
    tree.set(file, `${line}\n${tree.get(file) ?? ''}`);
    expect(checkLayers(tree, LAYERS)).toEqual([{ file, line: 1, ...expected }]);
  });

  test('a file in a folder no layer holds is itself a violation', () => {
    const tree = fixtureTree();
    tree.set('src/plugins/extra.ts', "import { Grid } from '../core/grid';\n");
    expect(checkLayers(tree, LAYERS)).toEqual([{ file: 'src/plugins/extra.ts', line: 1, specifier: '', layer: null, target: 'belongs to no layer' }]);
  });

  test('every violation is reported, each naming file, line and import', () => {
    const tree = fixtureTree();
    tree.set('src/core/grid/grid.ts', "import React from 'react';\nimport { load } from '../../hosts/xlsx/load';\n");
    tree.set('src/hosts/excel/read-grid.ts', "import { load } from '../xlsx';\n");
    expect(checkLayers(tree, LAYERS).map(violationText)).toEqual([
      "src/core/grid/grid.ts:1 (core) imports 'react' → package react",
      "src/core/grid/grid.ts:2 (core) imports '../../hosts/xlsx/load' → src/hosts/xlsx/load.ts",
      "src/hosts/excel/read-grid.ts:1 (excel host) imports '../xlsx' → src/hosts/xlsx/index.ts",
    ]);
  });
});
