/**
 * The columns apply adds beside a table (status, due date, score) are wide enough for their labels
 * on one line: `截止日期（自动）` was cut off at the old fixed width of 14.
 */
import { generateWorkbook } from '../../bench/generate';
import { buildPlan, labelWidth, type EditPlan } from '../../src/core/plan';
import type { Lang } from '../../src/core/i18n';
import { checkWorkbook } from '../../src/core/check';
import { DEFAULT_POLICY } from '../../src/core/settings/scoring-policy';
import { gridsFromWorkbook } from '../../src/hosts/xlsx';

function planOf(lang: Lang): EditPlan {
  const grids = gridsFromWorkbook(generateWorkbook(40));
  const report = checkWorkbook('small.xlsx', grids, { lang, asOf: '2018-07-15', policy: DEFAULT_POLICY });
  const sheets = report.sheets.map((s, i) => ({ grid: grids[i]!, tables: s.tables }));
  return buildPlan({ sheets, lang, asOf: '2018-07-15', today: '2018-07-15', policy: DEFAULT_POLICY }).plan;
}

/** Each added header's label → its column's width, on the table's sheet. */
function headerWidths(plan: EditPlan): Record<string, number> {
  const widths = new Map(plan.edits.flatMap((e) => (e.kind === 'width' && e.sheet === 'Sheet1' ? [[e.column, e.width] as const] : [])));
  const out: Record<string, number> = {};
  for (const e of plan.edits) {
    if (e.kind !== 'cell' || e.sheet !== 'Sheet1' || !e.bold || typeof e.value !== 'string') continue;
    const w = widths.get(e.cell.replace(/\d+$/, ''));
    if (w !== undefined) out[e.value] = w;
  }
  return out;
}

describe('added columns fit their labels', () => {
  test('a label’s width: full-width characters count about two, others about one, plus a margin', () => {
    // 8 full-width characters: 16.8 → 17, + 2.
    expect(labelWidth('截止日期（自动）')).toBe(19);
    // 12 narrow characters: 13.8 → 14, + 2.
    expect(labelWidth('Score (auto)')).toBe(16);
  });

  test('zh-CN: the two long labels widen their columns; a short one keeps the usual 14', () => {
    expect(headerWidths(planOf('zh-CN'))).toEqual({ 完成情况: 14, '截止日期（自动）': 19, '任务得分（自动）': 19 });
  });

  test('en-US: only the label that needs it is wider', () => {
    expect(headerWidths(planOf('en-US'))).toEqual({ Status: 14, 'Due (auto)': 14, 'Score (auto)': 16 });
  });
});
