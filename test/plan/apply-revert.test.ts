/**
 * Revert is exact: apply then revert gives back every sheet, cell value, formula, style, merge,
 * width, height, data validation, conditional format and defined name of the original; applying
 * twice before reverting gives the same. A plan never writes over the user's data.
 */
import ExcelJS from 'exceljs';
import { generateWorkbook } from '../../bench/generate';
import { annotateWorkbook, revertPlan } from '../../src/hosts/xlsx';
import { fixturePath } from '../support/fixtures';
import { snapshotWorkbook } from '../support/workbook-snapshot';

async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load((await wb.xlsx.writeBuffer()) as ExcelJS.Buffer);
  return again;
}

async function fromFixture(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fixturePath(file));
  // Compare like with like: the original as it reads after one save by the same library.
  return reload(wb);
}

const OPTIONS = { lang: 'zh-CN' as const, asOf: '2018-07-15', today: '2018-07-15' };
const SEEDS = ['seeds/seed-000.xlsx', 'seeds/seed-001.xlsx', 'seeds/seed-002.xlsx', 'seeds/seed-003.xlsx', 'seeds/seed-004.xlsx', 'layouts/two-tables.xlsx', 'layouts/two-level-header.xlsx'];

describe.each(SEEDS)('%s', (file) => {
  it('apply writes, revert gives back the original exactly; twice the same', async () => {
    const original = await fromFixture(file);
    const before = snapshotWorkbook(original);

    const wb = await fromFixture(file);
    const { plan } = annotateWorkbook(wb, file, OPTIONS);
    expect(plan.edits.length).toBeGreaterThan(10);
    const applied = await reload(wb);
    expect(snapshotWorkbook(applied)).not.toEqual(before);
    expect(revertPlan(applied)).toBe(true);
    expect(snapshotWorkbook(await reload(applied))).toEqual(before);

    const twice = await fromFixture(file);
    annotateWorkbook(twice, file, OPTIONS);
    const again = await reload(twice);
    annotateWorkbook(again, file, { ...OPTIONS, asOf: '2018-09-01', today: '2018-09-01' });
    const reopened = await reload(again);
    // One summary sheet, one journal: the second apply replaced the first.
    expect(reopened.worksheets.map((w) => w.name).filter((n) => n === '评分汇总' || n === '_resptable_journal')).toEqual(['评分汇总', '_resptable_journal']);
    revertPlan(reopened);
    expect(snapshotWorkbook(await reload(reopened))).toEqual(before);
  });
});

describe('generated workbook', () => {
  it('reverts exactly', async () => {
    const original = await reload(generateWorkbook(400));
    const before = snapshotWorkbook(original);
    const wb = await reload(original);
    annotateWorkbook(wb, 'gen.xlsx', OPTIONS);
    const applied = await reload(wb);
    revertPlan(applied);
    expect(snapshotWorkbook(await reload(applied))).toEqual(before);
  });
});

describe('the user’s data', () => {
  it('is a finding, never overwritten: a value where the status column would go', async () => {
    const wb = await fromFixture('seeds/seed-000.xlsx');
    wb.getWorksheet('Sheet1')!.getCell('K5').value = '王科长 已核';
    const { report, plan } = annotateWorkbook(wb, 'seed-000.xlsx', OPTIONS);
    expect(report.findings.filter((f) => f.rule === 'plan.occupied').map((f) => [f.cell, f.found])).toEqual([['Sheet1!K5', '王科长 已核']]);
    expect(wb.getWorksheet('Sheet1')!.getCell('K5').value).toBe('王科长 已核');
    expect(plan.edits.filter((e) => e.kind !== 'sheet' && 'sheet' in e && e.sheet === 'Sheet1')).toEqual([]);
  });
});

describe('settings kept in the workbook', () => {
  it('keeps the mapping and the scoring policy with the journal, and the next apply starts from them', async () => {
    const { readJournal } = await import('../../src/hosts/xlsx');
    const { ScoringPolicySchema } = await import('../../src/core/settings/scoring-policy');
    const wb = await fromFixture('seeds/seed-000.xlsx');
    const mapping = { version: 1 as const, tables: [{ sheet: 'Sheet1', table: 1, columns: { H: 'remark' as const } }] };
    const policy = ScoringPolicySchema.parse({ lateCredit: 0.25, dueSoonDays: 14 });
    annotateWorkbook(wb, 'seed-000.xlsx', { ...OPTIONS, mapping, policy });
    const reopened = await reload(wb);
    expect(readJournal(reopened)?.settings).toEqual({ policy, mapping, lang: 'zh-CN' });
    // A second apply with no settings given uses the kept ones.
    const { report } = annotateWorkbook(reopened, 'seed-000.xlsx', OPTIONS);
    expect(report.sheets[0]!.tables[0]!.columns.find((c) => c.column === 'H')).toMatchObject({ role: 'remark', confidence: 1 });
    expect(readJournal(reopened)?.settings?.policy.lateCredit).toBe(0.25);
  });
});

describe('milestones in one column per quarter', () => {
  it('are checked and scored, but no colours or formulas are written for them, and that is said', async () => {
    const wb = await fromFixture('layouts/quarter-columns.xlsx');
    const before = snapshotWorkbook(await reload(wb));
    const { report, plan } = annotateWorkbook(wb, 'quarter-columns.xlsx', { lang: 'en-US', asOf: '2024-07-01', today: '2024-07-01' });
    const table = report.sheets[0]?.tables[0];
    expect(table?.tasks.map((k) => k.nodes.length)).toEqual([4, 4, 4]);
    expect(table?.score).toBeDefined();
    expect(report.findings.filter((f) => f.rule === 'plan.milestones-in-columns').map((f) => [f.severity, f.message])).toEqual([
      ['warning', expect.stringContaining('推进计划!A2:H6')],
    ]);
    expect(plan.edits.filter((e) => 'sheet' in e && e.sheet === '推进计划')).toEqual([]);
    revertPlan(wb);
    expect(snapshotWorkbook(await reload(wb))).toEqual(before);
  });
});
