/**
 * The formulas compute what the core computes: each annotated workbook, with statuses written into
 * its status column by a seeded random choice, is recalculated by LibreOffice (headless), and every
 * task score, category and table total, and every due date the colours read agrees with the core.
 * LibreOffice opening and converting each file is also the check that the files need no repair.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { generateWorkbook } from '../../bench/generate';
import { dueDate } from '../../src/core/progress';
import { nodeBasis } from '../../src/core/scoring';
import { checkWorkbook } from '../../src/core/check';
import { annotateWorkbook, gridsFromWorkbook } from '../../src/hosts/xlsx';
import { fixturePath } from '../support/fixtures';
import { SOFFICE } from '../support/libreoffice';

const CASES: Array<[string, () => Promise<ExcelJS.Workbook>, string]> = [
  ...['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004'].map(
    (s): [string, () => Promise<ExcelJS.Workbook>, string] => [
      s,
      async () => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(fixturePath(`seeds/${s}.xlsx`));
        return wb;
      },
      { 'seed-000': '2018-07-15', 'seed-001': '2019-07-25', 'seed-002': '2017-07-01', 'seed-003': '2022-12-31', 'seed-004': '2023-07-15' }[s] as string,
    ],
  ),
  ['generated', async () => generateWorkbook(240), '2018-08-20'],
  // No status typed and nothing due yet: every score cell shows no points, the total the reason.
  [
    'seed-003-early',
    async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(fixturePath('seeds/seed-003.xlsx'));
      return wb;
    },
    '2022-07-01',
  ],
];
const WITHOUT_STATUSES = new Set(['seed-003-early']);

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

const WORDS = ['已完成', '进行中', '未开始', '滞后', '', '完成', '已完成'];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-lo-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/**
 * A score cell as LibreOffice computed it: a number, null for no points (the formula's text: the
 * reason), or 'blank' when ExcelJS read no cached result — which it does both for a cached 0 and for
 * empty text, so a blank agrees with 0 and with no points alike.
 */
function points(cell: ExcelJS.Cell): number | null | 'blank' {
  const v = cell.value as ExcelJS.CellFormulaValue | number | null;
  if (typeof v === 'number') return v;
  const r = v && typeof v === 'object' ? (v as ExcelJS.CellFormulaValue).result : undefined;
  if (typeof r === 'number') return r;
  if (typeof r === 'string' && r !== '') return null;
  return 'blank';
}

/** LibreOffice writes mixed-script text as rich text runs. */
function text(cell: ExcelJS.Cell): string {
  const v = cell.value as ExcelJS.CellValue;
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return v === null || v === undefined ? '' : String(v);
}

function serialOf(cell: ExcelJS.Cell): string | null {
  const v = cell.value;
  return v instanceof Date ? v.toISOString().slice(0, 10) : null;
}

/** LibreOffice's value against the core's points: to 6 places; no points only with text or a blank. */
function agrees(lo: number | null | 'blank' | undefined, earned: number | null): boolean {
  if (lo === 'blank') return earned === null || earned === 0;
  if (lo === null || earned === null) return lo === earned;
  return lo !== undefined && Math.abs(lo - earned) < 5e-7;
}

/** The total cell of a table on the summary sheet, found by its title and the 合计 label. */
function summaryCell(summary: ExcelJS.Worksheet, title: string | null): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  summary.eachRow((row) => {
    if (text(row.getCell(1)) === title && text(row.getCell(2)) === '合计') found = row.getCell(4);
  });
  return found!;
}

describe('LibreOffice recalculates what the core computes', () => {
  const prepared: Array<{ name: string; asOf: string; file: string; statusCells: string[] }> = [];

  beforeAll(async () => {
    if (!SOFFICE) throw new Error('LibreOffice (soffice) is not installed: .ci/run installs libreoffice-calc-nogui');
    let n = 0;
    for (const [name, load, asOf] of CASES) {
      const wb = await load();
      const { plan } = annotateWorkbook(wb, name, { lang: 'zh-CN', asOf, today: asOf });
      const next = random(++n * 7919);
      const statusCells: string[] = [];
      for (const e of plan.edits) {
        if (e.kind !== 'choices') continue;
        const word = WORDS[Math.floor(next() * WORDS.length)] as string;
        if (word !== '' && !WITHOUT_STATUSES.has(name)) wb.getWorksheet(e.sheet)!.getCell(e.range).value = word;
        statusCells.push(`${e.sheet}!${e.range}`);
      }
      const file = path.join(tmp, `${name}.xlsx`);
      await wb.xlsx.writeFile(file);
      prepared.push({ name, asOf, file, statusCells });
    }
    fs.mkdirSync(path.join(tmp, 'out'));
    execFileSync(SOFFICE, ['--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', path.join(tmp, 'out'), ...prepared.map((p) => p.file)], {
      stdio: 'ignore',
      timeout: 240_000,
    });
  }, 300_000);

  it.each(CASES.map(([name]) => name))('%s', async (name) => {
    const p = prepared.find((x) => x.name === name)!;
    expect(p.statusCells.length).toBeGreaterThan(0);
    // The core reads the workbook with its statuses, as a person would send it back.
    const mine = new ExcelJS.Workbook();
    await mine.xlsx.readFile(p.file);
    const grids = gridsFromWorkbook(mine).filter((g) => g.name !== '评分汇总' && !g.name.startsWith('_resptable'));
    const core = checkWorkbook(name, grids, { asOf: p.asOf });

    const lo = new ExcelJS.Workbook();
    await lo.xlsx.readFile(path.join(tmp, 'out', `${name}.xlsx`));
    const summary = lo.getWorksheet('评分汇总')!;
    const totals = new Map<string, number | null | 'blank'>();
    summary.eachRow((row, r) => {
      if (r < 5) return;
      const label = text(row.getCell(2));
      if (label !== '') totals.set(label === '合计' ? `total:${text(row.getCell(1))}` : `${text(row.getCell(1))}|${label}`, points(row.getCell(4)));
    });

    // The task list (columns K–S): each row's score cell names its task's score cell; its score and
    // its nodes decided / open / unscorable agree with the core.
    const listed = new Map<string, { score: number | null | 'blank'; decided: unknown; open: unknown; unscorable: unknown }>();
    summary.eachRow((row, r) => {
      if (r < 5) return;
      const v = row.getCell('O').value as ExcelJS.CellFormulaValue | null;
      if (!v || typeof v !== 'object' || typeof v.formula !== 'string') return;
      const value = (c: string) => {
        const x = row.getCell(c).value as ExcelJS.CellFormulaValue | number | null;
        return typeof x === 'number' ? x : x && typeof x === 'object' ? (x.result ?? 0) : x;
      };
      listed.set(v.formula.replace(/\$/g, '').replace(/^'(.*)'!/, '$1!'), { score: points(row.getCell('O')), decided: value('P'), open: value('Q'), unscorable: value('R') });
    });

    let checked = 0;
    for (const sheet of core.sheets) {
      const ws = lo.getWorksheet(sheet.name)!;
      for (const table of sheet.tables) {
        const scoreCol = table.columns.find((c) => c.header === '任务得分（自动）')?.column;
        const dueCol = table.columns.find((c) => c.header === '截止日期（自动）')?.column;
        expect(scoreCol && dueCol).toBeTruthy();
        for (const task of table.tasks) {
          const lo = points(ws.getCell(`${scoreCol}${task.rows[0]}`));
          expect([task.rows[0], lo, agrees(lo, task.score!.earned)]).toEqual([task.rows[0], lo, true]);
          const row = listed.get(`${sheet.name}!${scoreCol}${task.rows[0]}`);
          const count = (b: string) => task.nodes.filter((n) => nodeBasis(n.state!) === b).length;
          expect([task.rows[0], row && agrees(row.score, task.score!.earned), row?.decided, row?.open, row?.unscorable]).toEqual([
            task.rows[0], true, count('decided'), count('open'), count('unscorable'),
          ]);
          for (const n of task.nodes) {
            expect([n.row, serialOf(ws.getCell(`${dueCol}${n.row}`))]).toEqual([n.row, dueDate(n.deadline, p.asOf) ?? n.impliedDue ?? null]);
            checked++;
          }
        }
        for (const c of table.categories) {
          const key = `${table.title}|${c.path.join(' / ')}`;
          expect([key, totals.get(key), c.score!.earned, agrees(totals.get(key), c.score!.earned)]).toEqual([key, totals.get(key), c.score!.earned, true]);
        }
        const total = totals.get(`total:${table.title}`);
        if (WITHOUT_STATUSES.has(name)) {
          expect(table.score!.earned).toBeNull();
          expect((summaryCell(summary, table.title).value as ExcelJS.CellFormulaValue).result).toBe('暂无可评分的节点：节点都还未到期，也没有完成情况');
        }
        expect([total, table.score!.earned, agrees(total, table.score!.earned)]).toEqual([total, table.score!.earned, true]);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
