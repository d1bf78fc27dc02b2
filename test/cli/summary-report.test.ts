/**
 * The 汇总 workbook as a report: every file given is on the cover (unreadable ones with why), a
 * ranking by unit, a 逾期清单 linking each node to its cell in the annotated copy, the findings, a
 * chart part LibreOffice reads back; print-ready and in the user's words. Printed by LibreOffice,
 * each sheet is landscape and one page wide: the cover and the ranking break after a known number
 * of rows, so their page counts are known, and a sheet split across page widths would double them.
 */
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli as run } from './support/run-cli';
import { COVER_FILES_PER_PAGE, RANKING_ROWS_PER_PAGE, writeSummaryWorkbook, type SummarySheet } from '../../src/cli/summary-workbook';
import { ReportSchema, type Report } from '../../src/core/contract';
import { rollUp } from '../../src/core/rollup';
import { corpusFiles, corpusWorkbookBuffer } from '../fixtures/corpus/build';
import { fixturePath } from '../support/fixtures';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-summary-'));
const profile = path.join(tmp, 'lo-profile');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const SEEDS = ['seed-000', 'seed-000-en', 'seed-001', 'seed-002', 'seed-003', 'seed-004'].map((s) => fixturePath(`seeds/${s}.xlsx`));
const PUBLIC = fs.readdirSync(fixturePath('public')).filter((f) => f.endsWith('.xlsx')).sort().map((f) => fixturePath(`public/${f}`));

/** A broken package and a missing file: both must be on the cover, with why. */
function unreadable(): string[] {
  const broken = path.join(tmp, 'broken.xlsx');
  fs.writeFileSync(broken, Buffer.from('PK\u0003\u0004 not really a zip'));
  return [broken, path.join(tmp, 'missing.xlsx')];
}

/** Pages of a PDF, each as [width, height] in points (LibreOffice writes one MediaBox per page). */
function pdfPages(file: string): Array<[number, number]> {
  const pdf = fs.readFileSync(file, 'latin1');
  const pages = [...pdf.matchAll(/\/Type\s*\/Page[^s]/g)].length;
  const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[3]), Number(m[4])] as [number, number]);
  expect(boxes.length).toBeGreaterThanOrEqual(pages);
  return boxes.slice(0, pages);
}

function soffice(to: string, file: string): string {
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', path.dirname(file), file], { stdio: 'ignore', timeout: 300_000 });
  return file.replace(/\.xlsx$/, `.${to}`);
}

async function printed(report: Report, sheet: SummarySheet, name: string): Promise<Array<[number, number]>> {
  const file = path.join(tmp, `${name}-${sheet}.xlsx`);
  await writeSummaryWorkbook(report, file, new Map(), { only: [sheet] });
  return pdfPages(soffice('pdf', file));
}

function strings(ws: ExcelJS.Worksheet, col: number, from: number): string[] {
  const out: string[] = [];
  for (let r = from; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, col).value;
    if (typeof v === 'string') out.push(v);
  }
  return out;
}

describe('the 汇总 workbook of the seeds and public fixtures', () => {
  let report: Report;
  let wb: ExcelJS.Workbook;
  let summary: string;
  const out = path.join(tmp, 'copies');

  beforeAll(async () => {
    summary = path.join(tmp, 'sum', '汇总.xlsx');
    const r = await run(['apply', ...SEEDS, ...PUBLIC, ...unreadable(), '--as-of', '2018-07-15', '--out', out, '--summary', summary, '--json']);
    expect(r.code).toBe(1);
    report = ReportSchema.parse(JSON.parse(r.out));
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(summary);
  });

  it('has a cover, a ranking, a 逾期清单, the findings and the per-file rows, named in Chinese', () => {
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['封面', 'visible'], ['单位排名', 'visible'], ['逾期清单', 'visible'], ['检查发现', 'visible'], ['汇总', 'visible'], ['图表数据', 'hidden'],
    ]);
    const cover = wb.getWorksheet('封面')!;
    expect(cover.getCell('A1').value).toBe('责任分解表汇总报告');
    expect(cover.getCell('A2').value).toBe('统计截止日期：2018-07-15');
    expect(cover.getCell('A3').value).toBe(`已读取文件 ${SEEDS.length + PUBLIC.length} 个，无法读取 2 个，共 ${SEEDS.length + PUBLIC.length + 2} 个`);
  });

  it('shows no points for seed 003, nothing of it due by 2018-07-15: 0 decided, 400 open, and why', () => {
    const ws = wb.getWorksheet('汇总')!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => {
      if (row.getCell(1).value === 'seed-003.xlsx') rows.push([11, 12, 14, 15, 16, 17].map((c) => row.getCell(c).value));
    });
    expect(rows).toEqual([[null, 400, 0, 400, 0, '暂无可评分的节点：节点都还未到期，也没有完成情况']]);
  });

  it('lists every file given on the cover, the unreadable first with why', () => {
    const cover = wb.getWorksheet('封面')!;
    const names = strings(cover, 1, 24);
    for (const f of [...SEEDS, ...PUBLIC, 'broken.xlsx', 'missing.xlsx']) expect(names).toContain(path.basename(f));
    const at = (name: string) => {
      for (let r = 1; r <= cover.rowCount; r++) if (cover.getCell(r, 1).value === name) return r;
      return -1;
    };
    const missing = at('missing.xlsx');
    expect(cover.getCell(missing, 2).value).toBe('无法读取');
    expect(String(cover.getCell(missing, 5).value)).toContain('文件或文件夹不存在');
    expect(at('broken.xlsx')).toBeLessThan(at('seed-000.xlsx'));
    expect(cover.getCell(at('seed-000.xlsx'), 2).value).toBe('已读取');
  });

  it('ranks units with their counts; the 逾期清单 has every overdue node of seed 000 linked to its cell in the copy', () => {
    const ranking = wb.getWorksheet('单位排名')!;
    expect((ranking.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['名次', '责任单位', '亮灯']);
    const rollup = rollUp(report);
    expect(ranking.rowCount).toBe(2 + rollup.units.length);
    const list = wb.getWorksheet('逾期清单')!;
    const rows: Array<{ unit: unknown; late: unknown; link: { text: string; hyperlink: string } }> = [];
    list.eachRow((row, n) => {
      if (n > 2 && row.getCell(11).value === 'seed-000.xlsx') rows.push({ unit: row.getCell(2).value, late: row.getCell(8).value, link: row.getCell(12).value as { text: string; hyperlink: string } });
    });
    expect(rows).toHaveLength(29);
    const liang = rows.filter((r) => r.unit === '梁玉勤');
    expect(liang.map((r) => [r.late, r.link])).toEqual([
      [106, { text: 'Sheet1!E53', hyperlink: '../copies/seed-000.xlsx#Sheet1!E53' }],
      [15, { text: 'Sheet1!E54', hyperlink: '../copies/seed-000.xlsx#Sheet1!E54' }],
    ]);
  });

  it('says state, light and severity in Chinese only, and shows behind 序时进度 as not computed when there are no lights', () => {
    const english = /\b(overdue|due soon|behind|done|pending|red|yellow|blue|green|error|warning|info|unreadable|read)\b/i;
    const own = [
      ...strings(wb.getWorksheet('封面')!, 2, 24), ...strings(wb.getWorksheet('单位排名')!, 3, 3), ...strings(wb.getWorksheet('逾期清单')!, 3, 3),
      ...strings(wb.getWorksheet('检查发现')!, 3, 3), ...wb.worksheets.flatMap((w) => (w.getRow(w.name === '汇总' ? 1 : 2).values as unknown[]).filter((v) => typeof v === 'string') as string[]),
    ];
    expect(own.length).toBeGreaterThan(40);
    for (const s of own) expect(s).not.toMatch(english);
    expect(own).toContain('红灯 · 逾期未完成');
    const ranking = wb.getWorksheet('单位排名')!;
    expect(ranking.getCell('K3').value).toBe('—');
  });

  it('is print-ready: landscape, one page wide, header rows repeated, the date in the footer, filters and frozen headers', () => {
    for (const name of ['封面', '单位排名', '逾期清单', '检查发现', '汇总']) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.headerFooter.oddFooter).toContain('统计截止 2018-07-15');
      if (name !== '封面') {
        expect(ws.pageSetup.printTitlesRow).toBe(name === '汇总' ? '1:1' : '1:2');
        expect(ws.autoFilter).toBeDefined();
        expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: name === '汇总' ? 1 : 2 });
      }
    }
    expect((wb.getWorksheet('逾期清单') as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings.length).toBeGreaterThan(0);
  });

  it('holds a DrawingML bar chart on the cover: overdue, due soon, behind and done by unit', () => {
    const files = unzipSync(fs.readFileSync(summary));
    const chart = strFromU8(files['xl/charts/chart1.xml']!);
    expect(chart).toContain('<c:barChart>');
    expect([...chart.matchAll(/<c:ser>/g)]).toHaveLength(4);
    for (const s of ['逾期', '即将到期', '落后序时进度', '已完成', '梁玉勤']) expect(chart).toContain(s);
    expect(strFromU8(files['xl/worksheets/_rels/sheet1.xml.rels']!)).toContain('../drawings/drawing1.xml');
    expect(strFromU8(files['xl/worksheets/sheet1.xml']!)).toMatch(/<drawing r:id="[^"]+"\/>/);
    expect(strFromU8(files['[Content_Types].xml']!)).toContain('/xl/charts/chart1.xml');
  });

  it('opens in LibreOffice, which reads the chart back and prints landscape pages', () => {
    const copy = path.join(tmp, 'lo');
    fs.mkdirSync(copy, { recursive: true });
    fs.copyFileSync(summary, path.join(copy, 'sum.xlsx'));
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', path.join(copy, 'back'), path.join(copy, 'sum.xlsx')], { stdio: 'ignore', timeout: 300_000 });
    const back = unzipSync(fs.readFileSync(path.join(copy, 'back', 'sum.xlsx')));
    const chart = Object.keys(back).find((k) => /^xl\/charts\/chart\d+\.xml$/.test(k));
    expect(chart).toBeDefined();
    expect([...strFromU8(back[chart!]!).matchAll(/<c:ser>/g)]).toHaveLength(4);
    const pages = pdfPages(soffice('pdf', path.join(copy, 'sum.xlsx')));
    expect(pages.length).toBeGreaterThan(3);
    for (const [w, h] of pages) expect(w).toBeGreaterThan(h);
  });

  it('prints the cover and the ranking each one landscape page wide', async () => {
    const units = rollUp(report).units.length;
    const cover = await printed(report, 'cover', 'fixtures');
    expect(cover).toHaveLength(1 + Math.ceil((SEEDS.length + PUBLIC.length + 2) / COVER_FILES_PER_PAGE));
    const ranking = await printed(report, 'ranking', 'fixtures');
    expect(ranking).toHaveLength(Math.max(1, Math.ceil(units / RANKING_ROWS_PER_PAGE)));
    for (const [w, h] of [...cover, ...ranking]) {
      expect(Math.round(w)).toBe(842);
      expect(Math.round(h)).toBe(595);
    }
  });
});

describe('the 汇总 workbook of the seeds, public fixtures and the corpus', () => {
  it('has every file on the cover and prints the cover and ranking one landscape page wide', async () => {
    const dir = path.join(tmp, 'corpus');
    fs.mkdirSync(dir, { recursive: true });
    const corpus: string[] = [];
    for (const f of corpusFiles()) {
      const file = path.join(dir, `${f.id}.xlsx`);
      fs.writeFileSync(file, await corpusWorkbookBuffer(f.entry));
      corpus.push(file);
    }
    expect(corpus.length).toBeGreaterThan(50);
    const all = [...SEEDS, ...PUBLIC, ...corpus, ...unreadable()];
    const summary = path.join(tmp, 'corpus-sum.xlsx');
    const r = await run(['check', ...all, '--as-of', '2018-07-15', '--json', '--summary', summary]);
    const report = ReportSchema.parse(JSON.parse(r.out));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(summary);
    const names = strings(wb.getWorksheet('封面')!, 1, 24);
    for (const f of all) expect(names).toContain(path.basename(f));
    const pages = pdfPages(soffice('pdf', summary));
    for (const [w, h] of pages) expect(w).toBeGreaterThan(h);
    expect(await printed(report, 'cover', 'corpus')).toHaveLength(1 + Math.ceil(all.length / COVER_FILES_PER_PAGE));
    expect(await printed(report, 'ranking', 'corpus')).toHaveLength(Math.max(1, Math.ceil(rollUp(report).units.length / RANKING_ROWS_PER_PAGE)));
  });
});
