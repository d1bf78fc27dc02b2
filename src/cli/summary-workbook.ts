/** A collector's summary: one row per file and table, with a link to each annotated copy. */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { t, type Lang } from '../core/i18n';
import type { Report, TableReport } from '../core/report';

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

export async function writeSummaryWorkbook(report: Report, file: string, copies: ReadonlyMap<string, string>): Promise<void> {
  const lang = report.lang;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t(lang, 'summary.sheet'));
  const headers = ['summary.file', 'summary.sheet-col', 'summary.unit', 'summary.nodes', 'summary.overdue', 'summary.due-soon', 'summary.done',
    'summary.errors', 'summary.warnings', 'summary.infos', 'summary.earned', 'summary.max', 'summary.link', 'summary.decided', 'summary.open', 'summary.unscorable', 'summary.note'] as const;
  ws.addRow(headers.map((h) => t(lang, h)));
  ws.getRow(1).font = { bold: true };
  ws.columns = [24, 14, 40, 10, 8, 10, 8, 8, 8, 8, 8, 8, 30, 8, 8, 8, 50].map((width) => ({ width }));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const dir = path.dirname(path.resolve(file));
  for (const f of report.files) {
    const count = (sev: string) => f.findings.filter((x) => x.severity === sev).length;
    const copy = copies.get(f.file);
    const link = copy ? { text: path.basename(copy), hyperlink: path.relative(dir, path.resolve(copy)) } : null;
    if (f.error) {
      ws.addRow([path.basename(f.file), '', t(lang, 'summary.unreadable'), null, null, null, null, count('error'), count('warning'), count('info'), null, null, null]);
      continue;
    }
    for (const s of f.sheets) {
      for (const table of s.tables) {
        const nodes = table.tasks.reduce((n, k) => n + k.nodes.length, 0);
        const st: Partial<Record<string, number>> = table.states ?? {};
        ws.addRow([
          path.basename(f.file), s.name, table.title ?? table.range, nodes, st.overdue ?? 0, st.due_soon ?? 0, (st.done ?? 0) + (st.done_late ?? 0),
          count('error'), count('warning'), count('info'), table.score?.earned ?? null, table.score?.max ?? null, link,
          table.score?.decided ?? null, table.score?.open ?? null, table.score?.unscorable ?? null, note(lang, table),
        ]);
      }
    }
  }
  fs.mkdirSync(dir, { recursive: true });
  await wb.xlsx.writeFile(file);
}
