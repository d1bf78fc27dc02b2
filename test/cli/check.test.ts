import type ExcelJSTypes from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli as run } from './support/run-cli';
import { ReportSchema, type Report } from '../../src/core/contract';
import { fixturePath } from '../support/fixtures';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('resptable check', () => {
  it('prints the report contract with --json, validated, and exits 0 when nothing is wrong', async () => {
    const r = await run(['check', fixturePath('seeds/seed-002.xlsx'), '--json', '--as-of', '2017-07-01']);
    const report = ReportSchema.parse(JSON.parse(r.out)) as Report;
    expect(report.asOf).toBe('2017-07-01');
    expect(report.files).toHaveLength(1);
    expect(report.files[0]?.sheets.flatMap((s) => s.tables)).toHaveLength(1);
    expect(r.code).toBe(0);
  });

  it('reports an unreadable file as an error for that file and still checks the others', async () => {
    const bad = path.join(tmp, '收集表.xlsx');
    fs.writeFileSync(bad, '序号,工作任务\n1,推进');
    const missing = path.join(tmp, 'missing.xlsx');
    const r = await run(['check', bad, fixturePath('seeds/seed-000.xlsx'), missing, '--json', '--lang', 'en-US']);
    const report = ReportSchema.parse(JSON.parse(r.out));
    expect(report.files.map((f) => [path.basename(f.file), f.error !== undefined])).toEqual([
      ['收集表.xlsx', true],
      ['seed-000.xlsx', false],
      ['missing.xlsx', true],
    ]);
    expect(report.files[0]?.findings[0]).toMatchObject({ rule: 'file.unreadable', severity: 'error' });
    expect(report.files[0]?.error).toContain('not an .xlsx');
    expect(report.files[1]?.sheets[0]?.tables.length).toBe(1);
    expect(r.code).toBe(1);
  });

  it('says so when a sheet has no responsibility table, without failing', async () => {
    const r = await run(['check', fixturePath('layouts/no-table.xlsx'), '--json']);
    const report = ReportSchema.parse(JSON.parse(r.out));
    const file = report.files[0]!;
    expect(file.sheets.every((s) => s.tables.length === 0)).toBe(true);
    expect(file.findings.filter((f) => f.rule === 'recognize.no-table').map((f) => f.sheet)).toEqual(file.sheets.map((s) => s.name));
    expect(r.code).toBe(0);
  });

  it('prints a readable summary per file and sheet, in Chinese by default', async () => {
    const r = await run(['check', fixturePath('seeds/seed-000.xlsx')]);
    expect(r.out).toContain('工作表“Sheet1”');
    expect(r.out).toContain('      G 列“节点完成期限” → 完成期限  把握 0.79\n');
    // Role names, task lines and rule titles in the user's words; the ids stay in --json.
    expect(r.out).toContain('      A 列“工作类别” → 类别（第 1 级）  把握 0.79\n');
    expect(r.out).toContain('        第 3–6 行 · 1 · 36. 加快新城医院项目建设。 · 4 个节点\n');
    expect(r.out).toContain('  Sheet1!G42  错误 [日期不存在] “节点完成期限”2018-9-31 不是有效日期');
    const en = await run(['check', fixturePath('seeds/seed-002.xlsx'), '--lang', 'en-US']);
    // The figure is the calibrated confidence (calibration.ts), which moves as the corpus grows.
    expect(en.out).toMatch(/\n {6}column B "项目" → category \(level 1\) {2}confidence 0\.\d{2}\n/);
    expect(en.out).toContain('        row 11 · 8 · 3.家庭签约对象手机APP签约率达到20%，新发放可穿戴设备4000台。 · 1 milestone\n');
    expect(r.out).toMatch(/任务 \d+ 项，节点 \d+ 个/);
  });

  it('applies a mapping that corrects a column, and rejects an invalid one with a clear message', async () => {
    const mapping = path.join(tmp, 'mapping.json');
    fs.writeFileSync(mapping, JSON.stringify({ version: 1, tables: [{ sheet: 'Sheet1', table: 1, columns: { H: 'remark', F: { role: null } } }] }));
    const r = await run(['check', fixturePath('seeds/seed-000.xlsx'), '--json', '--mapping', mapping]);
    const cols = ReportSchema.parse(JSON.parse(r.out)).files[0]!.sheets[0]!.tables[0]!.columns;
    expect(cols.find((c) => c.column === 'H')).toMatchObject({ role: 'remark', confidence: 1 });
    expect(cols.find((c) => c.column === 'F')).toMatchObject({ role: null, confidence: 1 });

    fs.writeFileSync(mapping, JSON.stringify({ tables: [{ sheet: 'Sheet1', columns: { H: 'boss' } }] }));
    const bad = await run(['check', fixturePath('seeds/seed-000.xlsx'), '--mapping', mapping, '--lang', 'en-US']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('mapping file');
    expect(bad.err).toContain('columns.H');
  });

  it('rejects bad options and dates with usage, exit 2', async () => {
    expect((await run(['check'])).code).toBe(2);
    const r = await run(['check', 'x.xlsx', '--as-of', '2018-9-31', '--lang', 'en-US']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--as-of needs a date');
    expect((await run(['check', 'x.xlsx', '--frobnicate'])).code).toBe(2);
  });

  it('prints the JSON Schema of the report', async () => {
    const r = await run(['schema']);
    const schema = JSON.parse(r.out);
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['version', 'files']));
    expect(r.code).toBe(0);
  });
});

describe('findings on the command line', () => {
  it('exits 1 when a finding is an error, as linters do; --exit-zero and --severity', async () => {
    const r = await run(['check', fixturePath('seeds/seed-000.xlsx'), '--lang', 'en-US']);
    expect(r.code).toBe(1);
    // The cell comes first on each finding line, so a person can jump there.
    expect(r.out).toMatch(/^ {2}Sheet1!G42 {2}error \[Impossible date\] "节点完成期限" 2018-9-31 is not a real date \(month 9 has 30 days\)/m);
    expect((await run(['check', fixturePath('seeds/seed-000.xlsx'), '--exit-zero'])).code).toBe(0);
    expect((await run(['check', fixturePath('seeds/seed-004.xlsx')])).code).toBe(0);
    const errorsOnly = ReportSchema.parse(JSON.parse((await run(['check', fixturePath('seeds/seed-000.xlsx'), '--json', '--severity', 'error'])).out));
    expect(errorsOnly.files[0]!.findings.map((f) => [f.rule, f.cell])).toEqual([
      ['date.invalid', 'Sheet1!G42'],
      ['date.invalid', 'Sheet1!G43'],
    ]);
    expect((await run(['check', 'x.xlsx', '--severity', 'fatal'])).code).toBe(2);
  });

  it('lists the rule catalogue, and docs/rules.md is what the catalogue says', async () => {
    const { RULES } = await import('../../src/core/rules');
    const { rulesMarkdown } = await import('../../src/cli/rules-doc');
    const r = await run(['rules', '--lang', 'en-US']);
    for (const rule of RULES) expect(r.out).toContain(`\`${rule.id}\``);
    const onDisk = fs.readFileSync(path.resolve(__dirname, '../../docs/rules.md'), 'utf8');
    // Stale docs: run `npm run docs`.
    expect(onDisk).toBe(rulesMarkdown());
  });
});

describe('resptable apply and revert', () => {
  it('writes an annotated copy and a summary, never the input; revert gives the original back', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const { snapshotWorkbook } = await import('../support/workbook-snapshot');
    const input = path.join(tmp, 'seed-000.xlsx');
    fs.copyFileSync(fixturePath('seeds/seed-000.xlsx'), input);
    const before = fs.readFileSync(input);
    const out = path.join(tmp, 'annotated');
    const r = await run(['apply', input, '--as-of', '2018-07-15', '--out', out, '--summary', path.join(out, 'summary.xlsx'), '--lang', 'en-US']);
    // Seed 000 holds two impossible dates: findings of the report, not a failed apply.
    expect(r.code).toBe(0);
    expect(r.out).toContain('[Impossible date]');
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    // No status anywhere: the 29 overdue nodes are decided (30 + 20/3 + 5 + 10 = 51.67 points), none
    // done; the 25 not yet due are open.
    expect(r.out).toContain('score 0 / 51.67 (of 90: 51.67 decided, 38.33 not yet due, 0 unscorable)');

    const annotated = new ExcelJS.Workbook();
    await annotated.xlsx.readFile(path.join(out, 'seed-000.xlsx'));
    expect(annotated.worksheets.map((w) => w.name)).toEqual(['Sheet1', 'Scores', '_resptable_journal']);

    const summary = new ExcelJS.Workbook();
    await summary.xlsx.readFile(path.join(out, 'summary.xlsx'));
    const row = summary.getWorksheet('Summary')!.getRow(2).values as unknown[];
    expect(row.slice(1, 8)).toEqual(['seed-000.xlsx', 'Sheet1', '区卫生计生局 单位2018年度绩效目标任务责任分解表', 54, 29, 0, 0]);

    const back = path.join(tmp, 'reverted');
    expect((await run(['revert', path.join(out, 'seed-000.xlsx'), '--out', back])).code).toBe(0);
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(input);
    const reverted = new ExcelJS.Workbook();
    await reverted.xlsx.readFile(path.join(back, 'seed-000.xlsx'));
    const again = new ExcelJS.Workbook();
    await again.xlsx.load((await original.xlsx.writeBuffer()) as ExcelJSTypes.Buffer);
    expect(snapshotWorkbook(reverted)).toEqual(snapshotWorkbook(again));
  });

  it('checks an annotated copy as the original, with the column mapping kept in it', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const { XlsxWorkbookHost } = await import('../../src/hosts/xlsx/workbook-host');
    const out = path.join(tmp, 'annotated-kept');
    await run(['apply', fixturePath('seeds/seed-000.xlsx'), '--as-of', '2018-07-15', '--out', out]);
    const copy = path.join(out, 'seed-000.xlsx');
    const json = async (file: string) => ReportSchema.parse(JSON.parse((await run(['check', file, '--json', '--as-of', '2018-07-15'])).out)).files[0]!;
    const original = await json(fixturePath('seeds/seed-000.xlsx'));
    const annotated = await json(copy);
    expect(annotated.sheets).toEqual(original.sheets);
    expect(annotated.findings.map((f) => [f.rule, f.cell])).toEqual(original.findings.map((f) => [f.rule, f.cell]));

    // The task pane keeps a correction in the workbook: G is not a deadline column.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(copy);
    await new XlsxWorkbookHost(wb, copy).saveSettings({ version: 1, mapping: { version: 1, tables: [{ sheet: 'Sheet1', table: 1, columns: { G: null } }] }, fixes: [] });
    await wb.xlsx.writeFile(copy);
    const kept = await json(copy);
    expect(kept.sheets[0]?.tables[0]?.columns.find((c) => c.column === 'G')?.role).toBeNull();
    expect(kept.findings.some((f) => f.rule === 'date.invalid')).toBe(false);
  });

  it('asks where to write before changing anything', async () => {
    const r = await run(['apply', fixturePath('seeds/seed-000.xlsx'), '--lang', 'en-US']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out DIR');
  });
});

describe('a mapping that names what is not there', () => {
  it('says so, naming the column and the table range', async () => {
    const mapping = path.join(tmp, 'outside.json');
    fs.writeFileSync(mapping, JSON.stringify({ tables: [{ sheet: 'Sheet1', table: 1, columns: { Q: 'remark' } }, { sheet: 'Sheet1', table: 2, columns: { A: 'seq' } }] }));
    const r = await run(['check', fixturePath('seeds/seed-000.xlsx'), '--json', '--mapping', mapping, '--lang', 'en-US']);
    const findings = ReportSchema.parse(JSON.parse(r.out)).files[0]!.findings;
    expect(findings.find((f) => f.rule === 'recognize.mapping-column-outside')?.message).toBe(
      'The mapping names column Q, which is outside table A2:J56; it was not applied.',
    );
    expect(findings.find((f) => f.rule === 'recognize.mapping-unused')?.message).toContain('table 2 of sheet "Sheet1"');
  });
});

describe('resptable check: scores that say what they rest on', () => {
  it('seed 003 with no statuses, before its year ends: no points, the reason, and what is open', async () => {
    const r = await run(['check', fixturePath('seeds/seed-003.xlsx'), '--as-of', '2022-07-01', '--lang', 'en-US']);
    expect(r.out).toContain('no score: Nothing to score yet: no milestone is due and none has a status (of 400: 0 decided, 400 not yet due, 0 unscorable)');
    expect(r.out).not.toMatch(/score \d/);
    const zh = await run(['check', fixturePath('seeds/seed-003.xlsx'), '--as-of', '2022-07-01']);
    expect(zh.out).toContain('不计分：暂无可评分的节点：节点都还未到期，也没有完成情况（满分 400：已定 0，未到期 400，无法评分 0）');
  });

  it('says when tasks share the points equally for want of a weight column', async () => {
    // Seed 002 has no weight column: 100 points over its 34 tasks.
    const r = await run(['check', fixturePath('seeds/seed-002.xlsx'), '--as-of', '2018-01-15', '--lang', 'en-US']);
    expect(r.out).toContain('The table has no weight column: 100 points shared equally by 34 tasks, 2.94 each');
    // After its plan year every item is due and none is done: a score of 0, all decided.
    expect(r.out).toContain('score 0 / 100 (of 100: 100 decided, 0 not yet due, 0 unscorable)');
  });
});

describe('a mapping that places a table by hand', () => {
  it('is honoured by check: the range and header rows given, the table said to be set by the user', async () => {
    const mapping = path.join(tmp, 'ranged.json');
    // Seed 000's table is A2:J56; the user says it ends at row 30.
    fs.writeFileSync(mapping, JSON.stringify({ tables: [{ sheet: 'Sheet1', range: 'A2:J30', headerRows: [2], columns: { J: 'remark' } }] }));
    const r = await run(['check', fixturePath('seeds/seed-000.xlsx'), '--json', '--mapping', mapping, '--as-of', '2018-07-15']);
    const file = ReportSchema.parse(JSON.parse(r.out)).files[0]!;
    const tables = file.sheets[0]!.tables;
    expect(tables.map((t) => [t.range, t.headerRows, t.rangeFrom])).toEqual([['A2:J30', [2], 'settings']]);
    expect(tables[0]!.columns.find((c) => c.column === 'J')).toMatchObject({ role: 'remark', confidence: 1 });
    expect(Math.max(...tables[0]!.tasks.flatMap((k) => k.nodes.map((n) => n.row)))).toBeLessThanOrEqual(30);
    // The impossible dates of rows 42 and 43 (found without the mapping) are outside the table the user drew.
    expect(file.findings.filter((f) => f.rule === 'date.invalid')).toEqual([]);
  });

  it('refuses header rows outside the range, naming the file and where in it', async () => {
    const mapping = path.join(tmp, 'bad-rows.json');
    fs.writeFileSync(mapping, JSON.stringify({ tables: [{ sheet: 'Sheet1', range: 'A2:J30', headerRows: [1] }] }));
    const r = await run(['check', fixturePath('seeds/seed-000.xlsx'), '--mapping', mapping, '--lang', 'en-US']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`The mapping file ${mapping} is not valid: tables.0.headerRows.0: row 1 is outside the range A2:J30`);
  });
});
