/** @jest-environment jsdom */
/**
 * The scores section: a table with nothing decided shows no points but the reason; equal shares are
 * said; every task's score opens to its explanation (weight, nodes with states, deadlines and what
 * each earned, the reading). Expected values written by hand from the seeds.
 */
import './setup';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { checkWorkbook } from '../../src/core/check';
import { gridsFromWorkbook, readGridsFromFile } from '../../src/hosts/xlsx';
import { placedTables } from '../../src/taskpane/report-view';
import { ScoresPanel } from '../../src/taskpane/ScoresPanel';
import { fixturePath } from '../support/fixtures';
import { itemDeductionsWorkbook, ownRulesWorkbook } from '../support/own-rules-workbook';

async function report(seed: string, asOf: string) {
  const grids = await readGridsFromFile(fixturePath(`seeds/${seed}.xlsx`));
  return checkWorkbook(seed, grids, { asOf });
}

describe('scores panel', () => {
  it('seed 003 before its year ends: no points anywhere, the reason and what is open', async () => {
    render(<ScoresPanel lang="zh-CN" tables={placedTables(await report('seed-003', '2022-07-01'))} />);
    expect(screen.getByTestId('score-table-total').textContent).toBe('合计 —');
    expect(screen.getByTestId('score-table-none').textContent).toBe('暂无可评分的节点：节点都还未到期，也没有完成情况');
    expect(screen.getByTestId('scores').textContent).toContain('满分 400：已定 0，未到期 400，无法评分 0');
    for (const b of screen.getAllByTestId('score-task-points')) expect(b.textContent).toBe('—');
    // No digit followed by " / " anywhere: no points shown.
    expect(screen.getByTestId('scores').textContent).not.toMatch(/\d \/ \d/);
  });

  it('says equal shares when the table has no weight column (seed 002: 100 over 34 tasks)', async () => {
    render(<ScoresPanel lang="en-US" tables={placedTables(await report('seed-002', '2018-01-15'))} />);
    expect(screen.getByTestId('score-equal-shares').textContent).toBe('The table has no weight column: 100 points shared equally by 34 tasks, 2.94 each');
  });

  it('opens a task score to its weight, its nodes and what each earned (seed 000 task 1, as of 2018-07-15)', async () => {
    render(<ScoresPanel lang="en-US" tables={placedTables(await report('seed-000', '2018-07-15'))} />);
    const task1 = screen.getAllByTestId('score-task')[0]!;
    const button = within(task1).getByTestId('score-task-points');
    // No status: the Q1 and Q2 nodes are overdue (5 points decided, none earned), Q3 and Q4 open.
    expect(button.textContent).toBe('0 / 5');
    expect(screen.queryByTestId('score-explanation')).toBeNull();
    fireEvent.click(button);
    const ex = screen.getByTestId('score-explanation');
    expect(ex.textContent).toContain('Worth 10 (weight column); 4 milestones of 2.5 each');
    expect(within(ex).getAllByTestId('score-explanation-node').map((n) => n.textContent)).toEqual([
      'Row 3 · 2018.03.31 · overdue · earned 0 of 2.5',
      'Row 4 · 2018.06.30 · overdue · earned 0 of 2.5',
      'Row 5 · 2018.09.30 · not yet due · not counted yet (2.5)',
      'Row 6 · 2018.12.31 · not yet due · not counted yet (2.5)',
    ]);
    expect(ex.textContent).toContain('of 10: 5 decided, 5 not yet due, 0 unscorable');
    expect(ex.textContent).toContain('earned so far');
    expect(button.getAttribute('aria-expanded')).toBe('true');
  });
});

describe('scores panel: a table’s own rules and its title’s date', () => {
  it('says the table was scored as of its title’s 截至 date, its 起评分 and its bonus cap', () => {
    const r = checkWorkbook('own-rules', gridsFromWorkbook(ownRulesWorkbook()), { asOf: '2024-08-01', asOfFromTitle: true });
    render(<ScoresPanel lang="zh-CN" tables={placedTables(r)} />);
    expect(screen.getAllByTestId('score-as-of-title').map((e) => e.textContent)).toEqual(['按标题中的截至日期 2024-06-30 计算']);
    expect(screen.getByTestId('score-deduction-base').textContent).toBe('扣分制：起评分 100 分，减扣分，加加分');
    expect(screen.getAllByTestId('score-bonus-cap').map((e) => e.textContent)).toEqual(['加分最高 5 分', '加分最高 5 分']);
    // 42 of 100 (Sheet1) and 87.5 of 100 (扣分制).
    expect(screen.getAllByTestId('score-table-total').map((e) => e.textContent)).toEqual(['合计 42 / 100', '合计 87.5 / 100']);
  });
});

describe('scores panel: a 扣分制 table scored item by item', () => {
  it.each<['zh-CN' | 'en-US', string[], string]>([
    [
      'zh-CN',
      [
        '分值 20 − 扣分 6 = 14（扣分制，按项计分）',
        '分值 10 − 扣分 12 = 0（扣分制，按项计分）',
        '分值 30：尚未录入扣分，暂不计分（扣分制，按项计分）',
        '分值 15 − 扣分 0 + 加分 3 = 18（扣分制，按项计分）',
        '分值 15 − 扣分 -4 = 15（扣分制，按项计分）',
        '得分 8：表中填写的得分，照录',
      ],
      '扣分制：每项得分为分值减扣分（不低于 0，不超过分值），加加分；未录入扣分的项暂不计分',
    ],
    [
      'en-US',
      [
        'Points 20 − deduction 6 = 14 (deduction-based, by item)',
        'Points 10 − deduction 12 = 0 (deduction-based, by item)',
        'Points 30: no deduction entered yet, not scored (deduction-based, by item)',
        'Points 15 − deduction 0 + bonus 3 = 18 (deduction-based, by item)',
        'Points 15 − deduction -4 = 15 (deduction-based, by item)',
        'Score 8: the table’s own 得分, as written',
      ],
      'Deduction-based by item: each item scores its points minus its deduction (not below 0, not above its points), plus its bonus; an item with no deduction entered is not scored yet',
    ],
  ])('%s: every item opens to its 分值, 扣分 and bonus', (lang, lines, rule) => {
    const r = checkWorkbook('items', gridsFromWorkbook(itemDeductionsWorkbook()), { asOf: '2024-07-01' });
    render(<ScoresPanel lang={lang} tables={placedTables(r)} />);
    expect(screen.getByTestId('score-item-deductions').textContent).toBe(rule);
    const buttons = screen.getAllByTestId('score-task-points');
    expect(buttons.map((b) => b.textContent)).toEqual(['14 / 20', '0 / 10', '—', '18 / 15', '15 / 15', '8 / 10']);
    for (const b of buttons) fireEvent.click(b);
    expect(screen.getAllByTestId('score-explanation-item').map((e) => e.textContent)).toEqual(lines);
    expect(screen.getByTestId('score-table-total').textContent).toBe(lang === 'zh-CN' ? '合计 55 / 70' : 'Total 55 / 70');
  });
});
