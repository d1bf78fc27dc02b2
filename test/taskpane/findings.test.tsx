/**
 * @jest-environment jsdom
 *
 * The findings as work to get through, over seed-000 (2 impossible dates, 6 warnings, 9 dates with
 * spaces at G38–G41 and G44–G48): severity filters, groups by rule, fix-all in one batch with one
 * undo, select all cells of a rule; and what a long proposal shows.
 */
import './setup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { byRule, changeView } from '../../src/taskpane/report-view';
import { ui } from '../../src/taskpane/strings';
import { seedHost, type RecordingHost } from './fake-host';
import type { XlsxWorkbookHost } from '../../src/hosts/xlsx/workbook-host';

const TODAY = '2026-12-01';
const SPACED = ['G38', 'G39', 'G40', 'G41', 'G44', 'G45', 'G46', 'G47', 'G48'];
const FIXED: Record<string, string> = {
  G38: '2018.03.31', G39: '2018.06.30', G40: '2018.09.30', G41: '2018.12.31',
  G44: '2018.12.31', G45: '2018.03.31', G46: '2018.06.30', G47: '2018.09.30', G48: '2018.12.31',
};

const enabled = (testId: string) => !screen.getByTestId(testId).hasAttribute('disabled');

// Generous: Apply over a seed takes seconds on a loaded two-core machine.
const SLOW = { timeout: 60_000 };

async function settle(): Promise<void> {
  await waitFor(() => expect(screen.queryByTestId('progress')).toBeNull(), SLOW);
  await waitFor(() => expect(enabled('check-button')).toBe(true), SLOW);
}

async function checked(lang: 'zh-CN' | 'en-US' = 'zh-CN'): Promise<{ host: RecordingHost; wb: Awaited<ReturnType<typeof seedHost>>['wb'] }> {
  const { host, wb } = await seedHost();
  render(<App host={host} lang={lang} today={TODAY} />);
  await waitFor(() => expect(enabled('check-button')).toBe(true));
  fireEvent.click(screen.getByTestId('check-button'));
  await settle();
  await screen.findAllByTestId('finding-group');
  return { host, wb };
}

const group = (rule: string) => screen.queryAllByTestId('finding-group').find((g) => g.dataset.rule === rule);
const shownSeverities = () => [...new Set(screen.getAllByTestId('finding').map((f) => f.dataset.severity))].sort();

describe('findings first', () => {
  it('come before the tables, grouped by rule, errors first, each rule named in plain words', async () => {
    await checked();
    const pane = screen.getByTestId('taskpane');
    const findings = screen.getByTestId('findings');
    const tables = screen.getByTestId('tables');
    // In document order, the findings section precedes the tables section.
    expect(findings.compareDocumentPosition(tables) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(pane.contains(findings)).toBe(true);
    const groups = screen.getAllByTestId('finding-group');
    expect(groups.map((g) => [g.dataset.rule, g.dataset.count])).toEqual([
      ['date.invalid', '2'],
      ['structure.node-text', '4'],
      ['weight.total', '1'],
      ['structure.task-weight', '1'],
      ['text.date-spaces', '9'],
    ]);
    expect(within(group('text.date-spaces')!).getByTestId('finding-group-toggle').textContent).toContain('日期中有空格（9）');
    // A group among several shows its first five, and more on asking.
    expect(within(group('text.date-spaces')!).getAllByTestId('finding')).toHaveLength(5);
    fireEvent.click(within(group('text.date-spaces')!).getByTestId('show-more'));
    expect(within(group('text.date-spaces')!).getAllByTestId('finding')).toHaveLength(9);
  });

  it('filters by severity with the counts on the filters, and back to all', async () => {
    await checked('en-US');
    expect(screen.getByTestId('filter-all').textContent).toBe(ui('en-US', 'findings.filter-all', { count: 17 }));
    expect(screen.getByTestId('filter-error').textContent).toBe('Errors 2');
    expect(screen.getByTestId('filter-warning').textContent).toBe('Warnings 6');
    expect(screen.getByTestId('filter-info').textContent).toBe('Info 9');
    expect(shownSeverities()).toEqual(['error', 'info', 'warning']);

    fireEvent.click(screen.getByTestId('filter-error'));
    expect(screen.getByTestId('filter-error').getAttribute('aria-pressed')).toBe('true');
    expect(shownSeverities()).toEqual(['error']);
    expect(screen.getAllByTestId('finding').map((f) => f.dataset.cell)).toEqual(['Sheet1!G42', 'Sheet1!G43']);

    fireEvent.click(screen.getByTestId('filter-info'));
    expect(shownSeverities()).toEqual(['info']);
    expect(screen.getAllByTestId('finding-group').map((g) => g.dataset.rule)).toEqual(['text.date-spaces']);
    // The one group left shows a whole page.
    expect(screen.getAllByTestId('finding')).toHaveLength(9);

    // Clicking the chosen filter again shows all.
    fireEvent.click(screen.getByTestId('filter-info'));
    expect(shownSeverities()).toEqual(['error', 'info', 'warning']);
  });

  it('fix-all writes every cell of the rule in one batch; one undo puts them all back', async () => {
    const { host, wb } = await checked();
    const ws = wb.getWorksheet('Sheet1')!;
    const before = SPACED.map((c) => ws.getCell(c).value);
    // Rules whose fix is not safe for every cell at once (or that have none) offer no fix-all.
    expect(within(group('date.invalid')!).queryByTestId('fix-all-button')).toBeNull();
    expect(within(group('structure.node-text')!).queryByTestId('fix-all-button')).toBeNull();
    const button = within(group('text.date-spaces')!).getByTestId('fix-all-button');
    expect(button.textContent).toBe('全部修正（9 处）');

    fireEvent.click(button);
    await settle();
    expect(host.ops('applyFixes')).toEqual([{ op: 'applyFixes', fixes: SPACED.map((c) => ({ cell: `Sheet1!${c}`, value: FIXED[c] })) }]);
    expect(SPACED.map((c) => ws.getCell(c).value)).toEqual(SPACED.map((c) => FIXED[c]));
    expect(group('text.date-spaces')).toBeUndefined();
    expect(screen.getByTestId('status-message').textContent).toBe(
      '已修正“日期中有空格”9 处：Sheet1!G38、Sheet1!G39、Sheet1!G40、Sheet1!G41、Sheet1!G44 等（另有 4 处）。点“撤销修正”可一次恢复。',
    );
    expect(screen.getByTestId('undo-fixes-button').textContent).toBe('撤销修正（9 处）');

    fireEvent.click(screen.getByTestId('undo-fixes-button'));
    await settle();
    expect(host.ops('undoFixes')).toHaveLength(1);
    expect(SPACED.map((c) => ws.getCell(c).value)).toEqual(before);
    expect(group('text.date-spaces')?.dataset.count).toBe('9');
    expect(screen.getByTestId('status-message').textContent).toBe(ui('zh-CN', 'status.fixes-undone', { count: 9 }));
    expect(screen.queryByTestId('undo-fixes-button')).toBeNull();
  });

  it('selects all cells of a rule at once, and says how many', async () => {
    const { host } = await checked();
    fireEvent.click(within(group('text.date-spaces')!).getByTestId('select-all-button'));
    await waitFor(() => expect(host.ops('selectCells')).toHaveLength(1));
    expect(host.ops('selectCells')).toEqual([{ op: 'selectCells', cells: SPACED.map((c) => `Sheet1!${c}`) }]);
    expect((host.inner as XlsxWorkbookHost).selectionAreas).toEqual(['G38:G41', 'G44:G48']);
    await waitFor(() => expect(screen.getByTestId('status-message').textContent).toBe('已在工作表“Sheet1”中选中“日期中有空格”的 9 个单元格。'));
    // A rule of one cell has no "select all": its line selects it.
    expect(within(group('weight.total')!).queryByTestId('select-all-button')).toBeNull();
  });
});

describe('a long proposal shows what changes', () => {
  const same = (text: string) => ({ kind: 'same', text });
  const removed = (text: string) => ({ kind: 'removed', text });
  const added = (text: string) => ({ kind: 'added', text });
  it.each([
    ['2018. 03. 31', '2018.03.31', [same('2018.'), removed('␣'), same('03.'), removed('␣'), same('31')]],
    ['  加快新城医院项目建设。', '加快新城医院项目建设。', [removed('␣␣'), same('加快新城医院项目建设。')]],
    ['１２３', '123', [removed('１２３'), added('123')]],
    ['abc', '', [removed('abc')]],
  ])('%j → %j', (found, proposed, view) => {
    expect(changeView(found, proposed)).toEqual(view);
  });

  it('a 500-character cell with a trailing space: a few characters of context, the rest cut', () => {
    const text = `${'很长的节点内容'.repeat(71)}。`; // 498 characters
    expect(changeView(`${text} `, text)).toEqual([same(`…${text.slice(-12)}`), removed('␣')]);
  });

  it('stray spaces at both ends of a long text: both shown, the middle cut', () => {
    const text = '甲'.repeat(100);
    expect(changeView(` ${text} `, text)).toEqual([removed('␣'), same(`${'甲'.repeat(12)}…${'甲'.repeat(12)}`), removed('␣')]);
  });

  it('a long change itself is cut', () => {
    expect(changeView('a', `a${'x'.repeat(100)}`)).toEqual([same('a'), added(`${'x'.repeat(48)}…`)]);
  });
});

describe('byRule', () => {
  it('groups by rule and severity, errors first, larger groups first, fixes only for safe rules', () => {
    const groups = byRule([
      { rule: 'text.stray-space', severity: 'info', cell: 'S!A1', message: 'm', fix: { cell: 'S!A1', value: 'x' } },
      { rule: 'owner.phone', severity: 'warning', cell: 'S!B1', message: 'm' },
      { rule: 'text.stray-space', severity: 'info', cell: 'S!A2', message: 'm', fix: { cell: 'S!A2', value: null } },
      { rule: 'date.invalid', severity: 'error', cell: 'S!C1', message: 'm' },
      { rule: 'owner.phone', severity: 'warning', cell: 'S!B2', message: 'm' },
      { rule: 'recognize.no-table', severity: 'warning', sheet: 'S', message: 'm' },
    ]);
    expect(groups.map((g) => [g.rule, g.findings.length, g.cells, g.fixes])).toEqual([
      ['date.invalid', 1, ['S!C1'], []],
      ['owner.phone', 2, ['S!B1', 'S!B2'], []],
      ['recognize.no-table', 1, [], []],
      // A fix that clears the cell (null) is not one the host writes: left out of the fix-all.
      ['text.stray-space', 2, ['S!A1', 'S!A2'], [{ cell: 'S!A1', value: 'x' }]],
    ]);
  });
});

describe('one truth on screen', () => {
  jest.setTimeout(180_000);
  it('an as-of change on an annotated workbook says plainly that Apply is needed, until Apply; Revert re-reads', async () => {
    const { host, wb } = await checked();
    const overdueToday = screen.getByTestId('count-overdue').textContent;
    fireEvent.click(screen.getByTestId('apply-button'));
    await settle();
    expect(screen.getByTestId('status-message').dataset.intent).toBe('success');
    expect(screen.queryByTestId('applied-other-date')).toBeNull();
    // Written with TODAY(): the summary's as-of cell follows the calendar.
    expect(wb.getWorksheet('评分汇总')!.getCell('B2').formula).toBe('TODAY()');

    fireEvent.change(screen.getByTestId('asof-input'), { target: { value: '2018-07-15' } });
    await settle();
    await waitFor(() => expect(screen.getByTestId('status-message').dataset.intent).toBe('warning'), SLOW);
    expect(screen.getByTestId('status-message').textContent).toBe(
      '已按统计日期 2018-07-15 重新检查，窗格中的数字已更新；工作簿中的颜色和得分仍按“今天（随系统日期更新）”计算，点“应用标注”后才会更新。',
    );
    expect(screen.getByTestId('applied-other-date').textContent).toBe(
      '工作簿中的标注按统计日期“今天（随系统日期更新）”计算，窗格显示的是 2018-07-15 的结果；点“应用标注”使两者一致。',
    );
    expect(screen.getByTestId('count-overdue').textContent).not.toBe(overdueToday);

    fireEvent.click(screen.getByTestId('apply-button'));
    await settle();
    expect(screen.queryByTestId('applied-other-date')).toBeNull();
    // 2018-07-15 as an Excel serial: the workbook's formulas now read the pane's date.
    expect(wb.getWorksheet('评分汇总')!.getCell('B2').value).toBe(43296);

    fireEvent.click(screen.getByTestId('revert-button'));
    await settle();
    expect(host.ops('revert')).toHaveLength(1);
    // Revert re-reads the workbook and checks it again.
    const reads = host.ops('read').length;
    expect(reads).toBeGreaterThanOrEqual(3);
    expect(wb.getWorksheet('评分汇总')).toBeUndefined();
    expect(screen.queryByTestId('applied-other-date')).toBeNull();
    expect(screen.getByTestId('status-message').textContent).toBe(ui('zh-CN', 'status.reverted'));
  });
});
