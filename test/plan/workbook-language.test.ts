/**
 * Every word the add-in writes into a Chinese workbook is Chinese: over the seeds, applied in zh-CN,
 * no Latin letter in any text it wrote into a visible sheet (headers, the summary sheet, status
 * words, dropdown choices, the reasons its formulas show) — apart from what it copies from the
 * user's own cells (table titles, task names, categories) and sheet-qualified cell references.
 */
import ExcelJS from 'exceljs';
import type { Edit } from '../../src/core/plan';
import { applyWithHost } from '../../src/hosts/workflow';
import { XlsxWorkbookHost } from '../../src/hosts/xlsx/workbook-host';
import { fixturePath } from '../support/fixtures';

const SEEDS = ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004'];
const LATIN = /[A-Za-z]/;

/** The texts a formula shows: its string literals. */
function literals(formula: string): string[] {
  return [...formula.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => (m[1] as string).replace(/""/g, '"'));
}

/** Cell text of a value ExcelJS holds (rich text joined). */
function text(v: ExcelJS.CellValue): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return null;
}

describe.each(SEEDS)('%s applied in zh-CN', (seed) => {
  it('writes no English word', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fixturePath(`seeds/${seed}.xlsx`));
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(fixturePath(`seeds/${seed}.xlsx`));
    const host = new XlsxWorkbookHost(wb, `${seed}.xlsx`);
    const r = await applyWithHost(host, { lang: 'zh-CN', today: '2018-07-15', asOf: '2018-07-15' });

    // What the user wrote, which the summary may repeat: every text cell of the original workbook,
    // and the table titles and task names the report holds.
    const squeeze = (x: string) => x.replace(/\s+/g, '');
    const users: string[] = [];
    original.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => { const s = text(c.value); if (s !== null) users.push(squeeze(s)); })));
    // A summary label joins the user's texts (seq and title, a category path): each part is theirs.
    // The summary repeats the user's table titles, task names and categories (as the report reads them).
    const theirs = new Set<string>();
    for (const sh of r.report.sheets)
      for (const tb of sh.tables) {
        if (tb.title) theirs.add(squeeze(tb.title));
        for (const k of tb.tasks) {
          theirs.add(squeeze([k.seq, k.title].filter((x) => x !== null && x !== undefined && String(x).trim() !== '').join(' ')));
          theirs.add(squeeze(k.category.join(' / ')));
        }
        for (const c of tb.categories) theirs.add(squeeze(c.path.join(' / ')));
      }
    const copied = (s: string) => theirs.has(squeeze(s.replace(/…$/, ''))) || [...theirs].some((x) => s.endsWith('…') && x.startsWith(squeeze(s.slice(0, -1)))) || users.some((u) => u === squeeze(s));
    const sheetRef = /^[^!]+![A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/;

    const english: string[] = [];
    const look = (where: string, s: string) => {
      if (LATIN.test(s) && !copied(s) && !sheetRef.test(s)) english.push(`${where}: ${s}`);
    };
    for (const e of r.plan.edits as Edit[]) {
      if (e.kind === 'sheet') look('sheet name', e.sheet);
      if (e.kind === 'cell' && typeof e.value === 'string') look(`${e.sheet}!${e.cell}`, e.value);
      if (e.kind === 'cell' && e.formula) for (const l of literals(e.formula)) look(`${e.sheet}!${e.cell} formula`, l);
      if (e.kind === 'choices') for (const c of e.choices) look(`${e.sheet}!${e.range} choice`, c);
    }
    // And in the workbook as written: every visible sheet's text that the original did not hold there.
    wb.eachSheet((ws) => {
      if (ws.state !== 'visible') return;
      const before = original.getWorksheet(ws.name);
      ws.eachRow((row) =>
        row.eachCell((c) => {
          const s = text(c.value);
          if (s !== null && s !== text(before?.getCell(c.address).value ?? null)) look(`${ws.name}!${c.address}`, s);
        }),
      );
    });
    expect(english).toEqual([]);
    // The check: the plan did write its summary and columns.
    expect(r.plan.edits.some((e) => e.kind === 'sheet' && e.sheet === '评分汇总')).toBe(true);
  });
});
