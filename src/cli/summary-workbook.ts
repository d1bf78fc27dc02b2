/**
 * The collector's 汇总 workbook, a report to print and send up: a cover (title, as-of date, what was
 * read and what could not be with why, totals, a chart by unit), a ranking of units, a 逾期清单 of
 * every node to chase with who answers for it and a link to its cell, the findings, and the per-file
 * rows. Every sheet prints landscape, one page wide, header rows repeated, the as-of date in the
 * footer; filters, frozen headers and colours on the tables. All words in the user's language.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { t, type Lang } from '../core/i18n';
import type { Report, TableReport } from '../core/contract';
import { rollUp, rt, unitLight, type RollupKey, type Rollup, type UnitRow } from '../core/rollup';
import { findingTitle } from './summary';
import { addBarChart, type ChartSpec } from './summary-chart';
import { writeFileAtomic } from './files';

/** Why a table has no points, and whether its tasks share the points equally: said beside the score. */
function note(lang: Lang, table: TableReport): string | null {
  const parts: string[] = [];
  if (table.noScore) parts.push(t(lang, `score.none.${table.noScore}`));
  if (table.equalShares) {
    const total = table.tasks.reduce((n, k) => n + (k.score?.max ?? 0), 0);
    const share = table.tasks.length > 0 ? Number((total / table.tasks.length).toFixed(2)) : 0;
    parts.push(t(lang, 'score.equal-shares', { total: Number(total.toFixed(2)), tasks: table.tasks.length, share }));
  }
  if (table.lights) parts.push(t(lang, 'lights.count', table.lights.counts));
  return parts.length > 0 ? parts.join('；') : null;
}

export type SummarySheet = 'cover' | 'ranking' | 'overdue' | 'findings' | 'files';
export const SUMMARY_SHEETS: readonly SummarySheet[] = ['cover', 'ranking', 'overdue', 'findings', 'files'];

export interface SummaryOptions {
  /** Only these sheets (to print one alone); all by default. */
  only?: readonly SummarySheet[];
}

/**
 * Rows per printed page of the cover's file list and of the ranking, each page one page wide: a
 * manual break after so many rows keeps the count of pages known (and the rows legible) however
 * the printer scales the width.
 */
export const COVER_FILES_PER_PAGE = 30;
export const RANKING_ROWS_PER_PAGE = 25;

/** At most this many units in the cover's chart: the ones with most overdue, so that it stays legible. */
export const CHART_UNITS = 20;

const THIN = { style: 'thin' as const, color: { argb: 'FF9E9E9E' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };
const FILLS: Record<'red' | 'yellow' | 'blue' | 'green', string> = { red: 'FFF8CBAD', yellow: 'FFFFE699', blue: 'FFBDD7EE', green: 'FFC6EFCE' };

function fill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } };
}

/** Landscape, one page wide (and `tall` pages tall, 0 = as many as needed), titles repeated, date in the footer. */
function printReady(ws: ExcelJS.Worksheet, lang: Lang, asOf: string, titleRows: string | undefined, tall = 0): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: tall,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titleRows ? { printTitlesRow: titleRows } : {}),
  };
  ws.headerFooter = { oddHeader: '&L&A', oddFooter: `&L${rt(lang, 'footer', { date: asOf }).replace(/&(?![PN])/g, '&&')}` };
}

/** A table: a header row at `at`, the rows below it bordered, filtered and frozen under the header. */
function table(ws: ExcelJS.Worksheet, at: number, headers: string[], rows: ExcelJS.CellValue[][], widths: number[], wrap = true): void {
  const head = ws.getRow(at);
  headers.forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = HEAD_FILL;
    c.border = BORDER;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  rows.forEach((r, k) => {
    const row = ws.getRow(at + 1 + k);
    r.forEach((v, i) => {
      const c = row.getCell(i + 1);
      c.value = v;
      c.border = BORDER;
      c.alignment = { vertical: 'top', wrapText: wrap };
    });
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.autoFilter = { from: { row: at, column: 1 }, to: { row: at + Math.max(rows.length, 1), column: headers.length } };
  ws.views = [{ state: 'frozen', ySplit: at, xSplit: 0, activeCell: `A${at + 1}` }];
}

function titleRow(ws: ExcelJS.Worksheet, text: string, span: number): void {
  ws.mergeCells(1, 1, 1, span);
  const c = ws.getCell(1, 1);
  c.value = text;
  c.font = { bold: true, size: 16 };
  c.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
}

function dash(lang: Lang, n: number | null): number | string {
  return n === null ? rt(lang, 'not-computed') : n;
}

function rate(u: UnitRow): number | null {
  return u.earned === null || u.max <= 0 ? null : Number((u.earned / u.max).toFixed(4));
}

function linkTo(dir: string, target: string, cell: string): ExcelJS.CellValue {
  const rel = path.relative(dir, path.resolve(target)).split(path.sep).join('/');
  return { text: cell, hyperlink: `${rel}#${cell}` };
}

function colours(ws: ExcelJS.Worksheet, ref: string, rules: Array<{ text: string; argb: string }>): void {
  ws.addConditionalFormatting({
    ref,
    rules: rules.map((r, i) => ({ type: 'containsText', operator: 'containsText', text: r.text, priority: i + 1, style: { fill: fill(r.argb) } })),
  });
}

function positive(ws: ExcelJS.Worksheet, ref: string, argb: string, priority = 10): void {
  ws.addConditionalFormatting({ ref, rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: [0], priority, style: { fill: fill(argb) } }] });
}

function cover(wb: ExcelJS.Workbook, lang: Lang, r: Rollup, asOf: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(rt(lang, 'sheet.cover'));
  const span = 8;
  titleRow(ws, rt(lang, 'cover.title'), span);
  ws.mergeCells(2, 1, 2, span);
  ws.getCell(2, 1).value = rt(lang, 'cover.as-of', { date: asOf });
  ws.getCell(2, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(3, 1, 3, span);
  ws.getCell(3, 1).value = rt(lang, 'cover.files-read', { read: r.totals.files - r.totals.unreadable, unread: r.totals.unreadable, total: r.totals.files });
  ws.getCell(3, 1).alignment = { horizontal: 'center' };
  // Totals on the left, the chart beside them.
  const tt = r.totals;
  const totals: Array<[RollupKey, number | string]> = [
    ['col.file', tt.files], ['cover.read-failed', tt.unreadable], ['col.tables', tt.tables], ['col.tasks', tt.tasks], ['col.nodes', tt.nodes],
    ['col.overdue', tt.overdue], ['col.due-soon', tt.dueSoon], ['col.behind', dash(lang, tt.behind)], ['col.done', tt.done],
  ];
  ws.getCell(5, 1).value = rt(lang, 'cover.totals');
  ws.getCell(5, 1).font = { bold: true, size: 12 };
  totals.forEach(([k, v], i) => {
    const a = ws.getCell(6 + i, 1);
    const b = ws.getCell(6 + i, 2);
    a.value = rt(lang, k);
    b.value = v;
    a.border = BORDER;
    b.border = BORDER;
    a.fill = HEAD_FILL;
  });
  positive(ws, 'B11', FILLS.red);
  positive(ws, 'B7', FILLS.red);
  let row = 6 + totals.length + 1;
  if (!r.lightsComputed) {
    ws.mergeCells(row, 1, row, 2);
    ws.getCell(row, 1).value = rt(lang, 'cover.behind-absent');
    ws.getCell(row, 1).alignment = { wrapText: true, vertical: 'top' };
    ws.getCell(row, 1).font = { italic: true, size: 9 };
    ws.getRow(row).height = 54;
  }
  // The files: those not read first, each with why; the rest are listed on the files sheet.
  // The list starts on a page of its own, below the overview and its chart.
  row = Math.max(row + 2, 24);
  ws.getRow(row - 1).addPageBreak();
  ws.getCell(row, 1).value = rt(lang, 'cover.files');
  ws.getCell(row, 1).font = { bold: true, size: 12 };
  const files = [...r.files].sort((a, b) => Number(b.error !== undefined) - Number(a.error !== undefined));
  const head = ws.getRow(row + 1);
  const heads = [rt(lang, 'col.file'), rt(lang, 'col.status'), rt(lang, 'col.tables'), rt(lang, 'col.nodes'), rt(lang, 'col.why')];
  heads.forEach((h, i) => {
    const c = head.getCell(i === 4 ? 5 : i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = HEAD_FILL;
    c.border = BORDER;
  });
  ws.mergeCells(row + 1, 5, row + 1, span);
  files.forEach((f, k) => {
    const n = row + 2 + k;
    const status = f.error !== undefined ? rt(lang, 'cover.read-failed') : f.tables === 0 ? rt(lang, 'cover.no-table') : rt(lang, 'cover.read-ok');
    const cells: ExcelJS.CellValue[] = [path.basename(f.file), status, f.error !== undefined ? null : f.tables, f.error !== undefined ? null : f.nodes];
    cells.forEach((v, i) => {
      const c = ws.getCell(n, i + 1);
      c.value = v;
      c.border = BORDER;
    });
    ws.mergeCells(n, 5, n, span);
    const why = ws.getCell(n, 5);
    why.value = f.error ?? f.titles.join('；');
    why.border = BORDER;
    why.alignment = { vertical: 'top', shrinkToFit: true };
    if ((k + 1) % COVER_FILES_PER_PAGE === 0 && k + 1 < files.length) ws.getRow(n).addPageBreak();
  });
  colours(ws, `B${row + 2}:B${row + 1 + Math.max(files.length, 1)}`, [{ text: rt(lang, 'cover.read-failed'), argb: FILLS.red }]);
  [30, 14, 10, 10, 20, 20, 20, 20].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  printReady(ws, lang, asOf, `${row + 1}:${row + 1}`, 0);
  return ws;
}

const RANK_HEADS: RollupKey[] = [
  'col.rank', 'col.unit', 'col.light', 'col.earned', 'col.max', 'col.rate', 'col.tasks', 'col.nodes', 'col.overdue', 'col.due-soon', 'col.behind',
  'col.done', 'col.pending', 'col.red', 'col.yellow', 'col.blue', 'col.green', 'col.file',
];

function ranking(wb: ExcelJS.Workbook, lang: Lang, r: Rollup, asOf: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(rt(lang, 'sheet.ranking'));
  titleRow(ws, `${rt(lang, 'sheet.ranking')}（${rt(lang, 'cover.as-of', { date: asOf })}）`, RANK_HEADS.length);
  const rows = r.units.map((u) => [
    u.rank, u.unit, rt(lang, `light.${unitLight(u)}`), u.earned ?? rt(lang, 'not-computed'), u.max, rate(u) ?? rt(lang, 'not-computed'), u.tasks, u.nodes,
    u.overdue, u.dueSoon, dash(lang, u.behind), u.done, u.pending,
    dash(lang, u.lights?.red ?? null), dash(lang, u.lights?.yellow ?? null), dash(lang, u.lights?.blue ?? null), dash(lang, u.lights?.green ?? null),
    u.files.map((f) => path.basename(f)).join('、'),
  ]);
  table(ws, 2, RANK_HEADS.map((k) => rt(lang, k)), rows, [6, 24, 7, 8, 8, 9, 7, 7, 7, 8, 9, 7, 7, 6, 6, 6, 6, 36], false);
  const last = 2 + Math.max(rows.length, 1);
  // One line a unit, so that a page holds its share of rows.
  for (let n = 3; n <= last; n++) {
    ws.getRow(n).eachCell((c) => (c.alignment = { vertical: 'top', shrinkToFit: true }));
    if ((n - 2) % RANKING_ROWS_PER_PAGE === 0 && n < last) ws.getRow(n).addPageBreak();
  }
  ws.getColumn(6).numFmt = '0.0%';
  colours(ws, `C3:C${last}`, (['red', 'yellow', 'blue', 'green'] as const).map((l) => ({ text: rt(lang, `light.${l}`), argb: FILLS[l] })));
  positive(ws, `I3:I${last}`, FILLS.red);
  positive(ws, `K3:K${last}`, FILLS.yellow);
  positive(ws, `J3:J${last}`, FILLS.blue);
  printReady(ws, lang, asOf, '1:2');
  return ws;
}

const ITEM_HEADS: RollupKey[] = ['col.seq', 'col.unit', 'col.state', 'col.task', 'col.node', 'col.deadline', 'col.due', 'col.days-late', 'col.owner', 'col.phone', 'col.file', 'col.link'];

function overdue(wb: ExcelJS.Workbook, lang: Lang, r: Rollup, asOf: string, dir: string, copies: ReadonlyMap<string, string>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(rt(lang, 'sheet.overdue'));
  titleRow(ws, `${rt(lang, 'sheet.overdue')}（${rt(lang, 'cover.as-of', { date: asOf })}）`, ITEM_HEADS.length);
  // Nodes behind 序时进度 count as well as overdue ones; due soon is a reminder, on the notices only.
  const items = r.items.filter((x) => x.kind !== 'due-soon');
  const rows = items.map((x, i) => [
    i + 1, x.unit, `${rt(lang, `light.${x.grade}`)} · ${rt(lang, x.kind === 'overdue' ? 'state.overdue' : 'state.behind')}`,
    [x.seq, x.task].filter((s) => s).join(' '), x.node, x.deadline, x.due, x.daysLate, x.owner, x.phone, path.basename(x.file),
    linkTo(dir, copies.get(x.file) ?? x.file, x.cell),
  ]);
  table(ws, 2, ITEM_HEADS.map((k) => rt(lang, k)), rows, [6, 16, 14, 30, 48, 16, 12, 8, 10, 13, 20, 16]);
  const last = 2 + Math.max(rows.length, 1);
  colours(ws, `C3:C${last}`, [{ text: rt(lang, 'light.red'), argb: FILLS.red }, { text: rt(lang, 'light.yellow'), argb: FILLS.yellow }]);
  ws.addConditionalFormatting({ ref: `H3:H${last}`, rules: [{ type: 'dataBar', priority: 5, cfvo: [{ type: 'min' }, { type: 'max' }], color: { argb: 'FFE06666' } } as ExcelJS.DataBarRuleType] });
  for (let n = 3; n <= last; n++) ws.getCell(n, 12).font = { color: { argb: 'FF0563C1' }, underline: true };
  printReady(ws, lang, asOf, '1:2');
  return ws;
}

function findings(wb: ExcelJS.Workbook, lang: Lang, report: Report, asOf: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(rt(lang, 'sheet.findings'));
  const heads: RollupKey[] = ['col.file', 'col.cell', 'col.severity', 'col.rule', 'col.message'];
  titleRow(ws, `${rt(lang, 'sheet.findings')}（${rt(lang, 'cover.as-of', { date: asOf })}）`, heads.length);
  const rows = report.files.flatMap((f) =>
    f.findings.map((x) => [path.basename(f.file), x.cell ?? x.sheet ?? '', rt(lang, `severity.${x.severity}`), findingTitle(lang, x.rule) ?? '', x.message]),
  );
  table(ws, 2, heads.map((k) => rt(lang, k)), rows.length > 0 ? rows : [[rt(lang, 'no-findings')]], [24, 14, 8, 22, 90]);
  const last = 2 + Math.max(rows.length, 1);
  colours(ws, `C3:C${last}`, [{ text: rt(lang, 'severity.error'), argb: FILLS.red }, { text: rt(lang, 'severity.warning'), argb: FILLS.yellow }]);
  printReady(ws, lang, asOf, '1:2');
  return ws;
}

function filesSheet(wb: ExcelJS.Workbook, lang: Lang, report: Report, asOf: string, dir: string, copies: ReadonlyMap<string, string>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(t(lang, 'summary.sheet'));
  const headers = ['summary.file', 'summary.sheet-col', 'summary.unit', 'summary.nodes', 'summary.overdue', 'summary.due-soon', 'summary.done',
    'summary.errors', 'summary.warnings', 'summary.infos', 'summary.earned', 'summary.max', 'summary.link', 'summary.decided', 'summary.open', 'summary.unscorable', 'summary.note'] as const;
  const rows: ExcelJS.CellValue[][] = [];
  for (const f of report.files) {
    const count = (sev: string) => f.findings.filter((x) => x.severity === sev).length;
    const copy = copies.get(f.file);
    const link = copy ? { text: path.basename(copy), hyperlink: path.relative(dir, path.resolve(copy)) } : null;
    if (f.error) {
      rows.push([path.basename(f.file), '', t(lang, 'summary.unreadable'), null, null, null, null, count('error'), count('warning'), count('info')]);
      continue;
    }
    for (const s of f.sheets) {
      for (const tb of s.tables) {
        const nodes = tb.tasks.reduce((n, k) => n + k.nodes.length, 0);
        const st: Partial<Record<string, number>> = tb.states ?? {};
        rows.push([
          path.basename(f.file), s.name, tb.title ?? tb.range, nodes, st.overdue ?? 0, st.due_soon ?? 0, (st.done ?? 0) + (st.done_late ?? 0),
          count('error'), count('warning'), count('info'), tb.score?.earned ?? null, tb.score?.max ?? null, link,
          tb.score?.decided ?? null, tb.score?.open ?? null, tb.score?.unscorable ?? null, note(lang, tb),
        ]);
      }
    }
  }
  table(ws, 1, headers.map((h) => t(lang, h)), rows, [24, 14, 40, 10, 8, 10, 8, 8, 8, 8, 8, 8, 30, 8, 8, 8, 50]);
  positive(ws, `E2:E${1 + Math.max(rows.length, 1)}`, FILLS.red);
  printReady(ws, lang, asOf, '1:1');
  return ws;
}

/** The cover's chart: the units with most overdue (at most CHART_UNITS), on a hidden sheet of its own. */
function chartData(wb: ExcelJS.Workbook, lang: Lang, r: Rollup): ChartSpec | null {
  if (r.units.length === 0) return null;
  const units = [...r.units].sort((a, b) => b.overdue - a.overdue || (b.behind ?? 0) - (a.behind ?? 0) || a.rank - b.rank).slice(0, CHART_UNITS);
  const ws = wb.addWorksheet(rt(lang, 'sheet.chart-data'), { state: 'hidden' });
  const series: Array<{ key: RollupKey; pick: (u: UnitRow) => number; colour: string }> = [
    { key: 'col.overdue', pick: (u) => u.overdue, colour: 'C00000' },
    { key: 'col.due-soon', pick: (u) => u.dueSoon, colour: '2E75B6' },
    { key: 'col.behind', pick: (u) => u.behind ?? 0, colour: 'FFC000' },
    { key: 'col.done', pick: (u) => u.done, colour: '70AD47' },
  ];
  ws.addRow([rt(lang, 'col.unit'), ...series.map((s) => rt(lang, s.key))]);
  for (const u of units) ws.addRow([u.unit, ...series.map((s) => s.pick(u))]);
  return {
    sheet: ws.name,
    title: rt(lang, 'cover.chart'),
    categories: units.map((u) => u.unit),
    series: series.map((s, i) => ({ name: rt(lang, s.key), colour: s.colour, column: i + 2, values: units.map(s.pick) })),
  };
}

export async function writeSummaryWorkbook(report: Report, file: string, copies: ReadonlyMap<string, string>, options: SummaryOptions = {}): Promise<void> {
  const lang = report.lang;
  const asOf = report.asOf ?? '';
  const only = new Set(options.only ?? SUMMARY_SHEETS);
  const r = rollUp(report, 'lead', rt(lang, 'no-unit'));
  const dir = path.dirname(path.resolve(file));
  const wb = new ExcelJS.Workbook();
  wb.title = rt(lang, 'cover.title');
  const coverSheet = only.has('cover') ? cover(wb, lang, r, asOf) : null;
  if (only.has('ranking')) ranking(wb, lang, r, asOf);
  if (only.has('overdue')) overdue(wb, lang, r, asOf, dir, copies);
  if (only.has('findings')) findings(wb, lang, report, asOf);
  if (only.has('files')) filesSheet(wb, lang, report, asOf, dir, copies);
  const spec = coverSheet ? chartData(wb, lang, r) : null;
  let bytes: Uint8Array = new Uint8Array(await wb.xlsx.writeBuffer());
  // ExcelJS writes no charts: the chart part goes into the package it wrote, on the cover (sheet 1).
  if (coverSheet && spec) bytes = addBarChart(bytes, 1, spec, { from: { col: 3, row: 4 }, to: { col: 8, row: 22 } });
  fs.mkdirSync(dir, { recursive: true });
  await writeFileAtomic(file, bytes);
}
