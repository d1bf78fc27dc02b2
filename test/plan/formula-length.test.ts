/**
 * Excel refuses a formula longer than 8,192 characters. Every formula the plan writes (cells and
 * conditional formats) stays under it at any table size: the summary's categories and totals sum
 * ranges of its task list, never a list of cells. Measured on the bench's 20k-node workbook, and on
 * the same with a category per task (the most categories a table can have).
 */
import ExcelJS from 'exceljs';
import { generateWorkbook } from '../../bench/generate';
import { buildPlan, type EditPlan } from '../../src/core/plan';
import { checkWorkbook } from '../../src/core/check';
import { DEFAULT_POLICY } from '../../src/core/settings/scoring-policy';
import { gridsFromWorkbook } from '../../src/hosts/xlsx';

const EXCEL_FORMULA_LIMIT = 8192;

function planOf(wb: ExcelJS.Workbook, policy = DEFAULT_POLICY): EditPlan {
  const grids = gridsFromWorkbook(wb);
  const report = checkWorkbook('bench.xlsx', grids, { lang: 'zh-CN', asOf: '2018-07-15', policy });
  const sheets = report.sheets.map((s, i) => ({ grid: grids[i]!, tables: s.tables }));
  expect(sheets.flatMap((s) => s.tables).length).toBe(1);
  return buildPlan({ sheets, lang: 'zh-CN', asOf: '2018-07-15', today: '2018-07-15', policy }).plan;
}

function formulas(plan: EditPlan): string[] {
  return plan.edits.flatMap((e) => (e.kind === 'cell' && e.formula !== undefined ? [e.formula] : e.kind === 'highlight' ? [e.formula] : []));
}

describe('no formula the plan writes exceeds Excel’s 8,192 characters', () => {
  it('on the bench’s 20k-node workbook (5,000 tasks in 4 categories)', () => {
    const plan = planOf(generateWorkbook(20000));
    const all = formulas(plan);
    // 5,000 task scores, 5,000 task-list rows of 4 formulas, 4 categories and the total, at least.
    expect(all.length).toBeGreaterThan(5000 * 5 + 5);
    const longest = Math.max(...all.map((f) => f.length));
    expect(longest).toBeLessThanOrEqual(EXCEL_FORMULA_LIMIT);
    // The total reads two ranges, whatever the size.
    const total = plan.edits.find((e) => e.kind === 'cell' && e.sheet === '评分汇总' && e.cell === 'D9');
    expect(total).toMatchObject({ formula: 'IF(COUNT($D$5:$D$8)=0,"暂无可评分的节点：节点都还未到期，也没有完成情况",SUM($D$5:$D$8))' });
    process.stdout.write(`20k nodes: ${all.length} formulas, longest ${longest} characters\n`);
  }, 120_000);

  it('with a category of its own for each of 5,000 tasks', () => {
    const wb = generateWorkbook(20000);
    const ws = wb.getWorksheet('Sheet1')!;
    for (let r = 3, k = 1; r <= 20002; r += 4, k++) ws.getCell(`A${r}`).value = `类别${k}`;
    const plan = planOf(wb, { ...DEFAULT_POLICY, vetoScope: 'total' });
    const longest = Math.max(...formulas(plan).map((f) => f.length));
    expect(longest).toBeLessThanOrEqual(EXCEL_FORMULA_LIMIT);
    const cats = plan.edits.filter((e) => e.kind === 'cell' && e.sheet === '评分汇总' && /^B\d+$/.test(e.cell) && Number(e.cell.slice(1)) >= 5 && e.value !== '合计');
    expect(cats.length).toBe(5000);
  }, 120_000);
});
