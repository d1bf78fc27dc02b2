import { asOfFromTitle } from '../../../src/core/progress/as-of-title';

describe('an as-of date in a title', () => {
  it('reads 截至 / 截止 dates, with the plan year when the title gives none', () => {
    expect(asOfFromTitle('2024年重点工作推进情况（截至10月31日）', 2024)).toBe('2024-10-31');
    expect(asOfFromTitle('重点项目进度表（截至2024年6月底）', null)).toBe('2024-06-30');
    expect(asOfFromTitle('截止2023年2月底重点任务完成情况', null)).toBe('2023-02-28');
    expect(asOfFromTitle('工作台账（截至2024.9.30）', null)).toBe('2024-09-30');
    expect(asOfFromTitle('2025年项目推进表（截至3月）', 2025)).toBe('2025-03-31');
  });

  it('reads English "as at" / "as of" dates', () => {
    expect(asOfFromTitle('Key projects progress report as at 31 March 2024', null)).toBe('2024-03-31');
    expect(asOfFromTitle('Delivery tracker (as of June 30, 2024)', null)).toBe('2024-06-30');
  });

  it('guesses nothing: no year, an impossible date, or no as-of phrase', () => {
    expect(asOfFromTitle('推进情况（截至10月31日）', null)).toBeNull();
    expect(asOfFromTitle('推进情况（截至2024年2月30日）', null)).toBeNull();
    expect(asOfFromTitle('2024年重点工作任务分解表', 2024)).toBeNull();
    expect(asOfFromTitle('完成时限：2024年10月31日', 2024)).toBeNull();
    expect(asOfFromTitle(null, 2024)).toBeNull();
  });
});
