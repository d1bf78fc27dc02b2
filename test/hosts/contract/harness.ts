/**
 * The two hosts of the contract suite, each over a fixture workbook: the xlsx host over ExcelJS in
 * memory, the Office.js host over the Excel API double loaded with the same workbook. Each gives
 * its state in the comparable shape both can show, and an exact state as fine as it can tell.
 */
import ExcelJS from 'exceljs';
import type { Grid } from '../../../src/core/grid';
import type { WorkbookHost } from '../../../src/hosts/host';
import { ExcelWorkbookHost, type IsSetSupported } from '../../../src/hosts/excel';
import { gridsFromWorkbook } from '../../../src/hosts/xlsx/read-grid';
import { XlsxWorkbookHost } from '../../../src/hosts/xlsx/workbook-host';
import { comparableWorkbook, DoubleContext, type Comparable } from '../../support/excel-double';
import { fixturePath } from '../../support/fixtures';
import { snapshotWorkbook } from '../../support/workbook-snapshot';
import { generateWorkbook, taskMerges } from '../../../bench/generate';

export const FILES = [
  'seeds/seed-000.xlsx',
  'seeds/seed-000-en.xlsx',
  'seeds/seed-001.xlsx',
  'seeds/seed-002.xlsx',
  'seeds/seed-003.xlsx',
  'seeds/seed-004.xlsx',
  'layouts/two-tables.xlsx',
  'layouts/two-level-header.xlsx',
  'layouts/no-table.xlsx',
];

export interface Case {
  name: string;
  file: string;
  /** Changes made to the fixture before the test: what a user's own workbook may hold. */
  tweak?: (wb: ExcelJS.Workbook) => void;
  /** A workbook made by the test instead of read from `file`. */
  build?: () => Promise<ExcelJS.Workbook>;
}

/**
 * Seed 000 with the user's own formats, width, dropdown, conditional format and defined name where
 * the plan writes (its status column K, due L, score M, header row 2, the name resptable_asof): a
 * revert must give each back, and keep the user's conditional format.
 */
export function dirty(wb: ExcelJS.Workbook): void {
  const ws = wb.getWorksheet('Sheet1') as ExcelJS.Worksheet;
  ws.getCell('K2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  ws.getCell('K2').numFmt = '0.00';
  ws.getCell('L2').font = { bold: true, italic: true };
  ws.getCell('L7').numFmt = 'yyyy-mm-dd';
  ws.getCell('M3').font = { bold: true };
  ws.getColumn('K').width = 20;
  ws.getColumn('L').width = 9.5;
  ws.getRow(8).hidden = true;
  (ws as unknown as { dataValidations: { add(a: string, v: unknown): void } }).dataValidations.add('K5', { type: 'list', allowBlank: true, formulae: ['"甲,乙"'] });
  ws.addConditionalFormatting({
    ref: 'B3:B10',
    rules: [{ type: 'expression', priority: 1, formulae: ['LEN($B3)>50'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFF0000' } } } } as ExcelJS.ConditionalFormattingRule],
  });
  wb.definedNames.add('Sheet1!$A$1', 'resptable_asof');
}

export const CASES: Case[] = [...FILES.map((file) => ({ name: file, file })), { name: 'seed-000 with the user’s own formats where the plan writes', file: 'seeds/seed-000.xlsx', tweak: dirty }];

/**
 * A generated table past Excel's limits: 2,000 node rows in 500 tasks, each task's seven cells
 * merged over its four rows (3,500 merged areas, over the 512 of one getMergedAreasOrNullObject),
 * 50-character CJK texts in every row, and a user's conditional format on two ranges.
 */
export async function bigTable(): Promise<ExcelJS.Workbook> {
  const wb = generateWorkbook(2000);
  const ws = wb.getWorksheet('Sheet1') as ExcelJS.Worksheet;
  for (const m of taskMerges(2000)) ws.mergeCells(m);
  for (let r = 3; r < 2003; r++) ws.getCell(r, 6).value = `第${r}行衡量标准：${'按时保质完成节点任务并报送材料'.repeat(4)}`.slice(0, 50);
  ws.addConditionalFormatting({ ref: 'E3:E40 G3:G40', rules: [{ type: 'expression', priority: 1, formulae: ['LEN($E3)>60'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFF0000' } } } } as ExcelJS.ConditionalFormattingRule] });
  return reload(wb);
}

export const BIG_CASE: Case = { name: 'a generated 2,000-row table with 3,500 merged areas, CJK texts and a two-range user format', file: 'big.xlsx', build: bigTable };

export async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load((await wb.xlsx.writeBuffer()) as ExcelJS.Buffer);
  return again;
}

/** A fixture as it reads after one save by ExcelJS, so that later saves compare like with like. */
export async function fixture(file: string, tweak?: (wb: ExcelJS.Workbook) => void): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fixturePath(file));
  tweak?.(wb);
  return reload(wb);
}

export interface Subject {
  host: WorkbookHost;
  /** What both hosts can show of the workbook. */
  comparable(): Promise<Comparable>;
  /** As fine as this host can tell: the full ExcelJS snapshot, or the double's whole state. */
  exact(): Promise<unknown>;
  /** Every sheet as stored, the add-in's own included. */
  stored(): Grid[];
  selection(): { sheet: string; cell: string } | null;
  /** The areas selected together (selectCells), on the sheet `selection` names. */
  areas(): string[];
  ctx?: DoubleContext;
}

export interface Harness {
  /** `xlsx`, or `excel` with the ExcelApi level of its double (`excel 1.9`). */
  name: string;
  open(wb: ExcelJS.Workbook, file: string): Subject;
  /**
   * What this host can read of a workbook whose sheets are `grids`: all of it, but without merged
   * areas below ExcelApi 1.13 (its check says so, as `host.limited.merges`).
   */
  view(grids: Grid[]): Grid[];
  /** Whether it reads merged areas. */
  merges: boolean;
  /** Whether it selects several areas at once (ExcelApi 1.18). */
  selectsAreas: boolean;
}

export const xlsxHarness: Harness = {
  name: 'xlsx',
  merges: true,
  selectsAreas: true,
  view: (grids) => grids,
  open(wb, file) {
    const host = new XlsxWorkbookHost(wb, file);
    return {
      host,
      comparable: async () => comparableWorkbook(wb),
      exact: async () => snapshotWorkbook(await reload(wb)),
      stored: () => gridsFromWorkbook(wb),
      selection: () => host.selection,
      areas: () => host.selectionAreas,
    };
  },
};

/** An Excel that has ExcelApi 1.`level` and every set below it (Infinity: the newest). */
export const atLevel = (level: number): IsSetSupported => (name, version) => name === 'ExcelApi' && Number(version.split('.')[1]) <= level;

export function excelHost(ctx: DoubleContext, file: string, isSetSupported: IsSetSupported = () => true): ExcelWorkbookHost {
  return new ExcelWorkbookHost((batch, options) => ctx.run(batch, options), file, { isSetSupported });
}

/** The Office.js host over the strict double at an API level (Infinity: the newest). */
/** Every double the Excel harnesses opened in this test file, for the payloads they measured. */
export const OPENED: DoubleContext[] = [];

/** The largest request and response any double of this file measured, in bytes. */
export function largestPayloads(): { request: number; response: number; syncs: number } {
  let request = 0;
  let response = 0;
  let syncs = 0;
  for (const c of OPENED) {
    for (const n of c.requests) request = Math.max(request, n);
    for (const n of c.payloads) response = Math.max(response, n);
    syncs += c.syncs;
  }
  return { request, response, syncs };
}

export function excelHarnessAt(level: number): Harness {
  return {
    name: level === Infinity ? 'excel' : `excel 1.${level}`,
    merges: level >= 13,
    selectsAreas: level >= 18,
    view: (grids) => (level >= 13 ? grids : grids.map((g) => ({ ...g, merges: [] }))),
    open(wb, file) {
      const ctx = DoubleContext.fromWorkbook(wb, { apiLevel: level });
      OPENED.push(ctx);
      return {
        host: excelHost(ctx, file, atLevel(level)),
        comparable: async () => ctx.comparable(),
        exact: async () => ctx.comparable(),
        stored: () => ctx.toGrids(),
        selection: () => {
          const { active, selection } = ctx.state;
          return active && selection ? { sheet: active, cell: selection } : null;
        },
        areas: () => (ctx.state.selection ?? '').split(',').filter((a) => a !== ''),
        ctx,
      };
    },
  };
}

export const excelHarness: Harness = excelHarnessAt(Infinity);

/**
 * The contract suite runs on the xlsx host and on the Office.js host at ExcelApi 1.9 (the
 * manifest's minimum), 1.13 (merged areas) and the newest.
 */
export const HARNESSES: Harness[] = [xlsxHarness, excelHarness, excelHarnessAt(13), excelHarnessAt(9)];
