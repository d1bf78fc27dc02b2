/**
 * The notices as a workbook to print: one sheet per unit (portrait A4, one page wide), headed by
 * its grade's title in the grade's colour, the unit, the body, the matters in the table's words
 * with owner, phone, time limit and days overdue, then the signature and a box for the answer.
 * With --pdf, LibreOffice (where installed) turns the workbook into one PDF, a page or more per unit.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Report } from '../core/contract';
import { noticesOf, rollUp, rt, type Grade, type Notice, type RollupKey } from '../core/rollup';
import { ioReason, writeFileAtomic } from './files';

const GRADE_FILL: Record<Grade, string> = { red: 'FFF4B6B6', yellow: 'FFFFE699', blue: 'FFBDD7EE' };
const GRADE_FONT: Record<Grade, string> = { red: 'FFC00000', yellow: 'FF9C6500', blue: 'FF1F4E79' };
const THIN = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADS: RollupKey[] = ['col.seq', 'col.task', 'col.node', 'col.deadline', 'col.days-late', 'col.owner', 'col.phone', 'col.light'];
const WIDTHS = [6, 22, 40, 14, 10, 9, 12, 14];

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, distinct from the others. */
export function sheetName(unit: string, taken: Set<string>): string {
  const base = unit.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31) || '_';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function merged(ws: ExcelJS.Worksheet, row: number, value: string, style: Partial<ExcelJS.Style>, height?: number): void {
  ws.mergeCells(row, 1, row, HEADS.length);
  const c = ws.getCell(row, 1);
  c.value = value;
  c.style = style;
  if (height) ws.getRow(row).height = height;
}

/** Rows of text a merged cell of `chars` characters needs at about `perLine` to a line. */
function lines(text: string, perLine: number): number {
  return text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil([...l].length / perLine)), 0);
}

function noticeSheet(wb: ExcelJS.Workbook, n: Notice, name: string, asOf: string, lang: Report['lang']): void {
  const ws = wb.addWorksheet(name, { properties: { tabColor: { argb: GRADE_FONT[n.grade] } } });
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  merged(ws, 1, n.title, { font: { bold: true, size: 20, color: { argb: GRADE_FONT[n.grade] } }, alignment: { horizontal: 'center', vertical: 'middle' }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: GRADE_FILL[n.grade] } } }, 36);
  merged(ws, 2, n.number, { alignment: { horizontal: 'right' } });
  merged(ws, 3, n.to, { font: { bold: true, size: 12 } }, 20);
  merged(ws, 4, n.body, { alignment: { wrapText: true, vertical: 'top' }, font: { size: 11 } }, 16 * lines(n.body, 62) + 6);
  merged(ws, 5, rt(lang, 'notice.contacts', { list: n.contacts.join(lang === 'zh-CN' ? '；' : '; ') }), { alignment: { wrapText: true } }, 18);
  const head = ws.getRow(7);
  HEADS.forEach((k, i) => {
    const c = head.getCell(i + 1);
    c.value = rt(lang, k);
    c.style = { font: { bold: true }, border: BORDER, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } } };
  });
  n.rows.forEach((r, k) => {
    const row = ws.getRow(8 + k);
    [r.seq, r.task, r.node, r.deadline, r.late, r.owner, r.phone, r.state].forEach((v, i) => {
      const c = row.getCell(i + 1);
      c.value = v;
      c.style = { border: BORDER, alignment: { wrapText: true, vertical: 'top' } };
    });
    row.getCell(8).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: GRADE_FILL[r.grade] } };
    row.height = 15 * Math.max(lines(r.node, 20), lines(r.task, 11), lines(r.deadline, 7), 1) + 4;
  });
  let at = 8 + n.rows.length + 1;
  merged(ws, at, n.signature, { alignment: { horizontal: 'right' } }, 22);
  at += 2;
  merged(ws, at, n.feedback, { font: { bold: true } });
  ws.mergeCells(at + 1, 1, at + 5, HEADS.length);
  ws.getCell(at + 1, 1).border = BORDER;
  merged(ws, at + 6, n.feedbackSign, { alignment: { horizontal: 'right' } }, 22);
  ws.pageSetup = {
    ...ws.pageSetup, paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true,
    printTitlesRow: '7:7', margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: `&L${rt(lang, 'footer', { date: asOf })}` };
}

/** LibreOffice's soffice on the PATH, if any. */
function soffice(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['soffice', 'soffice.exe', 'libreoffice']) {
      const p = path.join(dir, name);
      if (fs.existsSync(p)) return p;
    }
  }
  return null;
}

/** The workbook as PDF beside it; a LibreOffice profile of its own, so a running LibreOffice does not block it. */
export function toPdf(file: string): { pdf: string } | { error: string } | null {
  const bin = soffice();
  if (!bin) return null;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-lo-'));
  try {
    const r = spawnSync(bin, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', path.dirname(path.resolve(file)), file], { timeout: 300_000, encoding: 'utf8' });
    const pdf = path.join(path.dirname(path.resolve(file)), `${path.basename(file, path.extname(file))}.pdf`);
    if (r.status === 0 && fs.existsSync(pdf)) return { pdf };
    return { error: (r.stderr || r.error?.message || `exit ${r.status}`).trim() };
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

export interface NoticesOutcome {
  lines: string[];
  error?: string;
}

export async function writeNotices(report: Report, file: string, _copies: ReadonlyMap<string, string>, options: { pdf: boolean }): Promise<NoticesOutcome> {
  const lang = report.lang;
  const notices = noticesOf(rollUp(report, 'lead', rt(lang, 'no-unit')), lang);
  const wb = new ExcelJS.Workbook();
  const taken = new Set<string>();
  if (notices.length === 0) {
    const ws = wb.addWorksheet(sheetName(rt(lang, 'notice.title.red'), taken));
    ws.getCell(1, 1).value = rt(lang, 'notice.none');
  }
  for (const n of notices) noticeSheet(wb, n, sheetName(n.unit, taken), report.asOf ?? '', lang);
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    await writeFileAtomic(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  } catch (e) {
    return { lines: [], error: rt(lang, 'notice.write-failed', { file, detail: ioReason(lang, e) }) };
  }
  const lines = [rt(lang, 'notice.wrote', { file, count: notices.length })];
  if (!options.pdf) return { lines };
  const pdf = toPdf(file);
  if (pdf === null) return { lines: [...lines, rt(lang, 'notice.no-pdf')] };
  if ('error' in pdf) return { lines, error: rt(lang, 'notice.pdf-failed', { detail: pdf.error }) };
  return { lines: [...lines, rt(lang, 'notice.pdf', { file: pdf.pdf })] };
}
