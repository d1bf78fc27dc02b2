/**
 * The surgical writer keeps what it has no reason to touch. A workbook made by LibreOffice with a
 * chart, an image, a comment, an external link, custom XML and a print area is applied and
 * reverted: after apply every part the plan did not need has its bytes; after revert every part
 * but the ones that must be rewritten has its bytes, and those read back (cells with their styles
 * as resolved, merges, widths, dropdowns, conditional formats, names) as the original does. Each
 * file then opens in LibreOffice (a headless conversion succeeds) without repair.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { annotatePackage } from '../../../src/cli/annotate-package';
import { loadWorkbookBuffer, revertPackage } from '../../../src/hosts/xlsx';
import { JOURNAL_SHEET } from '../../../src/core/plan/journal';
import type { EditPlan } from '../../../src/core/plan';
import { buildFidelityFixture } from '../../support/fidelity-fixture';
import { snapshotWorkbook } from '../../support/workbook-snapshot';

jest.setTimeout(600_000);

/** The parts apply and revert may rewrite; nothing else may change. */
const REWRITTEN = ['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'];
/** The parts the fixture must hold for the test to mean anything. */
const KEPT = [
  'xl/charts/chart1.xml',
  'xl/drawings/drawing1.xml',
  'xl/drawings/_rels/drawing1.xml.rels',
  'xl/media/image1.png',
  'xl/comments1.xml',
  'xl/drawings/vmlDrawing1.vml',
  'xl/externalLinks/externalLink1.xml',
  'xl/externalLinks/_rels/externalLink1.xml.rels',
  'customXml/item1.xml',
  'customXml/itemProps1.xml',
  'xl/sharedStrings.xml',
  'xl/worksheets/_rels/sheet1.xml.rels',
];

let dir: string;
let original: Buffer;
let applied: Uint8Array;
let reverted: Uint8Array;
let planCells = 0;
let plan: EditPlan;
type Snapshot = { sheets: Array<{ name: string; cells: Record<string, unknown> }> };

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  return loadWorkbookBuffer('fidelity.xlsx', Buffer.from(bytes));
}

function opensInLibreOffice(bytes: Uint8Array, name: string): string {
  const file = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(file, bytes);
  const out = path.join(dir, `${name}-csv`);
  execFileSync('soffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', out, file], { stdio: 'ignore', timeout: 180_000 });
  return fs.readFileSync(path.join(out, `${name}.csv`), 'utf8');
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-fidelity-'));
  original = fs.readFileSync(buildFidelityFixture(dir));
  const done = await annotatePackage(original, 'fidelity.xlsx', { lang: 'zh-CN', today: '2018-03-15', asOf: '2018-03-15' });
  plan = done.plan;
  planCells = done.plan.edits.filter((e) => e.kind === 'cell' && e.sheet === 'Sheet1').length;
  applied = done.bytes;
  const back = await revertPackage(applied);
  if (!back) throw new Error('revert found no journal');
  reverted = back.bytes;
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a LibreOffice workbook with a chart, an image, a comment, an external link, custom XML and a print area', () => {
  it('holds those parts, and the plan writes into its sheet', () => {
    const parts = Object.keys(unzipSync(original));
    for (const p of KEPT) expect(parts).toContain(p);
    expect(strFromU8(unzipSync(original)['xl/workbook.xml']!)).toContain('_xlnm.Print_Area');
    expect(planCells).toBeGreaterThan(5);
  });

  it('after apply: every part the plan did not need keeps its bytes; only the new sheets are added', () => {
    const before = unzipSync(original);
    const after = unzipSync(applied);
    for (const [name, bytes] of Object.entries(before)) {
      expect([name, after[name] !== undefined]).toEqual([name, true]);
      if (!REWRITTEN.includes(name)) expect([name, Buffer.from(after[name]!).equals(Buffer.from(bytes))]).toEqual([name, true]);
    }
    const added = Object.keys(after).filter((n) => !(n in before));
    expect(added.every((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))).toBe(true);
    expect(added.length).toBeGreaterThanOrEqual(1);
    // The sheet written into still points at its drawing, comments and their shapes.
    const sheet = strFromU8(after['xl/worksheets/sheet1.xml']!);
    expect(sheet).toMatch(/<drawing r:id="[^"]+"\/>/);
    expect(sheet).toMatch(/<legacyDrawing r:id="[^"]+"\/>/);
    // The plan's widths and conditional formats are there, in the schema's order.
    const order = ['<cols>', '<sheetData>', '<conditionalFormatting ', '<pageMargins ', '<drawing ', '<legacyDrawing '].map((t) => sheet.indexOf(t));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(strFromU8(after['xl/workbook.xml']!)).toContain('_xlnm.Print_Area');
    // No format the user's cells share was changed: the original ones come first, byte for byte.
    const sections = (xml: string) => ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs'].map((n) => xml.match(new RegExp(`<${n}[^>]*>([\\s\\S]*?)</${n}>`))?.[1] ?? '');
    const was = sections(strFromU8(before['xl/styles.xml']!));
    sections(strFromU8(after['xl/styles.xml']!)).forEach((now, i) => expect(now.startsWith(was[i]!)).toBe(true));
  });

  it('after apply: each cell the plan writes holds what it says, and every other cell is as it was, style and all', async () => {
    const wb = await load(applied);
    expect(wb.getWorksheet(JOURNAL_SHEET)?.state).toBe('veryHidden');
    const ws = wb.getWorksheet('Sheet1')!;
    const written = new Set<string>();
    for (const e of plan.edits) {
      if (e.kind !== 'cell' || e.sheet !== 'Sheet1') continue;
      written.add(e.cell);
      const cell = ws.getCell(e.cell);
      if (e.formula !== undefined) expect([e.cell, (cell.value as { formula?: string }).formula]).toEqual([e.cell, e.formula]);
      else if (typeof e.value === 'number' && e.numFmt === 'yyyy-mm-dd') expect([e.cell, (cell.value as Date).getTime() / 86_400_000 + 25_569]).toEqual([e.cell, e.value]);
      else if (e.value !== undefined) expect([e.cell, cell.value]).toEqual([e.cell, e.value]);
      if (e.numFmt) expect([e.cell, cell.numFmt]).toEqual([e.cell, e.numFmt]);
      if (e.bold) expect([e.cell, cell.font?.bold]).toEqual([e.cell, true]);
      if (e.fill) expect([e.cell, (cell.fill as ExcelJS.FillPattern).fgColor?.argb]).toEqual([e.cell, `FF${e.fill}`]);
    }
    const before = (snapshotWorkbook(await load(original)) as Snapshot).sheets[0]!.cells;
    const after = (snapshotWorkbook(wb) as Snapshot).sheets[0]!.cells;
    for (const [addr, c] of Object.entries(before)) if (!written.has(addr)) expect([addr, after[addr]]).toEqual([addr, c]);
  });

  it('after revert: every part but those that must be rewritten keeps its bytes, the same parts as the original', () => {
    const before = unzipSync(original);
    const after = unzipSync(reverted);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const [name, bytes] of Object.entries(before)) {
      if (!REWRITTEN.includes(name)) expect([name, Buffer.from(after[name]!).equals(Buffer.from(bytes))]).toEqual([name, true]);
    }
  });

  it('after revert: the rewritten parts read as the original (cells, resolved styles, merges, widths, dropdowns, formats, names)', async () => {
    expect(snapshotWorkbook(await load(reverted))).toEqual(snapshotWorkbook(await load(original)));
  });

  it('the original, applied and reverted files open in LibreOffice', () => {
    const plain = opensInLibreOffice(original, 'original');
    expect(plain).toContain('任务1');
    expect(opensInLibreOffice(applied, 'applied')).toContain('任务1');
    expect(opensInLibreOffice(reverted, 'reverted')).toBe(plain);
  });
});
