/**
 * An apply that stopped half-way in Excel (the pane closed, the session dropped), the workbook then
 * saved and met by the xlsx side: `resptable revert` undoes it as far as it got and says so,
 * `apply` undoes it before applying again and says so, `check` reads the workbook as it was before
 * it and says so; the workbench's host repairs it on open as the pane does in Excel. The half-done
 * workbooks are made as ../hosts/contract/half-done-apply.test.ts makes them: the Excel API double,
 * a failure injected at one sync of apply, the double's workbook saved as a file.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { JOURNAL_PENDING, JOURNAL_SHEET, parseJournal } from '../../src/core/plan/journal';
import { sheetChunks } from '../../src/hosts/xlsx/own-sheets';
import { ExcelWorkbookHost } from '../../src/hosts/excel';
import { applyWithHost } from '../../src/hosts/workflow';
import { XlsxWorkbookHost } from '../../src/hosts/xlsx/workbook-host';
import { comparableWorkbook, DoubleContext, type Comparable } from '../support/excel-double';
import { fixture } from '../hosts/contract/harness';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-cli-half-done-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const AS_OF = '2018-07-15';
const FILE = 'seeds/seed-000.xlsx';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

async function save(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function parses(chunks: string[]): boolean {
  try {
    parseJournal(chunks);
    return true;
  } catch {
    return false;
  }
}

const comparable = async (file: string): Promise<Comparable> => comparableWorkbook(await read(file));

/** Half-done workbooks: apply over the double failing at each sync in turn, kept where it changed something. */
const halfDone: Array<{ n: number; wb: ExcelJS.Workbook }> = [];
/** The seed as the double saves it, never applied: what a repaired workbook must equal. */
let clean: string;

beforeAll(async () => {
  const plain = DoubleContext.fromWorkbook(await fixture(FILE));
  clean = await save(plain.toWorkbook(), 'clean.xlsx');
  const original = JSON.stringify(plain.comparable());
  for (let n = 1; n < 200; n++) {
    const ctx = DoubleContext.fromWorkbook(await fixture(FILE));
    // A small request budget: apply takes a dozen requests, so a failure falls between its edits.
    const host = new ExcelWorkbookHost((batch) => batch(ctx as unknown as Excel.RequestContext), 'seed-000.xlsx', { isSetSupported: () => true, requestBudget: 6_000 });
    const apply = host.apply.bind(host);
    host.apply = async (plan, settings) => {
      ctx.failAt.add(ctx.syncs + n);
      return apply(plan, settings);
    };
    const failed = await applyWithHost(host, { lang: 'zh-CN', asOf: AS_OF, today: AS_OF }).then(() => false, () => true);
    if (!failed) break;
    ctx.failAt.clear();
    if (JSON.stringify(ctx.comparable()) !== original) halfDone.push({ n, wb: ctx.toWorkbook() });
  }
}, 600_000);

it('the half-done workbooks are what this test is about: pending, and changed', () => {
  expect(halfDone.length).toBeGreaterThanOrEqual(3);
  let cutShort = 0;
  for (const { wb } of halfDone) {
    const mark = wb.getWorksheet(JOURNAL_SHEET)?.getCell(JOURNAL_PENDING.cell).value;
    expect(mark).toBe(JOURNAL_PENDING.mark);
    if (sheetChunks(wb, JOURNAL_SHEET) !== null && !parses(sheetChunks(wb, JOURNAL_SHEET) as string[])) cutShort++;
  }
  // Both kinds: a journal cut short (apply stopped inside it) and whole ones with part of the edits.
  expect(cutShort).toBeGreaterThanOrEqual(1);
  expect(cutShort).toBeLessThan(halfDone.length);
  process.stdout.write(`${halfDone.length} half-done workbooks, ${cutShort} with their journal cut short\n`);
});

describe('resptable revert', () => {
  it('undoes each half-done apply, back to the workbook before it, and says so; a second revert finds nothing', async () => {
    const expected = await comparable(clean);
    for (const { n, wb } of halfDone) {
      const file = await save(wb, `revert-${n}.xlsx`);
      const en = await run(['revert', file, '--in-place', '--lang', 'en-US']);
      expect([n, en.code]).toEqual([n, 0]);
      expect(en.err).toContain(`the last Apply in ${file} had stopped half-way`);
      expect(en.err).toContain('the workbook is as it was before it');
      expect([n, await comparable(file)]).toEqual([n, expected]);
      const again = await run(['revert', file, '--in-place']);
      expect(again.code).toBe(0);
      expect(again.err).toContain('中没有 resptable 写入的内容');
    }
  }, 600_000);

  it('in Chinese too', async () => {
    const last = halfDone[halfDone.length - 1] as (typeof halfDone)[number];
    const file = await save(last.wb, 'revert-zh.xlsx');
    const zh = await run(['revert', file, '--in-place']);
    expect(zh.code).toBe(0);
    expect(zh.err).toContain('上次的“应用”只做了一半');
    expect(zh.err).toContain('已撤销做了一半的修改');
  });
});

describe('resptable apply', () => {
  it('undoes the half-done apply first, says so, and writes what an apply of the clean workbook writes', async () => {
    const out = path.join(tmp, 'applied');
    fs.mkdirSync(out);
    const fresh = await run(['apply', clean, '--out', out, '--as-of', AS_OF, '--lang', 'en-US']);
    expect(fresh.code).toBe(0);
    expect(fresh.err).not.toContain('half-way');
    const expected = await comparable(path.join(out, 'clean.xlsx'));
    for (const { n, wb } of [halfDone[0], halfDone[halfDone.length - 1]] as Array<(typeof halfDone)[number]>) {
      const file = await save(wb, `apply-${n}.xlsx`);
      const r = await run(['apply', file, '--in-place', '--as-of', AS_OF, '--lang', 'en-US']);
      expect([n, r.code]).toEqual([n, 0]);
      expect(r.err).toContain(`the last Apply in ${file} had stopped half-way; what it had done was undone before applying again`);
      expect([n, await comparable(file)]).toEqual([n, expected]);
    }
  }, 600_000);
});

describe('resptable check', () => {
  it('reads a half-done workbook as it was before that apply, and says so', async () => {
    const report = async (file: string) => {
      const r = await run(['check', file, '--json', '--as-of', AS_OF, '--exit-zero']);
      const doc = JSON.parse(r.out) as { files: Array<Record<string, unknown>> };
      return { err: r.err, file: { ...doc.files[0], file: undefined } };
    };
    const expected = await report(clean);
    expect(expected.err).not.toContain('只做了一半');
    for (const { n, wb } of halfDone) {
      const file = await save(wb, `check-${n}.xlsx`);
      const r = await report(file);
      expect(r.err).toContain(`${file} 中上次的“应用”只做了一半`);
      expect(r.err).toContain('resptable revert');
      expect([n, r.file]).toEqual([n, expected.file]);
    }
  }, 600_000);
});

describe('the workbench’s host', () => {
  it('repairs a half-done apply on open, as the pane does in Excel; then there is nothing more to repair', async () => {
    const expected = comparableWorkbook(await read(clean));
    for (const { n, wb } of halfDone) {
      const host = new XlsxWorkbookHost(await read(await save(wb, `host-${n}.xlsx`)), 'seed-000.xlsx');
      expect([n, await host.repairPending()]).toEqual([n, { skipped: [], pending: true }]);
      expect([n, comparableWorkbook((host as unknown as { wb: ExcelJS.Workbook }).wb)]).toEqual([n, expected]);
      expect(await host.repairPending()).toBeNull();
      expect(await host.isApplied()).toBe(false);
    }
  }, 600_000);

  it('leaves a completed apply applied', async () => {
    const ctx = DoubleContext.fromWorkbook(await fixture(FILE));
    await applyWithHost(new ExcelWorkbookHost((batch) => batch(ctx as unknown as Excel.RequestContext), 'a.xlsx', { isSetSupported: () => true }), { lang: 'zh-CN', asOf: AS_OF, today: AS_OF });
    const host = new XlsxWorkbookHost(await read(await save(ctx.toWorkbook(), 'done.xlsx')), 'done.xlsx');
    expect(await host.repairPending()).toBeNull();
    expect(await host.isApplied()).toBe(true);
  });
});
